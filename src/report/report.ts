import type { Failure } from '../deliver/answers.js'
import type { DeliveryTarget, Delivery } from '../deliver/target.js'
import type { Dependencies } from '../dependencies.js'
import { InputError } from '../inputs/input-error.js'
import type { Plan } from '../plan/plan.js'
import { counted, messageOf } from '../prose.js'
import type { Secrets } from '../secrets.js'
import { printable } from '../workflow-commands.js'
import { explainFailure, type Explanation } from './explain.js'
import { groupRows, resultsOf } from './results.js'
import { renderSummary, type GroupRow, type SummaryFacts } from './summary.js'

/** How a run ended. Every run ends in exactly one of these, and `report` tells each one. */
export type Outcome =
  /** Delivered (or not) by its target: how it went is `delivery`. */
  | { ended: 'delivered'; plan: Plan; target: DeliveryTarget; delivery: Delivery }
  /** A dry run: rendered and checked, nothing sent. */
  | { ended: 'previewed'; plan: Plan; target: DeliveryTarget }
  /** Nothing to announce: an event not announced, an app without live rooms. */
  | { ended: 'skipped'; skip: string }
  /**
   * Stopped before sending: an `InputError`, a release lookup that failed, or something nobody
   * expected. `tolerated`: a failure that may pass, under `fail-on-error: false`.
   */
  | { ended: 'stopped'; error: unknown; tolerated: boolean }

/** The `status` output of a run: the outcome, and for a delivery how it went. */
export function statusOf(outcome: Outcome): 'sent' | 'partial' | 'failed' | 'dry-run' | 'skipped' {
  switch (outcome.ended) {
    case 'previewed':
      return 'dry-run'
    case 'skipped':
      return 'skipped'
    case 'stopped':
      return 'failed'
    case 'delivered': {
      const { delivery } = outcome
      if (delivery.kind === 'one') return delivery.sent.answer.ok ? 'sent' : 'failed'
      if (!delivery.groups.ok) return 'failed'
      const sent = delivery.groups.results.filter(({ sent }) => sent.answer.ok).length
      return sent === delivery.groups.results.length ? 'sent' : sent === 0 ? 'failed' : 'partial'
    }
  }
}

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
  const groups = eachGroup(outcome)
  const rows = groups?.ok ? groupRows(groups) : []
  const results = resultsOf(rows, (text) => printable(text, secrets))
  const outputs = outputsOf(outcome, failure, rows, results.json)
  for (const name of OUTPUT_NAMES) core.setOutput(name, outputs[name])
  if (results.note !== undefined) core.info(results.note)

  finalLine(outcome, failure, core, secrets)

  try {
    const facts = { ...factsOf(outcome, rows), failure, durationMs }
    writeSummary(renderSummary(facts, (text) => secrets.scrub(text)))
  } catch (error) {
    core.debug(`No job summary: ${secrets.scrub(messageOf(error))}`)
  }
}

/** The message of a delivery of one message, when that is what it was. */
function oneMessage(outcome: Outcome) {
  return outcome.ended === 'delivered' && outcome.delivery.kind === 'one'
    ? outcome.delivery.sent
    : undefined
}

/** The messages of a delivery of one message per group, when that is what it was. */
function eachGroup(outcome: Outcome): GroupsDelivery | undefined {
  return outcome.ended === 'delivered' && outcome.delivery.kind === 'each'
    ? outcome.delivery.groups
    : undefined
}

type GroupsDelivery = Extract<Delivery, { kind: 'each' }>['groups']

/** The one line that ends the log: what happened, or what went wrong and what to do. */
function finalLine(
  outcome: Outcome,
  failure: Explanation | undefined,
  core: Dependencies['core'],
  secrets: Secrets
): void {
  switch (outcome.ended) {
    case 'stopped': {
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
    case 'skipped':
      core.notice(outcome.skip)
      return
    case 'previewed': {
      const { plan, target } = outcome
      const { announcement, message, config, bases } = plan
      core.info(
        `Dry run: the ${announcement.kind} announcement "${message.desc}" (${message.bytes} bytes) was rendered and checked${target.where(config, bases[0].host).dryRun}; nothing was sent.`
      )
      core.startGroup('Payload')
      core.info(JSON.stringify(target.preview(plan).body, null, 2))
      core.endGroup()
      return
    }
    case 'delivered': {
      if (failure === undefined) {
        core.info(delivered(outcome))
        return
      }
      const text = `${failure.what} ${failure.remedy}`
      // A delivery failure may be tolerated; a step that could not even send always fails.
      if (outcome.plan.config.failOnError) core.setFailed(text)
      else core.warning(`${text} The step goes on because \`fail-on-error\` is false.`)
    }
  }
}

/** The line that tells a delivery that went through. */
function delivered({ delivery, plan, target }: Extract<Outcome, { ended: 'delivered' }>) {
  if (delivery.kind === 'one') {
    const { answer, tries } = delivery.sent
    return `Delivered: MsgSeq ${answer.ok ? answer.msgSeq : ''}, Random ${target.preview(plan).random}, after ${counted(tries, 'try', 'tries')}.`
  }
  const { groups } = delivery
  const count = groups.ok ? groups.results.length : 0
  return `Delivered to ${counted(count, 'group', 'groups')} (each one's MsgSeq is in \`results\`), after ${counted(groups.tries, 'request', 'requests')}.`
}

/** What went wrong and what to do, for a run that failed; `undefined` for one that did not. */
function failureOf(outcome: Outcome, secrets: Secrets): Explanation | undefined {
  if (outcome.ended === 'stopped') {
    const { error } = outcome
    const message = secrets.scrub(messageOf(error))
    const remedy = remedyOf(error)
    return remedy === undefined
      ? { what: `Unexpected failure: ${message}`, remedy: 'Please report this as a bug.' }
      : { what: message, remedy }
  }
  if (outcome.ended !== 'delivered') return undefined
  const { delivery } = outcome
  if (delivery.kind === 'one') {
    const { answer, tries, gaveUp } = delivery.sent
    return answer.ok ? undefined : explain(answer, tries, gaveUp)
  }
  const { groups } = delivery
  if (!groups.ok) {
    const { what, remedy } = explain(groups.failure, groups.pageTries, groups.gaveUp)
    return { what: `The live rooms could not be listed, so nothing was sent. ${what}`, remedy }
  }
  const failed = groups.results.flatMap(({ groupId, sent }) =>
    sent.answer.ok ? [] : [{ groupId, sent, failure: sent.answer }]
  )
  if (failed.length === 0) return undefined
  // Each failure is named with its group; each remedy is said once.
  const named = failed.slice(0, NAMED_FAILURES).map(({ groupId, sent, failure }) => {
    const { what } = explain(failure, sent.tries, sent.gaveUp)
    return `${secrets.untrusted(groupId, 100)}: ${what}`
  })
  const more =
    failed.length > NAMED_FAILURES
      ? ` And ${failed.length - NAMED_FAILURES} more (see the \`results\` output).`
      : ''
  const remedies = new Set(failed.map(({ failure }) => explainFailure(failure).remedy))
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

/** The failure `error-code` and `error-info` tell: the message's, the listing's, or the first group's. */
function firstFailure(outcome: Outcome): Failure | undefined {
  const sent = oneMessage(outcome)
  if (sent !== undefined) return sent.answer.ok ? undefined : sent.answer
  const groups = eachGroup(outcome)
  if (groups === undefined) return undefined
  if (!groups.ok) return groups.failure
  for (const { sent: one } of groups.results) if (!one.answer.ok) return one.answer
  return undefined
}

function outputsOf(
  outcome: Outcome,
  failure: Explanation | undefined,
  rows: GroupRow[],
  results: string
): Outputs {
  const shown = outcome.ended === 'delivered' || outcome.ended === 'previewed' ? outcome : undefined
  const preview = shown?.target.preview(shown.plan)
  const sent = oneMessage(outcome)
  const first = firstFailure(outcome)
  const single = rows.length === 1 ? rows[0] : undefined
  return {
    'msg-seq': sent?.answer.ok ? String(sent.answer.msgSeq) : (single?.msgSeq ?? ''),
    random: preview?.random === undefined ? '' : String(preview.random),
    payload: preview ? JSON.stringify(preview.body) : '',
    truncated: shown ? String(shown.plan.message.truncated) : '',
    tries: String(sent?.tries ?? eachGroup(outcome)?.tries ?? 0),
    status: statusOf(outcome),
    'error-code': first?.reason === 'tencent' ? String(first.code) : '',
    'error-info': first?.info ?? failure?.what ?? '',
    results
  }
}

/** The summary's facts, as far as the run got. */
function factsOf(outcome: Outcome, rows: GroupRow[]): Omit<SummaryFacts, 'durationMs'> {
  const status = statusOf(outcome)
  if (outcome.ended === 'skipped') return { status, skipped: outcome.skip }
  if (outcome.ended === 'stopped') return { status }
  const { plan, target } = outcome
  const { config, announcement, message, bases } = plan
  const sent = oneMessage(outcome)
  const groups = eachGroup(outcome)
  const random = target.preview(plan).random
  return {
    status,
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
    where: {
      host: target.where(config, sent?.host ?? bases[0].host).summary,
      sdkAppId: config.sdkAppId
    },
    ...(random === undefined ? {} : { random }),
    ...(sent === undefined ? {} : { tries: sent.tries }),
    ...(sent?.answer.ok ? { msgSeq: sent.answer.msgSeq } : {}),
    ...(groups === undefined ? {} : { tries: groups.tries }),
    ...(groups?.ok ? { groups: rows } : {})
  }
}
