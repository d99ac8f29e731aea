import { createHash } from 'node:crypto'
import { announcementData, type Announcement } from './announcement.js'
import { cutToFit, oneLine, serializedBytes } from './budget.js'
import type { JsonObject } from './event.js'
import { fillTree, type TemplateContext } from './template.js'

export interface CustomElem {
  MsgType: 'TIMCustomElem'
  MsgContent: { Data: string; Desc: string; Ext: string }
}
export interface TextElem {
  MsgType: 'TIMTextElem'
  MsgContent: { Text: string }
}
export type MsgElement = CustomElem | TextElem

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

export class MessageTooLargeError extends Error {
  constructor(bytes: number, maxBytes: number) {
    super(
      `The announcement needs ${bytes} bytes even with its free text cut, over the limit of ${maxBytes}: shorten \`title\`, \`desc\` or \`data\`, or raise \`max-bytes\` (at most 12000).`
    )
    this.name = 'MessageTooLargeError'
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
    for (const path of freeTexts(data, a, options.dataTemplate === undefined)) {
      const original = valueAt(data, path)
      if (typeof original !== 'string') continue
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
 * The string leaves that may be cut, in order. The default shape cuts its text (the notes), then
 * its title; a custom shape cuts its longest strings first, and never one that is the version or
 * the URL.
 */
function freeTexts(data: JsonObject, a: Announcement, defaultShape: boolean): Path[] {
  if (defaultShape) return [['text'], ['title']]
  const leaves: { path: Path; length: number }[] = []
  const walk = (value: unknown, path: Path): void => {
    if (typeof value === 'string') {
      if (value !== a.url && value !== a.version) leaves.push({ path, length: value.length })
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => walk(item, [...path, index]))
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) walk(item, [...path, key])
    }
  }
  walk(data, [])
  return leaves.sort((x, y) => y.length - x.length).map(({ path }) => path)
}

function valueAt(data: unknown, path: Path): unknown {
  return path.reduce<unknown>(
    (node, key) => (node as Record<string | number, unknown> | undefined)?.[key],
    data
  )
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

/**
 * The body Random when none is given: a hash of where the announcement comes from (repository,
 * workflow run, job) and of everything it says. A re-run of the same run renders the same
 * content, so within Tencent's five-minute window it gets the same Random and is discarded as a
 * repeat instead of being announced twice. The run attempt is left out on purpose.
 */
export function derivedRandom(
  origin: { repository: string; runId: string; job: string },
  content: unknown
): number {
  const digest = createHash('sha256')
    .update(JSON.stringify([origin.repository, origin.runId, origin.job, content]))
    .digest()
  return digest.readUInt32BE(0)
}

/** Assembles the request body. */
export function buildBody(options: {
  msgBody: MsgElement[]
  random: number
  fromAccount: string | undefined
  cloudCustomData: string | undefined
}): BroadcastBody {
  return {
    ...(options.fromAccount === undefined ? {} : { From_Account: options.fromAccount }),
    Random: options.random,
    MsgBody: options.msgBody,
    ...(options.cloudCustomData === undefined ? {} : { CloudCustomData: options.cloudCustomData })
  }
}
