import type { Clock } from './dependencies.js'
import type { Delivery } from './answer.js'
import { sendOnce, type TryContext } from './delivery.js'
import type { BroadcastBody } from './message.js'
import { nextStep, waitBefore, type Next } from './retry-policy.js'

interface SendOptions extends TryContext {
  /** Base URLs in order of preference: the primary domain, then its backup. */
  bases: [URL, ...URL[]]
  sdkAppId: number
  identifier: string
  /** Gives the UserSig for a try; called again when Tencent asks for a fresh one. */
  userSig: () => string
  /** False when the UserSig was given ready-made and cannot be renewed. */
  canSign: boolean
  body: BroadcastBody
  timeoutSeconds: number
  /** Retries after failures other than the frequency limit. */
  retries: number
  clock: Clock
}

export interface SendResult {
  delivery: Delivery
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
 * Sends the broadcast, retrying what can be retried. Every try carries the same body, with the
 * same body Random: if a try's answer was lost, Tencent discards the next one as a repeat, so a
 * retry can never become a second message. Only the query `random` (and a renewed UserSig) change.
 * Each try ends within `timeoutSeconds`, and no wait starts that the budget cannot hold.
 */
export async function send(options: SendOptions): Promise<SendResult> {
  const { clock, log } = options
  const deadline = clock.now() + overallBudgetMs(options.retries, options.timeoutSeconds)
  let base = 0
  let userSig = options.userSig()
  let tries = 0
  let retriesUsed = 0
  let garbled = false
  for (;;) {
    tries++
    const target = options.bases[base] ?? options.bases[0]
    const timeoutMs = Math.max(
      1000,
      Math.min(options.timeoutSeconds * 1000, deadline - clock.now())
    )
    const delivery = await sendOnce(
      { base: target, sdkAppId: options.sdkAppId, identifier: options.identifier, userSig },
      options.body,
      timeoutMs,
      options
    )
    const result = (gaveUp: string | undefined): SendResult => ({
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
    if (counted && retriesUsed === options.retries) {
      return result(
        options.retries === 0 ? '`retries` is 0' : `all ${options.retries} retries were used`
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
    if (next === 'new-usersig') userSig = options.userSig()
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
