import { ANNOUNCEMENT_KINDS, type Overrides, type TemplateChoice } from './announcement.js'
import { MAX_MESSAGE_BYTES } from './budget.js'
import type { JsonObject } from './event.js'
import type { InputName, RawInputs } from './inputs.js'
import { isRegion, REGION_NAMES, type Region } from './regions.js'
import { parseDataTemplate, placeholderPaths, TemplateError, type YamlParser } from './template.js'

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
  fromAccount: string | undefined
  cloudCustomData: string | undefined
  random: number | undefined
  userSigTtl: number
  timeoutSeconds: number
  template: TemplateChoice
  /** The `title`, `message` and `desc` templates (empty: keep the default). */
  overrides: Overrides
  /** The parsed `data` template, replacing the default Data shape. */
  dataTemplate: JsonObject | undefined
  textElement: boolean
  maxBytes: number
  retries: number
  failOnError: boolean
  dryRun: boolean
}

const TEMPLATE_CHOICES: readonly TemplateChoice[] = ['auto', ...ANNOUNCEMENT_KINDS]

/** Defaults for inputs left empty; action.yml declares the same values (a test keeps them equal). */
export const DEFAULTS = {
  'admin-identifier': 'administrator',
  region: 'china',
  'user-sig-ttl': '300',
  'timeout-seconds': '10',
  template: 'auto',
  'text-element': 'false',
  'max-bytes': String(MAX_MESSAGE_BYTES),
  retries: '5',
  'fail-on-error': 'true',
  'dry-run': 'false'
} as const satisfies Partial<RawInputs>

const U32_MAX = 4_294_967_295
/** Tencent account IDs (UserID / identifier) are at most 32 bytes. */
const MAX_ACCOUNT_BYTES = 32

/** One or more inputs are invalid; `problems` holds one sentence per input, each naming it. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'))
    this.name = 'ConfigError'
  }
}

/**
 * Validates the raw inputs. All problems are collected, so one failed run shows everything to fix.
 * No message quotes a credential's value. `parseYaml` (see `yamlParserFor`) reads a `data` that
 * is not JSON.
 */
export function parseConfig(raw: RawInputs, parseYaml?: YamlParser): Config {
  const problems: string[] = []
  const input = (name: InputName): string =>
    raw[name] === '' && name in DEFAULTS ? DEFAULTS[name as keyof typeof DEFAULTS] : raw[name]
  const fail = (name: InputName, message: string): undefined => {
    problems.push(`Input \`${name}\` ${message}`)
    return undefined
  }

  const integer = (name: InputName, min: number, max: number, what: string): number | undefined => {
    const text = input(name)
    if (!/^\d+$/.test(text)) return fail(name, `must be ${what}; got ${quote(text)}.`)
    const value = Number(text)
    if (value < min || value > max) return fail(name, `must be ${what}; got ${text}.`)
    return value
  }

  const boolean = (name: InputName): boolean | undefined => {
    const text = input(name)
    if (/^(true|True|TRUE)$/.test(text)) return true
    if (/^(false|False|FALSE)$/.test(text)) return false
    return fail(name, `must be \`true\` or \`false\`; got ${quote(text)}.`)
  }

  /** Runs a template check, turning its error into a problem with this input. */
  const template = <T>(check: () => T): T | undefined => {
    try {
      return check()
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error
      problems.push(error.message)
      return undefined
    }
  }

  const account = (name: InputName): string | undefined => {
    const text = input(name)
    if (text === '') return undefined
    if (/[\s\p{Cc}]/u.test(text) || Buffer.byteLength(text) > MAX_ACCOUNT_BYTES) {
      return fail(
        name,
        `must be a Tencent Chat account ID: at most ${MAX_ACCOUNT_BYTES} bytes, no spaces or control characters; got ${quote(text)}.`
      )
    }
    return text
  }

  const sdkAppId =
    raw['sdk-app-id'] === ''
      ? fail('sdk-app-id', 'is required: the SDKAppID from the Tencent Chat console (digits only).')
      : integer('sdk-app-id', 1, U32_MAX, 'the SDKAppID from the Tencent Chat console, digits only')

  const dryRun = boolean('dry-run')
  const secretKey = raw['secret-key']
  const userSig = raw['user-sig']
  let credentials: Credentials | undefined
  if (secretKey !== '' && userSig !== '') {
    fail('secret-key', 'and input `user-sig` are both set: give exactly one of them.')
  } else if (secretKey !== '') {
    credentials = { kind: 'secret-key', secretKey }
  } else if (userSig !== '') {
    credentials = { kind: 'user-sig', userSig }
  } else if (dryRun !== true) {
    fail(
      'secret-key',
      'or input `user-sig` is required: give the app key (the action signs a UserSig with it) or a ready UserSig.'
    )
  }

  const adminIdentifier = account('admin-identifier')

  const regionText = input('region')
  const region = isRegion(regionText)
    ? regionText
    : fail('region', `must be one of ${REGION_NAMES.join(', ')}; got ${quote(regionText)}.`)

  let endpoint: URL | undefined
  const endpointText = input('endpoint')
  if (endpointText !== '') {
    endpoint = URL.canParse(endpointText) ? new URL(endpointText) : undefined
    if (!endpoint || !['http:', 'https:'].includes(endpoint.protocol) || endpoint.hostname === '') {
      endpoint = fail(
        'endpoint',
        `must be an http:// or https:// base URL; got ${quote(endpointText)}.`
      )
    } else if (endpoint.search !== '' || endpoint.hash !== '' || endpoint.username !== '') {
      endpoint = fail(
        'endpoint',
        'must be a plain base URL without query, fragment or credentials; the action adds the query itself.'
      )
    }
  }

  const fromAccount = account('from-account')
  const cloudCustomData = input('cloud-custom-data') || undefined
  const random =
    input('random') === ''
      ? undefined
      : integer('random', 0, U32_MAX, `an unsigned 32-bit integer, 0 to ${U32_MAX}`)
  const userSigTtl = integer('user-sig-ttl', 1, 86_400, 'a whole number of seconds from 1 to 86400')
  const timeoutSeconds = integer(
    'timeout-seconds',
    1,
    120,
    'a whole number of seconds from 1 to 120'
  )

  const templateText = input('template')
  const templateChoice = TEMPLATE_CHOICES.find((choice) => choice === templateText)
  if (templateChoice === undefined) {
    fail('template', `must be one of ${TEMPLATE_CHOICES.join(', ')}; got ${quote(templateText)}.`)
  }
  const overrides: Overrides = { title: raw.title, message: raw.message, desc: raw.desc }
  for (const name of ['title', 'message', 'desc'] as const) {
    template(() => placeholderPaths(raw[name], name))
  }
  const dataTemplate =
    raw.data === '' ? undefined : template(() => parseDataTemplate(raw.data, 'data', parseYaml))
  const textElement = boolean('text-element')
  const maxBytes = integer(
    'max-bytes',
    256,
    MAX_MESSAGE_BYTES,
    `a whole number of bytes from 256 to ${MAX_MESSAGE_BYTES}`
  )
  const retries = integer('retries', 0, 20, 'a whole number of retries from 0 to 20')
  const failOnError = boolean('fail-on-error')

  if (
    problems.length > 0 ||
    sdkAppId === undefined ||
    dryRun === undefined ||
    adminIdentifier === undefined ||
    region === undefined ||
    userSigTtl === undefined ||
    timeoutSeconds === undefined ||
    templateChoice === undefined ||
    textElement === undefined ||
    maxBytes === undefined ||
    retries === undefined ||
    failOnError === undefined
  ) {
    throw new ConfigError(problems)
  }
  return {
    sdkAppId,
    credentials,
    adminIdentifier,
    region,
    endpoint,
    fromAccount,
    cloudCustomData,
    random,
    userSigTtl,
    timeoutSeconds,
    template: templateChoice,
    overrides,
    dataTemplate,
    textElement,
    maxBytes,
    retries,
    failOnError,
    dryRun
  }
}

/** Shows a rejected value so that surrounding spaces or an empty string are visible. */
function quote(text: string): string {
  const shown = text.length > 80 ? `${text.slice(0, 80)}…` : text
  return JSON.stringify(shown)
}
