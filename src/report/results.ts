import type { GroupsDelivery } from '../deliver/fan-out/fan-out.js'
import { counted } from '../prose.js'
import type { GroupRow } from './summary.js'

/** GitHub keeps at most 1 MB of an output. */
const MAX_OUTPUT_BYTES = 1_000_000

/**
 * How long a failed group's `error_info` may be, step by step, when the failed groups do not fit
 * whole: as read, a line, nothing (`error_code` stays).
 */
const ERROR_INFO_STEPS = [Infinity, 100, 0]

/**
 * The `results` output: every group, in order, measured as it is printed (`printable`: scrubbed
 * and inert, escapes included). Past the 1 MB GitHub keeps, the failed groups come first, each
 * `error_info` shortened as far as needed for all of them to fit, then as many sent ones as fit.
 * `note` says what was left out or shortened.
 */
export function resultsOf(
  rows: GroupRow[],
  printable: (text: string) => string
): { json: string; note: string | undefined } {
  const item = (row: GroupRow, infoLength = Infinity) =>
    printable(
      JSON.stringify({
        group_id: row.groupId,
        status: row.status,
        msg_seq: row.msgSeq === '' ? null : Number(row.msgSeq),
        error_code: row.errorCode === '' ? null : Number(row.errorCode),
        error_info:
          row.errorInfo.length > infoLength
            ? `${row.errorInfo.slice(0, infoLength)}${infoLength > 0 ? '…' : ''}`
            : row.errorInfo,
        tries: row.tries
      })
    )
  // The brackets, and a comma after every item but the last.
  const size = (items: string[]) =>
    items.reduce((total, text) => total + Buffer.byteLength(text) + 1, 1)
  const whole = rows.map((row) => item(row))
  if (size(whole) <= MAX_OUTPUT_BYTES) return { json: `[${whole.join(',')}]`, note: undefined }

  const failed = rows.filter((row) => row.status === 'failed')
  const sent = rows.filter((row) => row.status === 'sent')
  const step =
    ERROR_INFO_STEPS.find(
      (length) => size(failed.map((row) => item(row, length))) <= MAX_OUTPUT_BYTES
    ) ?? 0
  const kept: string[] = []
  let bytes = 1
  for (const text of [...failed.map((row) => item(row, step)), ...sent.map((row) => item(row))]) {
    bytes += Buffer.byteLength(text) + 1
    if (bytes > MAX_OUTPUT_BYTES) break
    kept.push(text)
  }
  const left = failed.length - Math.min(kept.length, failed.length)
  const shortened =
    step === Infinity
      ? ''
      : step === 0
        ? ', without `error_info`'
        : `, each \`error_info\` cut to ${step} characters`
  const missing =
    left === 0 ? '' : ` ${counted(left, 'failed group is', 'failed groups are')} not listed.`
  return {
    json: `[${kept.join(',')}]`,
    note: `The \`results\` output lists ${kept.length} of ${rows.length} groups, the failed ones first${shortened}: GitHub keeps 1 MB of an output.${missing}`
  }
}

/** Each group's result, as the `results` output and the summary show it. */
export function groupRows(groups: Extract<GroupsDelivery, { ok: true }>): GroupRow[] {
  return groups.results.map(({ groupId, sent }) => {
    const { answer } = sent
    return {
      groupId,
      status: answer.ok ? 'sent' : 'failed',
      msgSeq: answer.ok ? String(answer.msgSeq) : '',
      errorCode: !answer.ok && answer.reason === 'tencent' ? String(answer.code) : '',
      errorInfo: answer.ok ? '' : answer.info,
      tries: sent.tries
    }
  })
}
