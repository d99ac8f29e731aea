import type { Failure } from './answer.js'
import type { Dependencies } from './dependencies.js'
import type { GroupsDelivery } from './groups.js'
import { InputError } from './input-error.js'
import type { Plan } from './plan.js'
import { counted } from './prose.js'
import type { Secrets } from './secrets.js'
import type { SendResult } from './send.js'
import { renderSummary, type GroupRow, type SummaryFacts } from './summary.js'
import { explainFailure, type Explanation } from './tencent-errors.js'
import { printable } from './workflow-commands.js'

/** How a run ended. Every run ends in exactly one of these, and `report` tells each one. */
export type Outcome =
  /** A broadcast, sent, or refused by Tencent or the network. */
  | { status: 'sent' | 'failed'; plan: Plan; sent: SendResult }
  /** Messages to groups one by one (`target: groups` or `live-rooms`). */
  | { status: 'sent' | 'partial' | 'failed'; plan: Plan; groups: GroupsDelivery }
  | { status: 'dry-run'; plan: Plan }
  /** The event is not announced (a release action not chosen, a deleted tag …). */
  | { status: 'skipped'; reason: string }
  /**
   * Stopped before sending: an `InputError`, a release lookup that failed, or something nobody
   * expected. `tolerated`: a failure that may pass, under `fail-on-error: false`.
   */
  | { status: 'failed'; error: unknown; tolerated?: boolean }

/** The action's outputs, as action.yml declares them. Every run sets every one. */
export const OUTPUT_NAMES = [
  'msg-seq',
  'random',
  'payload',
  'truncated',
  'tries',
  'status',
  'error-code',
  'error-info',
  'results'
] as const
type Outputs = Record<(typeof OUTPUT_NAMES)[number], string>

/** Failed groups named in the final line; the `results` output and the summary hold them all. */
const NAMED_FAILURES = 20

/**
 * Tells how the run ended, in one place for every outcome: all outputs, the job summary, and one
 * final line (`::error` when the step fails, `::warning` for a delivery failure that
 * `fail-on-error: false` tolerates).
 */
export function report(
  outcome: Outcome,
  {
    core,
    writeSummary,
    secrets,
    durationMs
  }: Pick<Dependencies, 'core' | 'writeSummary'> & { secrets: Secrets; durationMs: number }
): void {
  const failure = failureOf(outcome, secrets)
  const rows = 'groups' in outcome && outcome.groups.ok ? groupRows(outcome.groups) : []
  const results = resultsOf(rows, (text) => printable(text, secrets))
  const outputs = outputsOf(outcome, failure, rows, results.json)
  for (const name of OUTPUT_NAMES) core.setOutput(name, outputs[name])
  if (results.note !== undefined) core.info(results.note)

  finalLine(outcome, failure, core, secrets)

  try {
    const facts = { ...factsOf(outcome, rows), failure, durationMs }
    writeSummary(renderSummary(facts, (text) => secrets.scrub(text)))
  } catch (error) {
    core.debug(
      `No job summary: ${secrets.scrub(error instanceof Error ? error.message : String(error))}`
    )
  }
}

/** The one line that ends the log: what happened, or what went wrong and what to do. */
function finalLine(
  outcome: Outcome,
  failure: Explanation | undefined,
  core: Dependencies['core'],
  secrets: Secrets
): void {
  if ('error' in outcome) {
    const { error } = outcome
    if (remedyOf(error) === undefined && error instanceof Error && error.stack) {
      core.debug(secrets.scrub(error.stack))
    }
    // An input error's remedy is always the same; the summary says it.
    const text =
      error instanceof InputError ? (failure?.what ?? '') : `${failure?.what} ${failure?.remedy}`
    if (outcome.tolerated) {
      core.warning(`${text} The step goes on because \`fail-on-error\` is false.`)
    } else core.setFailed(text)
    return
  }
  if (outcome.status === 'skipped') {
    core.notice(outcome.reason)
    return
  }
  if (outcome.status === 'dry-run') {
    const { announcement, message, body, config } = outcome.plan
    const to =
      config.target === 'broadcast'
        ? ''
        : config.target === 'groups'
          ? ` for the groups ${config.groupIds.join(', ')} (the body of the first is shown; each group has its own Random)`
          : ' for every live room (AVChatRoom), which were not listed (the body each gets is shown, with its own GroupId and Random)'
    core.info(
      `Dry run: the ${announcement.kind} announcement "${message.desc}" (${message.bytes} bytes) was rendered and checked${to}; nothing was sent.`
    )
    core.startGroup('Payload')
    core.info(JSON.stringify(body, null, 2))
    core.endGroup()
    return
  }
  if (failure === undefined) {
    core.info(delivered(outcome))
    return
  }
  const text = `${failure.what} ${failure.remedy}`
  // A delivery failure may be tolerated; a step that could not even send always fails.
  if (outcome.plan.config.failOnError) core.setFailed(text)
  else core.warning(`${text} The step goes on because \`fail-on-error\` is false.`)
}

/** The line that tells a delivery that went through. */
function delivered(
  outcome: Extract<Outcome, { plan: Plan; status: 'sent' | 'partial' | 'failed' }>
) {
  if ('sent' in outcome) {
    const { delivery, tries } = outcome.sent
    return `Delivered: MsgSeq ${delivery.ok ? delivery.msgSeq : ''}, Random ${outcome.plan.body.Random}, after ${counted(tries, 'try', 'tries')}.`
  }
  const { tries } = outcome.groups
  const count = outcome.groups.ok ? outcome.groups.results.length : 0
  return `Delivered to ${counted(count, 'group', 'groups')} (each one's MsgSeq is in \`results\`), after ${counted(tries, 'request', 'requests')}.`
}

/** What went wrong and what to do, for a run that failed; `undefined` for one that did not. */
function failureOf(outcome: Outcome, secrets: Secrets): Explanation | undefined {
  if ('error' in outcome) {
    const { error } = outcome
    const message = secrets.scrub(error instanceof Error ? error.message : String(error))
    const remedy = remedyOf(error)
    return remedy === undefined
      ? { what: `Unexpected failure: ${message}`, remedy: 'Please report this as a bug.' }
      : { what: message, remedy }
  }
  if (outcome.status === 'skipped' || outcome.status === 'dry-run') return undefined
  if ('sent' in outcome) {
    const { delivery, tries, gaveUp } = outcome.sent
    return delivery.ok ? undefined : explain(delivery, tries, gaveUp)
  }
  const { groups } = outcome
  if (!groups.ok) {
    const { what, remedy } = explain(groups.failure, groups.pageTries, groups.gaveUp)
    return { what: `The live rooms could not be listed, so nothing was sent. ${what}`, remedy }
  }
  const failed = groups.results.filter(({ sent }) => !sent.delivery.ok)
  if (failed.length === 0) return undefined
  // Each failure is named with its group; each remedy is said once.
  const named = failed.slice(0, NAMED_FAILURES).map(({ groupId, sent }) => {
    const { what } = explain(sent.delivery as Failure, sent.tries, sent.gaveUp)
    return `${secrets.untrusted(groupId, 100)}: ${what}`
  })
  const more =
    failed.length > NAMED_FAILURES
      ? ` And ${failed.length - NAMED_FAILURES} more (see the \`results\` output).`
      : ''
  const remedies = new Set(
    failed.map(({ sent }) => explainFailure(sent.delivery as Failure).remedy)
  )
  return {
    what: `Delivered to ${groups.results.length - failed.length} of ${groups.results.length} groups; ${failed.length} failed. ${named.join(' ')}${more}`,
    remedy: [...remedies].join(' ')
  }
}

/**
 * What to do about an error that says so itself: an `InputError`, or a failed release lookup
 * (whose class lives in the lookup's chunk, so it is known by its shape).
 */
function remedyOf(error: unknown): string | undefined {
  if (error instanceof InputError) return error.remedy
  const remedy = error instanceof Error ? (error as { remedy?: unknown }).remedy : undefined
  return typeof remedy === 'string' ? remedy : undefined
}

function explain(failure: Failure, tries: number, gaveUp: string | undefined): Explanation {
  const explanation = explainFailure(failure)
  const why =
    gaveUp === undefined ? '' : ` Gave up after ${counted(tries, 'try', 'tries')}: ${gaveUp}.`
  return { what: `${explanation.what}${why}`, remedy: explanation.remedy }
}

function outputsOf(
  outcome: Outcome,
  failure: Explanation | undefined,
  rows: GroupRow[],
  results: string
): Outputs {
  const planned = 'plan' in outcome ? outcome.plan : undefined
  const sent = 'sent' in outcome ? outcome.sent : undefined
  const groups = 'groups' in outcome ? outcome.groups : undefined
  // The failure that `error-code` and `error-info` tell: the broadcast's, or the first group's.
  const first: Failure | undefined =
    sent?.delivery.ok === false
      ? sent.delivery
      : groups?.ok === false
        ? groups.failure
        : (groups?.results.find(({ sent }) => !sent.delivery.ok)?.sent.delivery as
            Failure | undefined)
  const single = rows.length === 1 ? rows[0] : undefined
  return {
    'msg-seq': sent?.delivery.ok ? String(sent.delivery.msgSeq) : (single?.msgSeq ?? ''),
    random: planned && planned.config.target === 'broadcast' ? String(planned.body.Random) : '',
    payload: planned ? JSON.stringify(planned.body) : '',
    truncated: planned ? String(planned.message.truncated) : '',
    tries: String(sent?.tries ?? groups?.tries ?? 0),
    status: outcome.status,
    'error-code': first?.reason === 'tencent' ? String(first.code) : '',
    'error-info': first?.info ?? failure?.what ?? '',
    results
  }
}

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
function resultsOf(
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
function groupRows(groups: Extract<GroupsDelivery, { ok: true }>): GroupRow[] {
  return groups.results.map(({ groupId, sent }) => {
    const { delivery } = sent
    return {
      groupId,
      status: delivery.ok ? 'sent' : 'failed',
      msgSeq: delivery.ok ? String(delivery.msgSeq) : '',
      errorCode: !delivery.ok && delivery.reason === 'tencent' ? String(delivery.code) : '',
      errorInfo: delivery.ok ? '' : delivery.info,
      tries: sent.tries
    }
  })
}

/** The summary's facts, as far as the run got. */
function factsOf(outcome: Outcome, rows: GroupRow[]): Omit<SummaryFacts, 'durationMs'> {
  if (outcome.status === 'skipped') return { status: outcome.status, skipped: outcome.reason }
  if (!('plan' in outcome)) return { status: outcome.status }
  const { config, announcement, message, body, bases } = outcome.plan
  const sent = 'sent' in outcome ? outcome.sent : undefined
  const groups = 'groups' in outcome ? outcome.groups : undefined
  const host = sent?.host ?? bases[0].host
  const where =
    config.target === 'broadcast'
      ? host
      : config.target === 'groups'
        ? `${counted(config.groupIds.length, 'group', 'groups')} via ${host}`
        : `every live room via ${host}`
  return {
    status: outcome.status,
    message: {
      kind: announcement.kind,
      title: announcement.title,
      text: announcement.text,
      desc: message.desc,
      data: message.data,
      bytes: message.bytes,
      maxBytes: config.maxBytes,
      truncated: message.truncated
    },
    target: { host: where, sdkAppId: config.sdkAppId },
    ...(config.target === 'broadcast' ? { random: body.Random } : {}),
    ...(sent === undefined ? {} : { tries: sent.tries }),
    ...(sent?.delivery.ok ? { msgSeq: sent.delivery.msgSeq } : {}),
    ...(groups === undefined ? {} : { tries: groups.tries }),
    ...(groups?.ok ? { groups: rows } : {})
  }
}
