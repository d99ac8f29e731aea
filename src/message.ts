import { createHash } from 'node:crypto'
import { announcementData, type Announcement } from './announcement.js'
import { cutToFit, MAX_MESSAGE_BYTES, oneLine, serializedBytes } from './budget.js'
import { InputError } from './input-error.js'
import { isJsonObject, type JsonObject } from './json.js'
import { fillTree, type TemplateContext } from './template.js'

interface CustomElem {
  MsgType: 'TIMCustomElem'
  MsgContent: { Data: string; Desc: string; Ext: string }
}
interface TextElem {
  MsgType: 'TIMTextElem'
  MsgContent: { Text: string }
}
export type MsgElement = CustomElem | TextElem

/** `MsgPriority` of a group message: live rooms under load drop lower priorities first. */
export const PRIORITIES = ['High', 'Normal', 'Low', 'Lowest'] as const
export type Priority = (typeof PRIORITIES)[number]

/** The JSON body of send_group_msg. */
export interface GroupBody {
  GroupId: string
  Random: number
  MsgPriority: Priority
  MsgBody: MsgElement[]
  From_Account?: string
  CloudCustomData?: string
}

/** The JSON body of send_broadcast_msg. */
export interface BroadcastBody {
  From_Account?: string
  Random: number
  MsgBody: MsgElement[]
  CloudCustomData?: string
}

export interface MessageOptions {
  /** The parsed `data` input, replacing the default Data shape. */
  dataTemplate: JsonObject | undefined
  context: TemplateContext
  /** Add a TIMTextElem for clients that show only text. */
  textElement: boolean
  maxBytes: number
}

export interface RenderedMessage {
  msgBody: MsgElement[]
  /** The Data string as sent. */
  data: string
  /** The Desc line as sent. */
  desc: string
  bytes: number
  /** A free text was cut to fit `maxBytes`. */
  truncated: boolean
}

/** Desc and the text line are one line each; push notifications show little more. */
const MAX_LINE_CHARACTERS = 150

/** The fixed parts of the message alone are over the byte budget. */
export class MessageTooLargeError extends InputError {
  constructor(bytes: number, maxBytes: number) {
    super(
      `The announcement needs ${bytes} bytes even with its free text cut, over the limit of ${maxBytes}: shorten \`title\`, \`desc\` or \`data\`, or raise \`max-bytes\` (at most ${MAX_MESSAGE_BYTES}).`
    )
  }
}

/**
 * Encodes the announcement as one TIMCustomElem (Data for the app, Desc for offline push, Ext the
 * kind), plus a TIMTextElem on request, and fits it to the byte budget by cutting the longest
 * free text (release notes first).
 */
export function renderMessage(a: Announcement, options: MessageOptions): RenderedMessage {
  const desc = oneLine(a.desc, MAX_LINE_CHARACTERS)
  const line = a.url === undefined ? desc : `${desc} ${a.url}`
  const build = (data: JsonObject): MsgElement[] => [
    {
      MsgType: 'TIMCustomElem',
      MsgContent: { Data: JSON.stringify(data), Desc: desc, Ext: a.kind }
    },
    ...(options.textElement
      ? [{ MsgType: 'TIMTextElem' as const, MsgContent: { Text: line } }]
      : [])
  ]
  const fits = (data: JsonObject) => serializedBytes(build(data)) <= options.maxBytes

  let data = options.dataTemplate
    ? (fillTree(options.dataTemplate, options.context, 'data') as JsonObject)
    : announcementData(a)
  let truncated = false
  if (!fits(data)) {
    for (const { path, original } of freeTexts(data, a, options.dataTemplate === undefined)) {
      // The link to the full text must survive the cut: it goes into the cut text when the
      // message carries it nowhere else.
      const elsewhere =
        a.url === undefined || JSON.stringify(withValue(data, path, '')).includes(a.url)
      const ellipsis = elsewhere || options.textElement ? '…' : `… ${a.url}`
      const cut = cutToFit(
        original,
        (candidate) => fits(withValue(data, path, candidate)),
        ellipsis
      )
      data = withValue(data, path, cut ?? '')
      truncated = true
      if (cut !== undefined) break
    }
    if (truncated && options.dataTemplate === undefined) data = { ...data, truncated: true }
  }
  const msgBody = build(data)
  const bytes = serializedBytes(msgBody)
  if (bytes > options.maxBytes) throw new MessageTooLargeError(bytes, options.maxBytes)
  return { msgBody, data: JSON.stringify(data), desc, bytes, truncated }
}

type Path = (string | number)[]

/**
 * The string leaves that may be cut, in order, with their text. The default shape cuts its text
 * (the notes), then its title; a custom shape cuts its longest strings first, and never one that
 * is the version or the URL.
 */
function freeTexts(
  data: JsonObject,
  a: Announcement,
  defaultShape: boolean
): { path: Path; original: string }[] {
  if (defaultShape) {
    return [
      { path: ['text'], original: a.text },
      { path: ['title'], original: a.title }
    ]
  }
  const leaves: { path: Path; original: string }[] = []
  const walk = (value: unknown, path: Path): void => {
    if (typeof value === 'string') {
      if (value !== a.url && value !== a.version) leaves.push({ path, original: value })
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => walk(item, [...path, index]))
    } else if (isJsonObject(value)) {
      for (const [key, item] of Object.entries(value)) walk(item, [...path, key])
    }
  }
  walk(data, [])
  return leaves.sort((x, y) => y.original.length - x.original.length)
}

/** A copy of `data` with the leaf at `path` replaced. */
function withValue(data: JsonObject, path: Path, value: string): JsonObject {
  const replace = (node: unknown, depth: number): unknown => {
    if (depth === path.length) return value
    const key = path[depth] as string | number
    if (Array.isArray(node)) {
      return (node as unknown[]).map((item, i) => (i === key ? replace(item, depth + 1) : item))
    }
    const object = node as JsonObject
    return { ...object, [key]: replace(object[key], depth + 1) }
  }
  return replace(data, 0) as JsonObject
}

/** What every request body is made from, besides the message. */
interface BodyOptions {
  fromAccount: string | undefined
  cloudCustomData: string | undefined
  /**
   * The `random` input: the broadcast's Random as it is, mixed into each group's. Without it,
   * the Random is derived from `origin` and the content.
   */
  random: number | undefined
  origin: Origin
}

/**
 * The request body. Every try of this announcement carries exactly these bytes: with the same
 * Random and content, Tencent discards a second arrival as a repeat instead of announcing twice.
 */
export function broadcastBody(
  message: Pick<RenderedMessage, 'msgBody'>,
  options: BodyOptions
): BroadcastBody {
  const content = contentOf(message, options)
  return {
    ...optional('From_Account', content.fromAccount),
    Random: options.random ?? derivedRandom(options.origin, content),
    MsgBody: content.msgBody,
    ...optional('CloudCustomData', content.cloudCustomData)
  }
}

/** What a message says, as its derived Random hashes it (in this key order, which pins it). */
function contentOf(
  message: Pick<RenderedMessage, 'msgBody'>,
  options: Pick<BodyOptions, 'fromAccount' | 'cloudCustomData'>
) {
  return {
    msgBody: message.msgBody,
    fromAccount: options.fromAccount,
    cloudCustomData: options.cloudCustomData
  }
}

/** A body field that is there only when it was given. */
function optional<Name extends string>(
  name: Name,
  value: string | undefined
): Partial<Record<Name, string>> {
  return value === undefined ? {} : ({ [name]: value } as Record<Name, string>)
}

/** Tencent's group IDs are at most 48 bytes. */
export const MAX_GROUP_ID_BYTES = 48

/**
 * Whether `text` can be a group ID: at most 48 bytes, and nothing that breaks a line, so that a
 * group ID, given or listed by the server, can be printed as it is.
 */
export function isGroupId(text: string): boolean {
  return (
    text !== '' &&
    !/[\p{Cc}\u2028\u2029]/u.test(text) &&
    Buffer.byteLength(text) <= MAX_GROUP_ID_BYTES
  )
}

/**
 * The body of one group's message. Each group has its own Random, derived from where the
 * announcement comes from, what it says and the group (and from `random` when given), the same on
 * every try and every re-run: a retry, or a re-run within Tencent's window, is never a second
 * message in that room.
 */
export function groupBody(
  message: Pick<RenderedMessage, 'msgBody'>,
  options: BodyOptions & { groupId: string; priority: Priority }
): GroupBody {
  const content = contentOf(message, options)
  return {
    GroupId: options.groupId,
    Random: derivedRandom(options.origin, {
      ...content,
      groupId: options.groupId,
      random: options.random
    }),
    MsgPriority: options.priority,
    MsgBody: content.msgBody,
    ...optional('From_Account', content.fromAccount),
    ...optional('CloudCustomData', content.cloudCustomData)
  }
}

/** Where an announcement comes from: one job of one workflow run of one repository. */
interface Origin {
  repository: string
  runId: string
  job: string
}

/**
 * The body Random when none is given: a hash of where the announcement comes from and of
 * everything it says. A re-run of the same run renders the same content, so within Tencent's
 * five-minute window it gets the same Random and is discarded as a repeat instead of being
 * announced twice. The run attempt is left out on purpose.
 */
function derivedRandom(origin: Origin, content: unknown): number {
  const digest = createHash('sha256')
    .update(JSON.stringify([origin.repository, origin.runId, origin.job, content]))
    .digest()
  return digest.readUInt32BE(0)
}
