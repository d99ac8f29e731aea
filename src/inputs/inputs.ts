import {
  ANNOUNCEMENT_KINDS,
  DEFAULT_BUSINESS_ID,
  RELEASE_ACTIONS,
  type ReleaseAction,
  type TemplateChoice
} from '../plan/announcement.js'
import { MAX_MESSAGE_BYTES, MIN_MESSAGE_BYTES } from '../plan/fit.js'
import type { Core } from '../dependencies.js'
import { PRIORITIES, type Priority } from '../deliver/groups.js'
import { TARGET_NAMES, type TargetName } from '../deliver/targets.js'
import { REGION_NAMES, type Region } from '../deliver/regions.js'
import type { Secrets } from '../secrets.js'
import { InvalidInput } from './input-error.js'
import {
  parseDataTemplate,
  parseJson,
  placeholderPaths,
  type DataParser
} from '../plan/template.js'

interface ParseContext {
  name: string
  /** Reads the `data` input (see `dataParserFor`). */
  parseData: DataParser
}

type Parser<T> = (text: string, context: ParseContext) => T

interface InputSpec<T> {
  /** The default action.yml declares, applied here too when the input is empty. */
  default?: string
  /**
   * A default action.yml declares as an expression, such as `${{ github.token }}`: the runner
   * gives its value, and outside a runner the input is empty.
   */
  expression?: string
  /** Set for a required input: what to give, said when it is empty. */
  required?: string
  /** A credential: masked the moment it is read, and never quoted. */
  secret?: true
  /** Reads the trimmed text (the default when empty); throws `InvalidInput`. */
  parse: Parser<T>
}

const U32_MAX = 4_294_967_295
/** Tencent account IDs (UserID / identifier) are at most 32 bytes. */
const MAX_ACCOUNT_BYTES = 32

/** Shows a rejected value so that surrounding spaces or an empty string are visible. */
function quote(text: string): string {
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text)
}

const asIs: Parser<string> = (text) => text

/** An input that may be left empty: `undefined` then, otherwise what `parse` makes of it. */
function optional<T>(parse: Parser<T>): Parser<T | undefined> {
  return (text, context) => (text === '' ? undefined : parse(text, context))
}

function wholeNumber(min: number, max: number, what: string): Parser<number> {
  return (text, { name }) => {
    const value = Number(text)
    if (!/^\d+$/.test(text) || value < min || value > max) {
      throw new InvalidInput(name, `must be ${what}; got ${quote(text)}.`)
    }
    return value
  }
}

/** The YAML 1.2 core schema's booleans, as `core.getBooleanInput` reads them. */
const boolean: Parser<boolean> = (text, { name }) => {
  if (/^(true|True|TRUE)$/.test(text)) return true
  if (/^(false|False|FALSE)$/.test(text)) return false
  throw new InvalidInput(name, `must be \`true\` or \`false\`; got ${quote(text)}.`)
}

function oneOf<T extends string>(choices: readonly T[]): Parser<T> {
  return (text, { name }) => {
    const choice = choices.find((candidate) => candidate === text)
    if (choice === undefined) {
      throw new InvalidInput(name, `must be one of ${choices.join(', ')}; got ${quote(text)}.`)
    }
    return choice
  }
}

const account: Parser<string> = (text, { name }) => {
  if (/[\s\p{Cc}]/u.test(text) || Buffer.byteLength(text) > MAX_ACCOUNT_BYTES) {
    throw new InvalidInput(
      name,
      `must be a Tencent Chat account ID: at most ${MAX_ACCOUNT_BYTES} bytes, no spaces or control characters; got ${quote(text)}.`
    )
  }
  return text
}

const endpoint: Parser<URL> = (text, { name }) => {
  const url = URL.canParse(text) ? new URL(text) : undefined
  if (!url || !['http:', 'https:'].includes(url.protocol)) {
    throw new InvalidInput(name, `must be an http:// or https:// base URL; got ${quote(text)}.`)
  }
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    throw new InvalidInput(
      name,
      'must be a plain base URL without query, fragment or credentials; the action adds the query itself.'
    )
  }
  return url
}

/** Tencent's group IDs are at most 48 bytes. */
const MAX_GROUP_ID_BYTES = 48

/** A group ID: at most 48 bytes, and nothing that breaks a line. */
export function isGroupId(text: string): boolean {
  return (
    text !== '' &&
    !/[\p{Cc}\u2028\u2029]/u.test(text) &&
    Buffer.byteLength(text) <= MAX_GROUP_ID_BYTES
  )
}

const groupId: Parser<string> = (text, { name }) => {
  if (!isGroupId(text)) {
    throw new InvalidInput(
      name,
      `has ${quote(text)}: a group ID is at most ${MAX_GROUP_ID_BYTES} bytes, with no control characters.`
    )
  }
  return text
}

/**
 * The release `release-tag` names: a tag (given bare or as `refs/tags/…`), or `latest`, GitHub's
 * latest release. A tag that is itself named `latest` is written `refs/tags/latest`.
 */
export type ReleaseWanted = { tag: string } | 'latest'

const releaseTag: Parser<ReleaseWanted> = (text, { name }) => {
  if (text === 'latest') return 'latest'
  const tag = text.startsWith('refs/tags/') ? text.slice('refs/tags/'.length) : text
  // Git refuses these in a ref name; a tag with them cannot exist.
  if (tag === '' || /[\s\p{Cc}~^:?*[\\]|\.\.|@\{/u.test(tag) || Buffer.byteLength(tag) > 255) {
    throw new InvalidInput(
      name,
      `must be a tag (\`v2.3.0\` or \`refs/tags/v2.3.0\`) or \`latest\`; got ${quote(text)}.`
    )
  }
  return { tag }
}

/** A TUIKit `businessID`: a short key, no white space or control characters. */
const businessId: Parser<string> = (text, { name }) => {
  if (/[\s\p{Cc}]/u.test(text) || text.length > 64) {
    throw new InvalidInput(
      name,
      `must be a key of at most 64 characters without spaces, such as \`${DEFAULT_BUSINESS_ID}\`; got ${quote(text)}.`
    )
  }
  return text
}

/** A text with `{{ path }}` placeholders, checked for form; paths are checked when filled. */
const textTemplate: Parser<string> = (text, { name }) => {
  placeholderPaths(text, name)
  return text
}

const dataTemplate: Parser<Record<string, unknown>> = (text, { name, parseData }) =>
  parseDataTemplate(text, name, parseData)

const TEMPLATE_CHOICES: readonly TemplateChoice[] = ['auto', ...ANNOUNCEMENT_KINDS]

/** A list separated by commas or line breaks: each item checked by `item`, duplicates dropped. */
function list<T>(item: Parser<T>): Parser<T[]> {
  return (text, context) => {
    const items = text
      .split(/[,\n]/)
      .map((part) => part.trim())
      .filter((part) => part !== '')
    if (items.length === 0) {
      throw new InvalidInput(context.name, 'must name at least one item; it is empty.')
    }
    return [...new Set(items.map((part) => item(part, context)))]
  }
}

/**
 * Every input of action.yml, described once: its default, whether it is required or a
 * credential, and how it is read. The reader, the masking, the validation and the tests that keep
 * action.yml and the README in step all derive from this table.
 */
export const INPUTS = {
  'sdk-app-id': {
    required: 'the SDKAppID from the Tencent Chat console (digits only)',
    parse: wholeNumber(1, U32_MAX, 'the SDKAppID from the Tencent Chat console, digits only')
  },
  'secret-key': { secret: true, parse: optional(asIs) },
  'user-sig': { secret: true, parse: optional(asIs) },
  'admin-identifier': { default: 'administrator', parse: account },
  region: { default: 'china', parse: oneOf<Region>(REGION_NAMES) },
  endpoint: { parse: optional(endpoint) },
  target: { default: 'broadcast', parse: oneOf<TargetName>(TARGET_NAMES) },
  'group-ids': { parse: optional(list(groupId)) },
  priority: { default: 'High', parse: oneOf<Priority>(PRIORITIES) },
  'from-account': { parse: optional(account) },
  'cloud-custom-data': { parse: optional(asIs) },
  random: {
    parse: optional(wholeNumber(0, U32_MAX, `an unsigned 32-bit integer, 0 to ${U32_MAX}`))
  },
  'user-sig-ttl': {
    default: '300',
    parse: wholeNumber(1, 86_400, 'a whole number of seconds from 1 to 86400')
  },
  'timeout-seconds': {
    default: '10',
    parse: wholeNumber(1, 120, 'a whole number of seconds from 1 to 120')
  },
  template: { default: 'auto', parse: oneOf(TEMPLATE_CHOICES) },
  'release-actions': { default: 'published', parse: list(oneOf<ReleaseAction>(RELEASE_ACTIONS)) },
  'release-tag': { parse: optional(releaseTag) },
  'release-wait-seconds': {
    default: '120',
    parse: wholeNumber(0, 900, 'a whole number of seconds from 0 to 900')
  },
  'github-token': { secret: true, expression: '${{ github.token }}', parse: optional(asIs) },
  title: { parse: textTemplate },
  message: { parse: textTemplate },
  desc: { parse: textTemplate },
  data: { parse: optional(dataTemplate) },
  'business-id': { default: DEFAULT_BUSINESS_ID, parse: businessId },
  'text-element': { default: 'false', parse: boolean },
  'max-bytes': {
    default: String(MAX_MESSAGE_BYTES),
    parse: wholeNumber(
      MIN_MESSAGE_BYTES,
      MAX_MESSAGE_BYTES,
      `a whole number of bytes from ${MIN_MESSAGE_BYTES} to ${MAX_MESSAGE_BYTES}`
    )
  },
  retries: { default: '5', parse: wholeNumber(0, 20, 'a whole number of retries from 0 to 20') },
  'fail-on-error': { default: 'true', parse: boolean },
  'dry-run': { default: 'false', parse: boolean }
} as const satisfies Record<string, InputSpec<unknown>>

type InputName = keyof typeof INPUTS
/** The inputs as the runner passes them: trimmed strings, empty when not given. */
export type RawInputs = Record<InputName, string>
export type InputValues = { [Name in InputName]: ReturnType<(typeof INPUTS)[Name]['parse']> }

const NAMES = Object.keys(INPUTS) as InputName[]
const spec = (name: InputName): InputSpec<unknown> => INPUTS[name]

/**
 * Reads every input from the runner. Credentials are registered as secrets here, before anything
 * else happens, so that not even an error about them can print them.
 */
export function readInputs(core: Pick<Core, 'getInput'>, secrets: Secrets): RawInputs {
  const raw = Object.fromEntries(NAMES.map((name) => [name, core.getInput(name)])) as RawInputs
  for (const name of NAMES) if (spec(name).secret) secrets.add(raw[name])
  return raw
}

/**
 * The inputs given, for the debug log, credentials hidden. Inputs carry text from outside (an
 * event's values, through expressions): the run prints this only once every credential it will
 * use is masked.
 */
export function describeInputs(raw: RawInputs): string {
  const given = NAMES.filter((name) => raw[name] !== '').map((name) =>
    spec(name).secret ? `${name}=***` : `${name}=${JSON.stringify(raw[name])}`
  )
  return `Inputs given: ${given.join(', ') || 'none'}`
}

/**
 * Reads each input with its parser. Every problem is collected, one sentence per input naming
 * it, so that one failed run shows everything to fix; `values` holds the inputs that were read.
 */
export function parseInputs(
  raw: RawInputs,
  parseData: DataParser = parseJson
): { values: Partial<InputValues>; problems: string[] } {
  const values: Partial<Record<InputName, unknown>> = {}
  const problems: string[] = []
  for (const name of NAMES) {
    const { default: fallback, required, parse } = spec(name)
    const text = raw[name] === '' ? (fallback ?? '') : raw[name]
    if (text === '' && required !== undefined) {
      problems.push(`Input \`${name}\` is required: ${required}.`)
      continue
    }
    try {
      values[name] = parse(text, { name, parseData })
    } catch (error) {
      if (!(error instanceof InvalidInput)) throw error
      problems.push(error.message)
    }
  }
  return { values: values as Partial<InputValues>, problems }
}
