/**
 * Tencent Chat error codes that send_broadcast_msg, send_group_msg and get_appid_group_list can
 * answer, with what a person can do about each: the one place that says what a code means and
 * whether a later identical request can succeed (the spec's error tables). `rate-limited`: the
 * call was refused unprocessed for a frequency limit, and is tried again after a second.
 */
interface TencentError {
  meaning: string
  retry: 'no' | 'yes' | 'rate-limited' | 'new-usersig' | 'after-60s'
  remedy: string
}

// Remedies that several codes share.
const backOff = 'Tencent is rate-limiting this app; retry later or space out broadcasts.'
const transient = 'A transient Tencent failure; run the job again.'
const checkPath =
  'The request path is wrong; if `endpoint` is a proxy, check that it forwards the path unchanged.'
const checkAccounts = 'Check `admin-identifier`, `from-account` and the UserSig.'
const needsAdmin = 'Set `admin-identifier` to the app admin account from the Tencent Chat console.'
const unreadableUserSig =
  'The UserSig could not be read; check `user-sig`, or use `secret-key` and let the action sign.'
const checkRegion =
  'Check `region` (or `endpoint`): the SDKAppID must be called on the domain of the region it was created in.'
const checkKey =
  'Check `secret-key` and `sdk-app-id`: the key must be the one the Tencent Chat console shows for this SDKAppID.'

export const TENCENT_ERRORS: Readonly<Record<number, TencentError>> = {
  10002: {
    meaning: 'internal server error',
    retry: 'yes',
    remedy: transient
  },
  10003: {
    meaning: 'invalid command word',
    retry: 'no',
    remedy: checkPath
  },
  10004: {
    meaning: 'invalid parameter',
    retry: 'no',
    remedy:
      'The message was rejected as malformed or over 12,000 bytes; check `from-account`, `cloud-custom-data` and the announcement size.'
  },
  10007: {
    meaning: 'no permission',
    retry: 'no',
    remedy:
      'Set `admin-identifier` to the app admin account. For `target: broadcast`, switch on "Broadcast messaging of audio-video group" in the Tencent Chat console (Ultimate edition), or use `target: live-rooms`, which every edition has.'
  },
  10010: {
    meaning: 'the group does not exist or was disbanded',
    retry: 'no',
    remedy: 'Remove the group from `group-ids`: it is gone.'
  },
  10015: {
    meaning: 'invalid group ID',
    retry: 'no',
    remedy: 'Check `group-ids`: no group of this app has that ID.'
  },
  10016: {
    meaning: "refused by the app's before-send callback",
    retry: 'no',
    remedy: "The app's own before-send callback refused the message: check its rules and logs."
  },
  10017: {
    meaning: 'the sender is muted in the group',
    retry: 'no',
    remedy: 'Unmute `from-account` (or the admin) in the group, or send as another account.'
  },
  10018: {
    meaning: 'the list of groups is over 1 MB',
    retry: 'no',
    remedy: 'Tencent could not answer a page of group IDs; please report this.'
  },
  10023: {
    meaning: 'message frequency limit reached',
    retry: 'rate-limited',
    remedy:
      'Space out the jobs that announce: broadcasts are limited to 1 a second (Ultimate) or 5 (Enterprise), group messages to 200 a second for the app.'
  },
  60002: {
    meaning: 'HTTP parse error',
    retry: 'no',
    remedy:
      'The request URL was malformed; if `endpoint` is a proxy, check that it forwards the query unchanged.'
  },
  60003: {
    meaning: 'request JSON parse error',
    retry: 'no',
    remedy:
      'The body did not arrive as valid JSON; if `endpoint` is a proxy, check that it forwards the body unchanged.'
  },
  60004: {
    meaning: 'account or signature error',
    retry: 'no',
    remedy: checkAccounts
  },
  60005: {
    meaning: 'account or signature error',
    retry: 'no',
    remedy: checkAccounts
  },
  60006: {
    meaning: 'invalid SDKAppID',
    retry: 'no',
    remedy: 'Check `sdk-app-id` against the Tencent Chat console.'
  },
  60007: { meaning: 'REST API call frequency limit', retry: 'rate-limited', remedy: backOff },
  60008: {
    meaning: 'service timeout or bad HTTP request',
    retry: 'yes',
    remedy: transient
  },
  60009: {
    meaning: 'wrong request resource',
    retry: 'no',
    remedy: checkPath
  },
  60010: {
    meaning: 'the request needs the app admin',
    retry: 'no',
    remedy: needsAdmin
  },
  60011: { meaning: 'SDKAppID call frequency limit', retry: 'rate-limited', remedy: backOff },
  60012: {
    meaning: 'SDKAppID missing from the URL',
    retry: 'no',
    remedy:
      'Check `sdk-app-id`; if `endpoint` is a proxy, check that it forwards the query unchanged.'
  },
  60016: {
    meaning: 'SDKAppID disabled',
    retry: 'no',
    remedy: 'The app is disabled; check its status in the Tencent Chat console.'
  },
  60017: {
    meaning: 'request disabled',
    retry: 'no',
    remedy: 'This API is disabled for the app; check the Tencent Chat console.'
  },
  60018: { meaning: 'too many requests', retry: 'rate-limited', remedy: backOff },
  60019: { meaning: 'too many requests', retry: 'rate-limited', remedy: backOff },
  60020: {
    meaning: 'paid package expired',
    retry: 'no',
    remedy: 'Renew the Tencent Chat package for this app.'
  },
  60021: {
    meaning: 'caller IP not allowed',
    retry: 'no',
    remedy:
      'The app has an IP allowlist; GitHub-hosted runners change IPs, so remove the allowlist or use a self-hosted runner (or a proxy through `endpoint`) with a fixed IP.'
  },
  70001: {
    meaning: 'UserSig expired',
    retry: 'new-usersig',
    remedy:
      'Check the runner clock, or raise `user-sig-ttl`; with `user-sig`, give a fresh one (or use `secret-key`).'
  },
  70002: {
    meaning: 'UserSig empty',
    retry: 'no',
    remedy: 'Give `secret-key` or a non-empty `user-sig`.'
  },
  70003: {
    meaning: 'UserSig invalid',
    retry: 'no',
    remedy: unreadableUserSig
  },
  70005: {
    meaning: 'UserSig cannot be parsed',
    retry: 'no',
    remedy: unreadableUserSig
  },
  70009: { meaning: 'UserSig check failed (wrong key or SDKAppID)', retry: 'no', remedy: checkKey },
  70013: {
    meaning: 'identifier differs from the UserSig',
    retry: 'no',
    remedy:
      'The UserSig was signed for another account; set `admin-identifier` to the account it was signed for.'
  },
  70014: {
    meaning: 'SDKAppID differs from the UserSig',
    retry: 'no',
    remedy: 'The UserSig was signed for another app; check `sdk-app-id`.'
  },
  70016: { meaning: 'key not found for this SDKAppID', retry: 'no', remedy: checkRegion },
  70020: {
    meaning: 'SDKAppID not found',
    retry: 'no',
    remedy: `${checkRegion} Also check \`sdk-app-id\`.`
  },
  70050: {
    meaning: 'too many failed UserSig checks',
    retry: 'after-60s',
    remedy: `Tencent locks out an app after repeated bad signatures; wait a minute. ${checkKey}`
  },
  70051: {
    meaning: 'account blocklisted',
    retry: 'no',
    remedy: 'The admin account is blocklisted; check it in the Tencent Chat console.'
  },
  70052: {
    meaning: 'UserSig invalidated',
    retry: 'new-usersig',
    remedy: 'The UserSig was revoked; use `secret-key` so the action signs a fresh one.'
  },
  70107: {
    meaning: 'UserID not imported',
    retry: 'no',
    remedy: 'Import the account first, or check `from-account` and `admin-identifier`.'
  },
  70169: {
    meaning: 'server timeout',
    retry: 'yes',
    remedy: transient
  },
  70202: {
    meaning: 'server timeout',
    retry: 'yes',
    remedy: transient
  },
  70398: {
    meaning: 'account-count limit (trial edition)',
    retry: 'no',
    remedy: 'Upgrade the Tencent Chat edition or remove unused accounts.'
  },
  70402: {
    meaning: 'invalid parameter',
    retry: 'no',
    remedy: 'Check `from-account` and `admin-identifier`.'
  },
  70403: {
    meaning: 'the request needs the app admin',
    retry: 'no',
    remedy: needsAdmin
  },
  70500: {
    meaning: 'internal error',
    retry: 'yes',
    remedy: transient
  },
  80001: {
    meaning: 'refused by content security (text)',
    retry: 'no',
    remedy:
      "Tencent's content security refused the words: rephrase `title`, `message` or `desc`, or the release notes."
  },
  80002: {
    meaning: 'message too long',
    retry: 'no',
    remedy: 'Lower `max-bytes`: some plans limit a group message to 8,000 bytes.'
  },
  80003: {
    meaning: "the app's before-send callback failed or timed out",
    retry: 'yes',
    remedy: "The app's before-send callback failed or timed out; check it, then run the job again."
  },
  80004: {
    meaning: 'refused by content security (image)',
    retry: 'no',
    remedy: "Tencent's content security refused the message; check the links and images it carries."
  }
}

/** What is known of a code; codes outside the table get a generic, still actionable, entry. */
export function describeError(code: number): TencentError {
  return (
    TENCENT_ERRORS[code] ?? {
      meaning: 'unlisted error',
      retry: 'no',
      remedy: 'See https://intl.cloud.tencent.com/document/product/1047/34348 for this code.'
    }
  )
}
