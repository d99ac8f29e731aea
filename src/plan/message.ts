import { announcementData, type Announcement } from './announcement.js'
import { cutToFit, MAX_MESSAGE_BYTES, oneLine, serializedBytes } from './fit.js'
import { InputError } from '../inputs/input-error.js'
import { isJsonObject, type JsonObject } from '../json.js'
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

/** The fixed parts of the message alone are over the byte limit. */
export class MessageTooLargeError extends InputError {
  constructor(bytes: number, maxBytes: number) {
    super(
      `The announcement needs ${bytes} bytes even with its free text cut, over the limit of ${maxBytes}: shorten \`title\`, \`desc\` or \`data\`, or raise \`max-bytes\` (at most ${MAX_MESSAGE_BYTES}).`
    )
  }
}

/**
 * Encodes the announcement as one TIMCustomElem (Data for the app, Desc for offline push, Ext the
 * kind), plus a TIMTextElem on request, and fits it to the byte limit by cutting the longest
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
      value.forEach((item, index) => {
        walk(item, [...path, index])
      })
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
