import type { Failure } from './answer.js'
import type { Clock, Log } from './dependencies.js'
import type { Target } from './delivery.js'
import { nextStep, waitBefore, type Next } from './retry-policy.js'

/** Pacing shared by every request of a fan-out, so that together they keep under a limit. */
export interface Pacer {
  /** Resolves when the next request may start. */
  slot: () => Promise<void>
  /** A request met a frequency limit: every request slows down. */
  slowDown: () => void
}

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
  let base = 0
  let userSig = options.userSig(false)
  let tries = 0
  let retriesUsed = 0
  let garbled = false
  for (;;) {
    tries++
    const target = options.bases[base] ?? options.bases[0]
    await pacer?.slot()
    const timeoutMs = Math.max(
      1000,
      Math.min(options.timeoutSeconds * 1000, deadline - clock.now())
    )
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
    if (delivery.ok) return result(undefined)

    const backup = options.bases[base + 1]
    let next = nextStep(delivery, { canSign: options.canSign, canFailOver: backup !== undefined })
    if (next === 'stop') return result(undefined)
    if (next === 'retry-once') {
      if (garbled) return result('a second answer contradicted itself too')
      garbled = true
      next = 'retry'
    }
    // Frequency-limit refusals were not processed: waiting them out uses up no retry.
    const counted = next !== 'rate-limited'
    if (!counted) pacer?.slowDown()
    if (counted && retriesUsed === options.retries) {
      return result(
        options.retries === 0
          ? '`retries` is 0'
          : options.retries === 1
            ? 'its one retry was used'
            : `all ${options.retries} retries were used`
      )
    }
    const wait = waitBefore(next, counted ? retriesUsed++ : retriesUsed, () => clock.random())
    if (clock.now() + wait + 1000 > deadline) {
      return result('the time budget of this step ran out')
    }
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
