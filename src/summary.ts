import type { Explanation } from './tencent-errors.js'

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
  target?: { host: string; sdkAppId: number }
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

/** Lines of the live-room preview, so long notes do not flood the summary. */
const PREVIEW_LINES = 12

/** The job summary in Markdown. Every value is escaped; the caller scrubs the whole. */
export function renderSummary(facts: SummaryFacts): string {
  const rows: [string, string][] = []
  const { message, target, failure } = facts
  if (message) {
    rows.push(['Kind', message.kind], ['Title', message.title])
  }
  if (target) rows.push(['Target', `${target.host} · SDKAppID ${target.sdkAppId}`])
  if (facts.msgSeq !== undefined) rows.push(['MsgSeq', String(facts.msgSeq)])
  if (facts.random !== undefined) rows.push(['Random', String(facts.random)])
  if (message) {
    const cut = message.truncated ? ' (free text cut to fit)' : ''
    rows.push(['Size', `${thousands(message.bytes)} of ${thousands(message.maxBytes)} bytes${cut}`])
  }
  if (facts.tries !== undefined) rows.push(['Tries', String(facts.tries)])
  rows.push(['Duration', `${(facts.durationMs / 1000).toFixed(1)} s`])

  const parts = [
    `## ${HEADINGS[facts.status]}`,
    '',
    '| | |',
    '| --- | --- |',
    ...rows.map(([name, value]) => `| ${name} | ${cell(value)} |`),
    ''
  ]
  if (facts.skipped !== undefined) parts.push(escape(facts.skipped), '')
  if (facts.groups !== undefined) parts.push(...groupTable(facts.groups))
  if (failure) {
    parts.push(
      '### What went wrong',
      '',
      escape(failure.what),
      '',
      `**What to do:** ${escape(failure.remedy)}`,
      ''
    )
  }
  if (message) {
    const lines = message.text.split('\n')
    const shown = lines.slice(0, PREVIEW_LINES).map((line) => `> ${escape(line)}`)
    if (lines.length > PREVIEW_LINES) shown.push(`> …`)
    parts.push(
      '### What a live room shows',
      '',
      `**Push line (Desc):** ${escape(message.desc)}`,
      '',
      `> **${escape(message.title)}**`,
      '>',
      ...shown,
      '',
      '<details><summary>Data (what the app receives)</summary>',
      '',
      '```json',
      pretty(message.data),
      '```',
      '',
      '</details>',
      ''
    )
  }
  return parts.join('\n')
}

/** Groups shown in the open; a longer table is folded away. */
const OPEN_ROWS = 30
/** Rows at most: GitHub refuses a job summary over 1 MiB, and 1,000 rows are some 100 KB. */
const MAX_ROWS = 1000

/**
 * Every group's result: open for a few, folded for many, the failed ones first. Past 1,000
 * groups the rest are counted, not listed; the `results` output has them.
 */
function groupTable(rows: GroupRow[]): string[] {
  const failed = rows.filter((row) => row.status === 'failed')
  const sent = rows.length - failed.length
  const many = rows.length > OPEN_ROWS
  const ordered = many ? [...failed, ...rows.filter((row) => row.status === 'sent')] : rows
  const shown = ordered.slice(0, MAX_ROWS)
  const table = [
    '| group | status | MsgSeq | error | tries |',
    '| --- | --- | --- | --- | --- |',
    ...shown.map(
      (row) =>
        `| ${cell(row.groupId)} | ${row.status === 'sent' ? '✅ sent' : '❌ failed'} | ${row.msgSeq} | ${cell(
          [row.errorCode, row.errorInfo].filter(Boolean).join(' ')
        )} | ${row.tries} |`
    ),
    ''
  ]
  if (ordered.length > shown.length) {
    table.push(
      `And ${thousands(ordered.length - shown.length)} more (see the \`results\` output).`,
      ''
    )
  }
  const heading = `### Groups: ${thousands(sent)} of ${thousands(rows.length)} sent`
  if (!many) return [heading, '', ...table]
  const what =
    failed.length > 0
      ? `${thousands(rows.length)} groups, the failed first`
      : `${thousands(rows.length)} groups`
  return [heading, '', `<details><summary>${what}</summary>`, '', ...table, '</details>', '']
}

/** 12000 → 12,000; Intl.NumberFormat would cost some 9 ms of ICU loading for this. */
function thousands(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

function cell(text: string): string {
  return escape(text).replace(/\|/g, '\\|').replace(/\n/g, ' ')
}

function pretty(data: string): string {
  try {
    return JSON.stringify(JSON.parse(data), null, 2).replace(/```/g, '`\u200b``')
  } catch {
    return data
  }
}
