import type { Failure } from './answers.js'
import { describeError } from './tencent-errors.js'

/**
 * What to do after a failed try:
 * - `stop`: only a person can fix it; trying again changes nothing.
 * - `retry`: transient; back off exponentially, with jitter.
 * - `rate-limited`: Tencent refused the call unprocessed for its frequency limit; wait at least a
 *   second. These tries do not use up `retries`: with many jobs sharing a 1 call/s limit some must
 *   wait several rounds, and each refused call is harmless.
 * - `network`: the request may not have arrived; retry, on the backup domain when there is one.
 * - `new-usersig`: sign a fresh UserSig, then retry.
 * - `after-60s`: Tencent locks the app for a minute after failed signature checks.
 * - `retry-once`: an answer that contradicts itself may be a garbled one; a second is not.
 */
export type RetryStep =
  'stop' | 'retry' | 'retry-once' | 'rate-limited' | 'network' | 'new-usersig' | 'after-60s'

/**
 * `canSign`: the UserSig can be signed again (the key was given). `canFailOver`: a backup domain
 * is left to try, so a name that does not resolve may be the primary's problem alone.
 */
export function nextStep(
  failure: Failure,
  { canSign, canFailOver }: { canSign: boolean; canFailOver: boolean }
): RetryStep {
  switch (failure.reason) {
    case 'network':
      return 'network'
    case 'unreachable':
      return failure.kind === 'dns' && canFailOver ? 'network' : 'stop'
    case 'malformed':
      return 'retry'
    case 'garbled':
      return 'retry-once'
    case 'dropped':
      return 'rate-limited'
    case 'redirect':
    case 'out-of-time':
    case 'unsendable':
    case 'limit':
      return 'stop'
    case 'http':
      if (failure.status === 429) return 'rate-limited'
      return failure.status >= 500 ? 'retry' : 'stop'
    case 'tencent': {
      const { retry } = describeError(failure.code)
      if (retry === 'rate-limited') return 'rate-limited'
      if (retry === 'yes') return 'retry'
      if (retry === 'new-usersig') return canSign ? 'new-usersig' : 'stop'
      if (retry === 'after-60s') return 'after-60s'
      return 'stop'
    }
  }
}

/** Tencent's documented limit is per second: a rate-limited call is never retried sooner. */
const RATE_LIMIT_WAIT_MS = 1000
/**
 * Spread of the wait after a rate limit. Small on purpose: a refused call costs nothing, and
 * every job that waits much longer than the slot it needs leaves slots unused (see the
 * benchmark); large enough that jobs refused together do not come back together.
 */
const RATE_LIMIT_JITTER_MS = 300
const LOCKOUT_WAIT_MS = 60_000
const BACKOFF_BASE_MS = 500
const BACKOFF_CAP_MS = 8000

/**
 * How long to wait before the next try. `retry` is the number of retries made so far (0 for the
 * first); `random` returns a number in [0, 1).
 */
export function waitBefore(step: RetryStep, retry: number, random: () => number): number {
  switch (step) {
    case 'rate-limited':
      return RATE_LIMIT_WAIT_MS + Math.floor(random() * RATE_LIMIT_JITTER_MS)
    case 'after-60s':
      return LOCKOUT_WAIT_MS + Math.floor(random() * 1000)
    case 'stop':
      return 0
    default: {
      // Exponential backoff with full jitter, at least a tenth of the ceiling.
      const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** retry)
      return Math.floor(ceiling * (0.1 + 0.9 * random()))
    }
  }
}
