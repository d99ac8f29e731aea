// Reads one announcement of tencent-chat-broadcast-action out of what a Tencent Chat app
// receives. The checks come from the JSON Schema, through the generated ./schema.ts; this file
// only finds the Data string, parses it and runs them. It never throws: a live room carries many
// custom messages (gifts, likes, other features), and every one of them passes through here.
import { DEFAULT_BUSINESS_ID, FIELDS, KINDS, type Announcement, type Check } from './schema.js'

export type {
  Announcement,
  DeployAnnouncement,
  ManualAnnouncement,
  ReleaseAnnouncement
} from './schema.js'
export { DEFAULT_BUSINESS_ID }

/** Why a message is not an announcement this reader can show. */
export type Problem =
  /** Not a custom element (a text line, an image …), or nothing a message is made of. */
  | 'not-custom'
  /** A custom element whose Data is not JSON. */
  | 'not-json'
  /** JSON, but another feature's custom message: another businessID, or not our shape. */
  | 'not-ours'
  /** An announcement of a Data version this reader does not know: update the package. */
  | 'unknown-version'
  /** An announcement of version 1 that breaks the schema: the field and what was expected. */
  | 'invalid'

export type ReadResult =
  | {
      ok: true
      announcement: Announcement
      /** True when the SDK marks the message as a broadcast (send_broadcast_msg) to every room. */
      broadcast: boolean
    }
  | { ok: false; problem: Problem; reason: string }

export interface ReadOptions {
  /**
   * The `businessID` the workflow sends (its `business-id` input): Data with another one is
   * another feature's message. Default `github_announcement`.
   */
  businessID?: string
}

type Found = { data: string; broadcast: boolean } | { problem: Problem; reason: string }

const CUSTOM = 'TIMCustomElem'
const EXPECTED = `expected a Message, a ${CUSTOM}, a MsgBody or a Data string`
const MAX_SHOWN = 40

/**
 * The announcement in a `@tencentcloud/chat` `Message`, in a bare `TIMCustomElem` as REST
 * callbacks and server code see it (`{ MsgType, MsgContent: { Data, Desc, Ext } }`), in a whole
 * `MsgBody`, or in the `Data` string itself. Optional fields it does not know are left out of the
 * announcement; whatever it is given, it answers and never throws.
 */
export function readAnnouncement(message: unknown, options: ReadOptions = {}): ReadResult {
  try {
    const found = dataOf(message)
    if ('problem' in found) return { ok: false, ...found }
    return read(found.data, found.broadcast, options.businessID ?? DEFAULT_BUSINESS_ID)
  } catch {
    // Only a hostile object gets here: a getter or a proxy that throws. What it threw may be
    // just as hostile, so it is not looked at.
    return { ok: false, problem: 'not-custom', reason: 'could not be read: a property threw' }
  }
}

/** The Data string in whatever form the app holds the message. */
function dataOf(message: unknown): Found {
  if (typeof message === 'string') return { data: message, broadcast: false }
  if (Array.isArray(message)) {
    const element: unknown = message.find((e) => isObject(e) && e.MsgType === CUSTOM)
    return element === undefined
      ? { problem: 'not-custom', reason: `the MsgBody has no ${CUSTOM}` }
      : dataOf(element)
  }
  if (!isObject(message)) {
    return { problem: 'not-custom', reason: `${EXPECTED}; got ${shown(message)}` }
  }
  if ('MsgType' in message) {
    const content = message.MsgContent
    if (message.MsgType !== CUSTOM) return notCustom(message.MsgType)
    return isObject(content) && typeof content.Data === 'string'
      ? { data: content.Data, broadcast: false }
      : { problem: 'not-custom', reason: `the ${CUSTOM} has no Data string` }
  }
  if ('type' in message) {
    const payload = message.payload
    if (message.type !== CUSTOM) return notCustom(message.type)
    return isObject(payload) && typeof payload.data === 'string'
      ? { data: payload.data, broadcast: message.isBroadcastMessage === true }
      : { problem: 'not-custom', reason: 'the custom message has no payload.data string' }
  }
  return { problem: 'not-custom', reason: `${EXPECTED}; got an object without type or MsgType` }
}

const notCustom = (type: unknown): Found => ({
  problem: 'not-custom',
  reason: `a ${shown(type)} message, not a ${CUSTOM}`
})

function read(text: string, broadcast: boolean, businessID: string): ReadResult {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    return { ok: false, problem: 'not-json', reason: `Data is not JSON: ${shown(error)}` }
  }
  if (!isObject(data) || Array.isArray(data)) {
    return { ok: false, problem: 'not-ours', reason: `Data is ${shown(data)}, not an object` }
  }
  if (has(data, 'businessID') && data.businessID !== businessID) {
    return {
      ok: false,
      problem: 'not-ours',
      reason: `businessID is ${shown(data.businessID)}, not ${shown(businessID)}`
    }
  }
  if (!has(data, 'businessID') && !(has(data, 'v') && has(data, 'kind'))) {
    return {
      ok: false,
      problem: 'not-ours',
      reason: 'Data has neither a businessID nor v and kind'
    }
  }
  if (Number.isInteger(data.v) && Number(data.v) > 1) {
    return {
      ok: false,
      problem: 'unknown-version',
      reason: `v is ${shown(data.v)}: this reader knows version 1; update tencent-chat-announcement`
    }
  }

  const problems: string[] = []
  const announcement: Record<string, unknown> = {}
  for (const { name, required, check } of FIELDS) {
    if (!has(data, name)) {
      if (required) problems.push(`${name} is missing`)
      continue
    }
    const value = data[name]
    const expected = unmet(check, value)
    if (expected === undefined) announcement[name] = value
    else problems.push(`${name}: expected ${expected}, got ${shown(value)}`)
  }
  const kind = data.kind
  if (typeof kind === 'string' && has(KINDS, kind)) {
    const { required, forbidden } = KINDS[kind as Announcement['kind']]
    for (const name of required) {
      if (!has(data, name)) problems.push(`${name} is missing, and a ${kind} has it`)
    }
    for (const name of forbidden) {
      if (has(data, name)) problems.push(`${name} is not part of a ${kind}`)
    }
  }
  if (problems.length > 0) return { ok: false, problem: 'invalid', reason: problems.join('; ') }
  return { ok: true, announcement: announcement as unknown as Announcement, broadcast }
}

/** What a value should have been, or undefined when it passes the check. */
function unmet(check: Check, value: unknown): string | undefined {
  switch (check.is) {
    case 'const':
      return value === check.value ? undefined : JSON.stringify(check.value)
    case 'enum':
      return check.values.includes(value)
        ? undefined
        : `one of ${check.values.map((v) => JSON.stringify(v)).join(', ')}`
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'true or false'
    case 'string':
      if (typeof value !== 'string') return 'a string'
      // JSON Schema patterns are ECMA-262 regular expressions, matched as Unicode.
      return check.pattern === undefined || new RegExp(check.pattern, 'u').test(value)
        ? undefined
        : `a string matching ${check.pattern}`
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

function has(object: object, name: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, name)
}

/** A value as a reason shows it: short, and never by calling the value's own code. */
function shown(value: unknown): string {
  if (value instanceof Error) return cut(value.message)
  if (value === null || Array.isArray(value)) return value === null ? 'null' : 'an array'
  switch (typeof value) {
    case 'string':
      return cut(JSON.stringify(value))
    case 'number':
    case 'boolean':
      return String(value)
    case 'object':
      return 'an object'
    default:
      return typeof value
  }
}

const cut = (text: string): string =>
  text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text
