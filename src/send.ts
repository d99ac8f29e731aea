import type { Failure } from './answer.js'
import type { Clock, Log } from './dependencies.js'
import type { Target } from './delivery.js'
import type { Pacer } from './pacer.js'
import { nextStep, waitBefore, type Next } from './retry-policy.js'

export interface SendOptions<Success extends { ok: true }> {
  /** Base URLs in order of preference: the primary domain, then its backup. */
  bases: [URL, ...URL[]]
  sdkAppId: number
  identifier: string
  /** Gives the UserSig for a try; `fresh` when Tencent refused the last one as expired. */
  userSig: (fresh: boolean) => string
  /** False when the UserSig was given ready-made and cannot be renewed. */
  canSign: boolean
  /** One try: the same request every time, to `target`, ended within `timeoutMs`. */
  attempt: (target: Target, timeoutMs: number) => Promise<Success | Failure>
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

export interface SendResult<Success extends { ok: true } = { ok: true; msgSeq: number }> {
  delivery: Success | Failure
  tries: number
  /** The host of the last try. */
  host: string
  /** Why it stopped trying, when it failed. */
  gaveUp: string | undefined
}

/**
 * Time a whole send may take: every try at its full timeout, plus a minute of waiting. The step
 * always ends in bounded time, whatever Tencent answers.
 */
export function overallBudgetMs(retries: number, timeoutSeconds: number): number {
  return (retries + 1) * timeoutSeconds * 1000 + 60_000
}

/**
 * Makes a request, retrying what can be retried. Every try of a message carries the same body,
 * with the same body Random: if a try's answer was lost, Tencent discards the next one as a
 * repeat, so a retry can never become a second message. Only the query `random` (and a renewed
 * UserSig) change. Each try ends within `timeoutSeconds`, and no wait starts that the deadline
 * cannot hold.
 */
export async function send<Success extends { ok: true }>(
  options: SendOptions<Success>
): Promise<SendResult<Success>> {
  const { clock, log, pacer } = options
  const deadline =
    options.deadline ?? clock.now() + overallBudgetMs(options.retries, options.timeoutSeconds)
  const latestStart = deadline - MIN_TRY_MS
  let base = 0
  let userSig = options.userSig(false)
  let tries = 0
  let retriesUsed = 0
  let garbled = false
  let last: SendResult<Success> | undefined
  const outOfTime = (): SendResult<Success> =>
    last === undefined
      ? {
          delivery: {
            ok: false,
            reason: 'out-of-time',
            info: 'no try could start before the end of the time budget of this step'
          },
          tries,
          host: (options.bases[base] ?? options.bases[0]).host,
          gaveUp: undefined
        }
      : { ...last, gaveUp: 'the time budget of this step ran out' }
  for (;;) {
    const target = options.bases[base] ?? options.bases[0]
    // No try starts that could not have its second before the deadline.
    const started = pacer ? await pacer.slot(latestStart) : clock.now() <= latestStart
    if (!started) return outOfTime()
    tries++
    const startedAt = clock.now()
    const timeoutMs = Math.min(options.timeoutSeconds * 1000, deadline - startedAt)
    const delivery = await options.attempt(
      { base: target, sdkAppId: options.sdkAppId, identifier: options.identifier, userSig },
      timeoutMs
    )
    const result = (gaveUp: string | undefined): SendResult<Success> => ({
      delivery,
      tries,
      host: target.host,
      gaveUp
    })
    if (delivery.ok) {
      pacer?.accepted()
      return result(undefined)
    }
    last = result(undefined)

    const backup = options.bases[base + 1]
    let next = nextStep(delivery, { canSign: options.canSign, canFailOver: backup !== undefined })
    if (next === 'stop') return last
    if (next === 'retry-once') {
      if (garbled) return result('a second answer contradicted itself too')
      garbled = true
      next = 'retry'
    }
    // Frequency-limit refusals were not processed: waiting them out uses up no retry. A message
    // a live room dropped is that room's own limit: only its own retry waits.
    const usesRetry = next !== 'rate-limited'
    if (!usesRetry && delivery.reason !== 'dropped') pacer?.refused(startedAt)
    if (usesRetry && retriesUsed === options.retries) {
      return result(
        options.retries === 0
          ? '`retries` is 0'
          : options.retries === 1
            ? 'its one retry was used'
            : `all ${options.retries} retries were used`
      )
    }
    const wait = waitBefore(next, usesRetry ? retriesUsed++ : retriesUsed, () => clock.random())
    if (clock.now() + wait > latestStart) return outOfTime()
    const seconds = (wait / 1000).toFixed(1)
    let plan = `${describe(next)} in ${seconds} s`
    if (next === 'network' && backup) {
      base++
      plan = `falling over to the backup domain ${backup.host} in ${seconds} s`
    }
    if (next === 'new-usersig') userSig = options.userSig(true)
    log.info(`Try ${tries} failed (${delivery.info}); ${plan}.`)
    await clock.sleep(wait)
  }
}
function describe(next: Next): string {
  switch (next) {
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
