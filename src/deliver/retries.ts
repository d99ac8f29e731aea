import type { Failure } from './answers.js'
import type { Clock, Log } from '../dependencies.js'
import type { Address } from './tencent-api.js'
import type { Pacer } from './fan-out/pacer.js'
import { nextStep, waitBefore, type RetryStep } from './retry-policy.js'

export interface RetryOptions<Success extends { ok: true }> {
  /** Base URLs in order of preference: the primary domain, then its backup. */
  bases: [URL, ...URL[]]
  sdkAppId: number
  identifier: string
  /** Gives the UserSig for a try; `fresh` when Tencent refused the last one as expired. */
  userSig: (fresh: boolean) => string
  /** False when the UserSig was given ready-made and cannot be renewed. */
  canSign: boolean
  /** One try: the same request every time, to `address`, ended within `timeoutMs`. */
  once: (address: Address, timeoutMs: number) => Promise<Success | Failure>
  timeoutSeconds: number
  /** Retries after failures other than the frequency limit. */
  retries: number
  clock: Clock
  log: Log
  /** When the last try must have ended (ms since the epoch); its own budget from now by default. */
  deadline?: number
  pacer?: Pacer
}

/**
 * The least time a try is given: one that could not have a second before the deadline is not
 * started (it could deliver, and be reported failed, with nobody waiting for its answer).
 */
export const MIN_TRY_MS = 1000

export interface Retried<Success extends { ok: true } = { ok: true; msgSeq: number }> {
  answer: Success | Failure
  tries: number
  /** The host of the last try. */
  host: string
  /** Why it stopped trying, when it failed. */
  gaveUp: string | undefined
}

/**
 * The step's time budget, in ms: every try at its full timeout, plus a minute of waiting. The
 * step always ends in bounded time, whatever Tencent answers.
 */
export function timeBudgetMs(retries: number, timeoutSeconds: number): number {
  return (retries + 1) * timeoutSeconds * 1000 + 60_000
}

/**
 * Makes a request (a message, a page of a list), retrying what can be retried. Every try of a
 * message carries the same body,
 * with the same body Random: if a try's answer was lost, Tencent discards the next one as a
 * repeat, so a retry can never become a second message. Only the query `random` (and a renewed
 * UserSig) change. Each try ends within `timeoutSeconds`, and no wait starts that the deadline
 * cannot hold.
 */
export async function retried<Success extends { ok: true }>(
  options: RetryOptions<Success>
): Promise<Retried<Success>> {
  const { clock, log, pacer } = options
  const deadline =
    options.deadline ?? clock.now() + timeBudgetMs(options.retries, options.timeoutSeconds)
  const latestStart = deadline - MIN_TRY_MS
  let onBase = 0
  let userSig = options.userSig(false)
  let tries = 0
  let retriesUsed = 0
  let garbled = false
  let last: Retried<Success> | undefined
  const outOfTime = (): Retried<Success> =>
    last === undefined
      ? {
          answer: {
            ok: false,
            reason: 'out-of-time',
            info: 'no try could start before the end of the time budget of this step'
          },
          tries,
          host: (options.bases[onBase] ?? options.bases[0]).host,
          gaveUp: undefined
        }
      : { ...last, gaveUp: 'the time budget of this step ran out' }
  for (;;) {
    const base = options.bases[onBase] ?? options.bases[0]
    // No try starts that could not have its second before the deadline.
    const started = pacer ? await pacer.slot(latestStart) : clock.now() <= latestStart
    if (!started) return outOfTime()
    tries++
    const startedAt = clock.now()
    const timeoutMs = Math.min(options.timeoutSeconds * 1000, deadline - startedAt)
    const answer = await options.once(
      { base, sdkAppId: options.sdkAppId, identifier: options.identifier, userSig },
      timeoutMs
    )
    const result = (gaveUp: string | undefined): Retried<Success> => ({
      answer,
      tries,
      host: base.host,
      gaveUp
    })
    if (answer.ok) {
      pacer?.accepted()
      return result(undefined)
    }
    last = result(undefined)

    const backup = options.bases[onBase + 1]
    let step = nextStep(answer, { canSign: options.canSign, canFailOver: backup !== undefined })
    if (step === 'stop') return last
    if (step === 'retry-once') {
      if (garbled) return result('a second answer contradicted itself too')
      garbled = true
      step = 'retry'
    }
    // Frequency-limit refusals were not processed: waiting them out uses up no retry. A message
    // a live room dropped is that room's own limit: only its own retry waits.
    const usesRetry = step !== 'rate-limited'
    if (!usesRetry && answer.reason !== 'dropped') pacer?.refused(startedAt)
    if (usesRetry && retriesUsed === options.retries) {
      return result(
        options.retries === 0
          ? '`retries` is 0'
          : options.retries === 1
            ? 'its one retry was used'
            : `all ${options.retries} retries were used`
      )
    }
    const wait = waitBefore(step, usesRetry ? retriesUsed++ : retriesUsed, () => clock.random())
    if (clock.now() + wait > latestStart) return outOfTime()
    const seconds = (wait / 1000).toFixed(1)
    let what = `${describe(step)} in ${seconds} s`
    if (step === 'network' && backup) {
      onBase++
      what = `falling over to the backup domain ${backup.host} in ${seconds} s`
    }
    if (step === 'new-usersig') userSig = options.userSig(true)
    log.info(`Try ${tries} failed (${answer.info}); ${what}.`)
    await clock.sleep(wait)
  }
}
function describe(step: RetryStep): string {
  switch (step) {
    case 'rate-limited':
      return 'Tencent asked to slow down, trying again'
    case 'new-usersig':
      return 'trying again with a freshly signed UserSig'
    case 'after-60s':
      return 'Tencent locked signature checks for a minute, trying again'
    default:
      return 'trying again'
  }
}
