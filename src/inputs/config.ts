import type { Overrides, ReleaseAction, TemplateChoice } from '../plan/announcement.js'
import { InputError } from './input-error.js'
import { parseInputs, type InputValues, type RawInputs, type ReleaseWanted } from './inputs.js'
import type { TargetName } from '../deliver/targets.js'
import type { JsonObject } from '../json.js'
import type { Priority } from '../deliver/groups.js'
import type { Region } from '../deliver/regions.js'
import type { DataParser } from '../plan/template.js'

export type Credentials =
  { kind: 'secret-key'; secretKey: string } | { kind: 'user-sig'; userSig: string }

/** Everything the action needs, validated; nothing downstream re-checks an input. */
export interface Config {
  sdkAppId: number
  /** Undefined only in a dry run, which signs and sends nothing. */
  credentials: Credentials | undefined
  adminIdentifier: string
  region: Region
  endpoint: URL | undefined
  /** Where the announcement goes; `groupIds` are the groups of `target: groups`. */
  target: TargetName
  groupIds: string[]
  priority: Priority
  fromAccount: string | undefined
  cloudCustomData: string | undefined
  random: number | undefined
  userSigTtl: number
  timeoutSeconds: number
  template: TemplateChoice
  /** The actions of a `release` event that are announced. */
  releaseActions: ReleaseAction[]
  /** The release to look up and announce (`release-tag`), whatever the event. */
  releaseTag: ReleaseWanted | undefined
  /** How long a release `release-tag` names is waited for when it does not exist yet. */
  releaseWaitSeconds: number
  /** The token release lookups use; empty outside a runner. */
  githubToken: string | undefined
  /** The `title`, `message` and `desc` templates (empty: keep the default). */
  overrides: Overrides
  /** The parsed `data` template, replacing the default Data shape. */
  dataTemplate: JsonObject | undefined
  /** `businessID` in the default Data shape, for TUIKit's renderers. */
  businessId: string
  textElement: boolean
  maxBytes: number
  retries: number
  failOnError: boolean
  dryRun: boolean
}

/** One or more inputs are invalid; `problems` holds one sentence per input, each naming it. */
export class ConfigError extends InputError {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'))
  }
}

/**
 * Validates the inputs, each on its own (see `INPUTS`) and together. All problems are reported at
 * once, and none quotes a credential.
 */
export function parseConfig(raw: RawInputs, parseData?: DataParser): Config {
  const { values, problems } = parseInputs(raw, parseData)

  const secretKey = values['secret-key']
  const userSig = values['user-sig']
  let credentials: Credentials | undefined
  if (secretKey !== undefined && userSig !== undefined) {
    problems.push('Input `secret-key` and input `user-sig` are both set: give exactly one of them.')
  } else if (secretKey !== undefined) {
    credentials = { kind: 'secret-key', secretKey }
  } else if (userSig !== undefined) {
    credentials = { kind: 'user-sig', userSig }
  } else if (values['dry-run'] === false) {
    problems.push(
      'Input `secret-key` or input `user-sig` is required: give the app key (the action signs a UserSig with it) or a ready UserSig.'
    )
  }

  const target = values.target
  if (target === 'groups' && raw['group-ids'] === '') {
    problems.push(
      'Input `group-ids` is required with `target: groups`: the IDs of the groups to announce to, separated by commas or lines.'
    )
  } else if (target !== undefined && target !== 'groups' && raw['group-ids'] !== '') {
    problems.push(
      `Input \`group-ids\` is read only with \`target: groups\`; with \`target: ${target}\` it would be ignored. Remove it, or set \`target: groups\`.`
    )
  }

  const wanted = values['release-tag']
  if (wanted !== undefined) {
    if (values.template === 'deploy' || values.template === 'manual') {
      problems.push(
        `Input \`release-tag\` announces a release; with \`template: ${values.template}\` it would announce something else. Remove one of them.`
      )
    }
    if (values['github-token'] === undefined) {
      problems.push(
        'Input `github-token` is empty, and `release-tag` looks the release up through the GitHub API: leave `github-token` at its default, `${{ github.token }}`, and give the job `permissions: contents: read`.'
      )
    }
  } else if (raw['release-wait-seconds'] !== '') {
    problems.push(
      'Input `release-wait-seconds` is read only with `release-tag`; without it nothing is waited for. Remove it, or set `release-tag`.'
    )
  }

  if (problems.length > 0) throw new ConfigError(problems)
  // Every input was read without a problem, so every value is there.
  const v = values as InputValues
  return {
    sdkAppId: v['sdk-app-id'],
    credentials,
    adminIdentifier: v['admin-identifier'],
    region: v.region,
    endpoint: v.endpoint,
    target: v.target,
    groupIds: v['group-ids'] ?? [],
    priority: v.priority,
    fromAccount: v['from-account'],
    cloudCustomData: v['cloud-custom-data'],
    random: v.random,
    userSigTtl: v['user-sig-ttl'],
    timeoutSeconds: v['timeout-seconds'],
    template: v.template,
    releaseActions: v['release-actions'],
    releaseTag: v['release-tag'],
    releaseWaitSeconds: v['release-wait-seconds'],
    githubToken: v['github-token'],
    overrides: { title: v.title, message: v.message, desc: v.desc },
    dataTemplate: v.data,
    businessId: v['business-id'],
    textElement: v['text-element'],
    maxBytes: v['max-bytes'],
    retries: v.retries,
    failOnError: v['fail-on-error'],
    dryRun: v['dry-run']
  }
}
