import type { Clock } from './dependencies.js'
import type { Pacer } from './send.js'

/**
 * Spaces the start of every request of a fan-out so that together they stay at or under
 * `perSecond`. When one of them meets a frequency limit, all of them pause for a second and go
 * on at half the pace (down to a floor): the limit is the app's, shared by every request.
 */
export function pacer(clock: Clock, perSecond: number, floorPerSecond = 10): Pacer {
  let interval = 1000 / perSecond
  let nextStart = 0
  return {
    async slot() {
      const now = clock.now()
      const at = Math.max(now, nextStart)
      nextStart = at + interval
      if (at > now) await clock.sleep(at - now)
    },
    slowDown() {
      interval = Math.min(interval * 2, 1000 / floorPerSecond)
      nextStart = Math.max(nextStart, clock.now() + 1000)
    }
  }
}
