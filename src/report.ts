import type { Dependencies } from './dependencies.js'
import { InputError } from './input-error.js'
import type { Plan } from './plan.js'
import type { Secrets } from './secrets.js'
import type { SendResult } from './send.js'
import { renderSummary, type SummaryFacts } from './summary.js'
import { explainFailure, type Explanation } from './tencent-errors.js'

/** How a run ended. Every run ends in exactly one of these, and `report` tells each one. */
export type Outcome =
  | { status: 'sent'; plan: Plan; sent: SendResult }
  | { status: 'dry-run'; plan: Plan }
  /** The event is not announced (a release action not chosen, a deleted tag …). */
  | { status: 'skipped'; reason: string }
  /** Sent, and Tencent or the network said no. */
  | { status: 'failed'; plan: Plan; sent: SendResult }
  /** Stopped before sending: an `InputError`, or something nobody expected. */
  | { status: 'failed'; error: unknown }

/** The action's outputs, as action.yml declares them. Every run sets every one. */
export const OUTPUT_NAMES = [
  'msg-seq',
  'random',
  'payload',
  'truncated',
  'tries',
  'status',
  'error-code',
  'error-info'
] as const
type Outputs = Record<(typeof OUTPUT_NAMES)[number], string>

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
  }: Pick<Dependencies, 'core' | 'writeSummary'> & {
    secrets: Secrets
    durationMs: number
  }
): void {
  const failure = failureOf(outcome, secrets)
  const outputs = outputsOf(outcome, failure)
  for (const name of OUTPUT_NAMES) core.setOutput(name, outputs[name])

  finalLine(outcome, failure, core, secrets)

  try {
    writeSummary(secrets.scrub(renderSummary({ ...factsOf(outcome), failure, durationMs })))
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
    const unexpected = !(outcome.error instanceof InputError)
    if (unexpected && outcome.error instanceof Error && outcome.error.stack) {
      core.debug(secrets.scrub(outcome.error.stack))
    }
    core.setFailed(unexpected ? `${failure?.what} ${failure?.remedy}` : (failure?.what ?? ''))
    return
  }
  switch (outcome.status) {
    case 'skipped':
      core.notice(outcome.reason)
      return
    case 'dry-run': {
      const { announcement, message, body } = outcome.plan
      core.info(
        `Dry run: the ${announcement.kind} announcement "${message.desc}" (${message.bytes} bytes) was rendered and checked; nothing was sent.`
      )
      core.startGroup('Payload')
      core.info(JSON.stringify(body, null, 2))
      core.endGroup()
      return
    }
    case 'sent': {
      const { delivery, tries } = outcome.sent
      core.info(
        `Delivered: MsgSeq ${delivery.ok ? delivery.msgSeq : ''}, Random ${outcome.plan.body.Random}, after ${tries} ${tries === 1 ? 'try' : 'tries'}.`
      )
      return
    }
    case 'failed': {
      const text = `${failure?.what} ${failure?.remedy}`
      // A delivery failure may be tolerated; a step that could not even send always fails.
      if (outcome.plan.config.failOnError) core.setFailed(text)
      else core.warning(`${text} The step goes on because \`fail-on-error\` is false.`)
    }
  }
}

/** What went wrong and what to do, for a run that failed; `undefined` for one that did not. */
function failureOf(outcome: Outcome, secrets: Secrets): Explanation | undefined {
  if ('error' in outcome) {
    const { error } = outcome
    const message = secrets.scrub(error instanceof Error ? error.message : String(error))
    return error instanceof InputError
      ? { what: message, remedy: error.remedy }
      : { what: `Unexpected failure: ${message}`, remedy: 'Please report this as a bug.' }
  }
  if (outcome.status === 'skipped' || outcome.status === 'dry-run' || outcome.sent.delivery.ok) {
    return undefined
  }
  const { delivery, tries, gaveUp } = outcome.sent
  const explanation = explainFailure(delivery)
  const why = gaveUp === undefined ? '' : ` Gave up after ${tries} tries: ${gaveUp}.`
  return { what: `${explanation.what}${why}`, remedy: explanation.remedy }
}

function outputsOf(outcome: Outcome, failure: Explanation | undefined): Outputs {
  const planned = 'plan' in outcome ? outcome.plan : undefined
  const sent = 'sent' in outcome ? outcome.sent : undefined
  const delivery = sent?.delivery
  return {
    'msg-seq': delivery?.ok ? String(delivery.msgSeq) : '',
    random: planned ? String(planned.body.Random) : '',
    payload: planned ? JSON.stringify(planned.body) : '',
    truncated: planned ? String(planned.message.truncated) : '',
    tries: String(sent?.tries ?? 0),
    status: outcome.status,
    'error-code':
      delivery?.ok === false && delivery.reason === 'tencent' ? String(delivery.code) : '',
    'error-info': delivery?.ok === false ? delivery.info : (failure?.what ?? '')
  }
}

/** The summary's facts, as far as the run got. */
function factsOf(outcome: Outcome): Omit<SummaryFacts, 'durationMs'> {
  if (outcome.status === 'skipped') return { status: outcome.status, skipped: outcome.reason }
  if (!('plan' in outcome)) return { status: outcome.status }
  const { config, announcement, message, body, bases } = outcome.plan
  const sent = 'sent' in outcome ? outcome.sent : undefined
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
    target: { host: sent?.host ?? bases[0].host, sdkAppId: config.sdkAppId },
    random: body.Random,
    ...(sent === undefined ? {} : { tries: sent.tries }),
    ...(sent?.delivery.ok ? { msgSeq: sent.delivery.msgSeq } : {})
  }
}
