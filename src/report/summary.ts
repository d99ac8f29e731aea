import { thousands } from '../prose.js'
import type { Explanation } from './explain.js'

/** One group's line in the summary's table (and in the `results` output). */
export interface GroupRow {
  groupId: string
  status: 'sent' | 'failed'
  msgSeq: string
  errorCode: string
  errorInfo: string
  tries: number
}

/** What the job summary tells; every part is optional, as a run can fail at any stage. */
export interface SummaryFacts {
  status: 'sent' | 'partial' | 'dry-run' | 'skipped' | 'failed'
  /** Each group's result (`target: groups` or `live-rooms`). */
  groups?: GroupRow[]
  /** Why nothing was sent, for a skipped event. */
  skipped?: string
  message?: {
    kind: string
    title: string
    text: string
    desc: string
    data: string
    bytes: number
    maxBytes: number
    truncated: boolean
  }
  /** Where it went: the host, and for groups how many, and the app. */
  where?: { host: string; sdkAppId: number }
  random?: number
  msgSeq?: number
  tries?: number
  durationMs: number
  failure?: Explanation
}

const HEADINGS = {
  sent: '📣 Tencent Chat broadcast sent',
  partial: '⚠️ Tencent Chat broadcast: some groups failed',
  'dry-run': '🔎 Tencent Chat broadcast: dry run, nothing sent',
  skipped: '⏭️ Tencent Chat broadcast skipped',
  failed: '❌ Tencent Chat broadcast failed'
} as const

/** GitHub refuses a job summary over 1 MiB; the file gets a line break after it. */
export const MAX_SUMMARY_BYTES = 1024 * 1024 - 1

/** Lines of the live-room preview, so long notes do not flood the summary. */
const PREVIEW_LINES = 12
/** Characters of one line of the preview, or of a value in a table. */
const LINE_CHARACTERS = 300
/** Characters of what went wrong: twenty failed groups named, each with its reason. */
const EXPLANATION_CHARACTERS = 20_000
/** Past this, Data is shown as sent, not indented: deep nesting would indent it out of bounds. */
const PRETTY_DATA_BYTES = 50_000

/**
 * The job summary in Markdown, at most `MAX_SUMMARY_BYTES`. Every value from outside (a title,
 * release notes, a group ID, a server's words) is shown inert, in a code span or a fenced block,
 * so it can make no link, image, HTML or emphasis; `scrub` removes credentials from each value
 * before it is measured, so the limit holds on the text as written.
 */
export function renderSummary(
  facts: SummaryFacts,
  scrub: (text: string) => string = (text) => text
): string {
  const value = (text: string) => quoted(scrub(text))
  const rows: [string, string][] = []
  const { message, where, failure } = facts
  if (message) rows.push(['Kind', message.kind], ['Title', value(message.title)])
  if (where) rows.push(['Target', `${value(where.host)} · SDKAppID ${where.sdkAppId}`])
  if (facts.msgSeq !== undefined) rows.push(['MsgSeq', String(facts.msgSeq)])
  if (facts.random !== undefined) rows.push(['Random', String(facts.random)])
  if (message) {
    const cut = message.truncated ? ' (free text cut to fit)' : ''
    rows.push(['Size', `${thousands(message.bytes)} of ${thousands(message.maxBytes)} bytes${cut}`])
  }
  if (facts.tries !== undefined) rows.push(['Tries', String(facts.tries)])
  rows.push(['Duration', `${(facts.durationMs / 1000).toFixed(1)} s`])

  const head = [
    `## ${HEADINGS[facts.status]}`,
    '',
    '<table>',
    ...rows.map(([name, text]) => `<tr><th align="left">${name}</th><td>${text}</td></tr>`),
    '</table>',
    ''
  ]
  if (facts.skipped !== undefined) head.push(fenced(scrub(facts.skipped), 'text'), '')
  const tail: string[] = []
  if (failure) {
    tail.push(
      '### What went wrong',
      '',
      fenced(shorten(scrub(failure.what), EXPLANATION_CHARACTERS), 'text'),
      '',
      // The remedies are the action's own words, Markdown included.
      `**What to do:** ${failure.remedy}`,
      ''
    )
  }
  if (message) tail.push(...preview(message, scrub))
  const fixed = bytes(head.join('\n')) + bytes(tail.join('\n')) + 2
  const groups =
    facts.groups === undefined ? [] : groupTable(facts.groups, MAX_SUMMARY_BYTES - fixed, scrub)
  return [...head, ...groups, ...tail].join('\n')
}

/** What a live room shows: the push line, the title and the text, and Data. */
function preview(
  message: NonNullable<SummaryFacts['message']>,
  scrub: (text: string) => string
): string[] {
  const lines = scrub(message.text).split('\n')
  const shown = lines.slice(0, PREVIEW_LINES).map((line) => shorten(line, LINE_CHARACTERS))
  if (lines.length > PREVIEW_LINES) shown.push('…')
  return [
    '### What a live room shows',
    '',
    `**Push line (Desc):** ${code(scrub(message.desc))}`,
    '',
    fenced([shorten(scrub(message.title), LINE_CHARACTERS), '', ...shown].join('\n'), 'text'),
    '',
    '<details><summary>Data (what the app receives)</summary>',
    '',
    fenced(pretty(scrub(message.data)), 'json'),
    '',
    '</details>',
    ''
  ]
}

/** Groups shown in the open; a longer table is folded away. */
const OPEN_ROWS = 30
/** Rows at most, however small: a longer table is no longer read. */
const MAX_ROWS = 1000

/**
 * Every group's result: open for a few, folded for many, the failed ones first. Rows are listed
 * while they fit in `room` bytes (and up to 1,000); the rest are counted, not listed: the
 * `results` output has them.
 */
function groupTable(rows: GroupRow[], room: number, scrub: (text: string) => string): string[] {
  const failed = rows.filter((row) => row.status === 'failed')
  const sent = rows.length - failed.length
  const many = rows.length > OPEN_ROWS
  const ordered = many ? [...failed, ...rows.filter((row) => row.status === 'sent')] : rows
  const heading = `### Groups: ${thousands(sent)} of ${thousands(rows.length)} sent`
  const what =
    failed.length > 0
      ? `${thousands(rows.length)} groups, the failed first`
      : `${thousands(rows.length)} groups`
  const opening = many ? [`<details><summary>${what}</summary>`, ''] : []
  const closing = many ? ['</details>', ''] : []
  const header = [
    '<table>',
    '<tr><th>group</th><th>status</th><th>MsgSeq</th><th>error</th><th>tries</th></tr>'
  ]
  const footer = ['</table>', '']
  // Room for the heading, the table's frame and the line that counts what is left out.
  let left =
    room -
    bytes([heading, '', ...opening, ...header, ...footer, ...closing].join('\n')) -
    bytes(`And ${thousands(rows.length)} more (see the \`results\` output).\n\n`)
  const shown: string[] = []
  for (const row of ordered) {
    if (shown.length === MAX_ROWS) break
    const error = [row.errorCode, row.errorInfo].filter(Boolean).join(' ')
    const line = `<tr><td>${quoted(scrub(row.groupId))}</td><td>${row.status === 'sent' ? '✅ sent' : '❌ failed'}</td><td>${row.msgSeq}</td><td>${quoted(scrub(error))}</td><td>${row.tries}</td></tr>`
    left -= bytes(line) + 1
    if (left < 0) break
    shown.push(line)
  }
  const table = [...header, ...shown, ...footer]
  if (ordered.length > shown.length) {
    table.push(
      `And ${thousands(ordered.length - shown.length)} more (see the \`results\` output).`,
      ''
    )
  }
  return [heading, '', ...opening, ...table, ...closing]
}

function bytes(text: string): number {
  return Buffer.byteLength(text)
}

function shorten(text: string, characters: number): string {
  return text.length > characters ? `${text.slice(0, characters)}…` : text
}

/** The longest run of backticks in `text`. */
function longestTicks(text: string): number {
  return Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length))
}

/**
 * A value in a table, which is HTML: escaped and in `<code>`, it is shown as it is, and nothing in
 * it is HTML, a link or a mention. A line break becomes a space, as a blank line would end the
 * table.
 */
function quoted(text: string): string {
  const inline = shorten(text, LINE_CHARACTERS).replace(/\r\n?|\n/g, ' ')
  if (inline === '') return ''
  const escaped = inline.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)
  return `<code>${escaped}</code>`
}

/**
 * A code span, for a value in a line of Markdown: its text is shown as it is, and nothing in it
 * is Markdown, HTML or a link. Its fence is longer than any run of backticks inside.
 */
function code(text: string): string {
  const inline = shorten(text, LINE_CHARACTERS).replace(/\r\n?|\n/g, ' ')
  if (inline === '') return ''
  const fence = '`'.repeat(longestTicks(inline) + 1)
  // CommonMark strips one space from each end of a span that has both: pad so that is ours.
  const pad = /^[` ]|[` ]$/.test(inline) ? ' ' : ''
  return `${fence}${pad}${inline}${pad}${fence}`
}

/** A fenced code block, longer than any run of backticks inside, so none of it can end it. */
function fenced(text: string, info: string): string {
  const fence = '`'.repeat(Math.max(3, longestTicks(text) + 1))
  return `${fence}${info}\n${text}\n${fence}`
}

function pretty(data: string): string {
  try {
    const indented = JSON.stringify(JSON.parse(data), null, 2)
    return bytes(indented) > PRETTY_DATA_BYTES ? data : indented
  } catch {
    return data
  }
}
