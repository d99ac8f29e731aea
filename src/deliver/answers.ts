import type { HttpAnswer, TransportFailure } from './http.js'
import { isJsonObject, topLevelInteger, type JsonObject } from '../json.js'
import type { Secrets } from '../secrets.js'

/**
 * How one try ended. Every text in it (`info`) is already safe to print: scrubbed of secrets and
 * inert, as it comes from a server, a proxy or Node.
 */
export type MessageAnswer = { ok: true; msgSeq: number } | Failure

export type Failure =
  /** Tencent refused, with one of its codes. */
  | { ok: false; reason: 'tencent'; code: number; info: string }
  /** Accepted, then dropped by a live room's frequency control (`MsgDropReason`). */
  | { ok: false; reason: 'dropped'; info: string }
  /** An HTTP status other than 200 and than a redirect. */
  | { ok: false; reason: 'http'; status: number; info: string }
  /** A redirect, not followed: it would carry the UserSig to another host. */
  | { ok: false; reason: 'redirect'; status: number; info: string }
  /** Not Tencent's JSON at all: a gateway's page, an empty body. */
  | { ok: false; reason: 'malformed'; info: string }
  /** Tencent's JSON, but contradicting itself or without what success needs. */
  | { ok: false; reason: 'garbled'; info: string }
  /** No whole answer, for a reason that may pass: a timeout, a reset, an answer cut off. */
  | { ok: false; reason: 'network'; info: string }
  /** No answer, for a reason only a person can fix. */
  | { ok: false; reason: 'unreachable'; kind: 'certificate' | 'proxy' | 'dns'; info: string }
  /** No request was made: the step's time ran out before its turn. */
  | { ok: false; reason: 'out-of-time'; info: string }
  /** No request was made: Tencent's list gave an entry that is no group ID to send to. */
  | { ok: false; reason: 'unsendable'; info: string }
  /** A listing was stopped at one of the action's limits (pages, live rooms). */
  | { ok: false; reason: 'limit'; info: string }

/** The longest piece of a server's text that is quoted. */
const QUOTED = 300

/**
 * Reads the answer of a call that sends a message. Success is exactly `ActionStatus` "OK",
 * `ErrorCode` 0 and a `MsgSeq` that is a non-negative safe integer; anything else is a failure
 * that says precisely what was wrong.
 */
export function readSendAnswer(
  result: HttpAnswer | TransportFailure,
  url: URL,
  secrets: Secrets
): MessageAnswer {
  const envelope = readEnvelope(result, url, secrets)
  if (!envelope.ok) return envelope
  const { MsgSeq, MsgDropReason } = envelope.answer
  // A group message can be accepted and still dropped under a live room's frequency control.
  if (typeof MsgDropReason === 'string' && MsgDropReason !== '') {
    return {
      ok: false,
      reason: 'dropped',
      info: `dropped: ${secrets.untrusted(MsgDropReason, QUOTED)}`
    }
  }
  if (typeof MsgSeq !== 'number' || !Number.isSafeInteger(MsgSeq) || MsgSeq < 0) {
    const shown = MsgSeq === undefined ? 'no MsgSeq' : `MsgSeq ${quoteJson(MsgSeq, secrets)}`
    return { ok: false, reason: 'garbled', info: `an answer of success with ${shown}` }
  }
  return { ok: true, msgSeq: MsgSeq }
}

/**
 * A group as Tencent's list gives it. The list is Tencent's data, not the workflow's: a string ID
 * is sent to as it is listed, whatever it holds; an entry that is no string ID (a number, an
 * empty string, something else) cannot be sent to, and says what it was.
 */
export type ListedGroup = { id: string } | { unsendable: string; why: string }

/** One page of `get_appid_group_list`. */
export interface GroupPage {
  groups: ListedGroup[]
  /** The cursor for the next page, as the digits the server wrote; "0" after the last page. */
  next: string
}

/** How much of an entry that is no group ID is quoted. */
const SHOWN_ENTRY = 60

/**
 * Reads a page of group IDs. `Next` is a 64-bit cursor: it is read from the answer's text, never
 * through a JavaScript number, which would round it above 2^53 and skip or repeat groups.
 */
export function readGroupPage(
  result: HttpAnswer | TransportFailure,
  url: URL,
  secrets: Secrets
): { ok: true; page: GroupPage } | Failure {
  const envelope = readEnvelope(result, url, secrets)
  if (!envelope.ok) return envelope
  const { GroupIdList } = envelope.answer
  const next = result.ok ? topLevelInteger(result.text, 'Next') : undefined
  if (next === undefined || BigInt(next) >= 2n ** 64n) {
    return { ok: false, reason: 'garbled', info: 'a page of groups without a valid Next' }
  }
  if (!Array.isArray(GroupIdList)) {
    return { ok: false, reason: 'garbled', info: 'a page of groups without a GroupIdList' }
  }
  const groups = GroupIdList.map((item: unknown): ListedGroup => {
    const id = isJsonObject(item) ? item.GroupId : undefined
    if (typeof id === 'string' && id !== '') return { id }
    const shown = JSON.stringify(id ?? item)
    return {
      unsendable: shown.length > SHOWN_ENTRY ? `${shown.slice(0, SHOWN_ENTRY)}…` : shown,
      why:
        id === undefined
          ? 'an entry of the list of live rooms has no GroupId'
          : `the list of live rooms gave a GroupId that is ${id === '' ? 'empty' : `not text (${typeof id})`}`
    }
  })
  return { ok: true, page: { groups, next } }
}

/**
 * What every Tencent answer must be before its own fields are read: HTTP 200, a JSON object,
 * `ActionStatus` and `ErrorCode` that agree. A refusal comes back as a `tencent` failure.
 */
function readEnvelope(
  result: HttpAnswer | TransportFailure,
  url: URL,
  secrets: Secrets
): { ok: true; answer: JsonObject } | Failure {
  if (!result.ok) {
    const info = secrets.untrusted(result.detail, QUOTED)
    return result.retryable
      ? { ok: false, reason: 'network', info }
      : {
          ok: false,
          reason: 'unreachable',
          kind: result.kind as 'certificate' | 'proxy' | 'dns',
          info
        }
  }
  const { status } = result
  if (status >= 300 && status < 400) {
    return {
      ok: false,
      reason: 'redirect',
      status,
      info: `HTTP ${status}, a redirect to ${secrets.untrusted(locationHost(result.headers.location, url), QUOTED)}`
    }
  }
  if (status !== 200) return { ok: false, reason: 'http', status, info: `HTTP ${status}` }

  let answer: unknown
  try {
    answer = JSON.parse(result.text)
  } catch {
    return { ok: false, reason: 'malformed', info: 'the answer is not JSON' }
  }
  if (!isJsonObject(answer)) {
    return { ok: false, reason: 'malformed', info: 'the answer is not a JSON object' }
  }
  const { ActionStatus, ErrorCode, ErrorInfo } = answer
  if (typeof ErrorCode !== 'number' || !Number.isSafeInteger(ErrorCode)) {
    const shown =
      ErrorCode === undefined ? 'no ErrorCode' : `ErrorCode ${quoteJson(ErrorCode, secrets)}`
    return { ok: false, reason: 'garbled', info: `an answer with ${shown}` }
  }
  const info = typeof ErrorInfo === 'string' ? secrets.untrusted(ErrorInfo, QUOTED) : ''
  if (ErrorCode !== 0 && ActionStatus === 'FAIL') {
    return { ok: false, reason: 'tencent', code: ErrorCode, info }
  }
  if (ErrorCode !== 0 || ActionStatus !== 'OK') {
    return {
      ok: false,
      reason: 'garbled',
      info: `ErrorCode ${ErrorCode} with ActionStatus ${quoteJson(ActionStatus ?? null, secrets)}`
    }
  }
  return { ok: true, answer }
}

/** Where a redirect points, as a host (a relative location stays on the request's own host). */
function locationHost(location: string | undefined, url: URL): string {
  if (location === undefined) return 'nowhere (no Location header)'
  return URL.canParse(location, url.href) ? new URL(location, url).host : 'an unreadable location'
}

/** A JSON value from the answer, short and inert. */
function quoteJson(value: unknown, secrets: Secrets): string {
  return secrets.untrusted(JSON.stringify(value), 40)
}
