import type { Clock } from '../../dependencies.js'

/**
 * Pacing shared by every request of a fan-out (or of a listing), so that together they keep under
 * a limit that is the app's, not one request's.
 */
export interface Pacer {
  /**
   * Resolves `true` when the next request may start, or `false` when none can start by
   * `latestStart` (ms since the epoch): the caller then makes no request.
   */
  slot: (latestStart: number) => Promise<boolean>
  /**
   * A request that started at `startedAt` met the app's frequency limit. `key` names what it was
   * for (a group): a key that is refused again slows nobody but itself.
   */
  refused: (startedAt: number, key?: string) => void
  /** A request went through. */
  accepted: () => void
}

/** How long every request pauses after a frequency limit: Tencent counts calls per second. */
const PAUSE_MS = 1000

/**
 * Starts requests at most `perSecond` a second, and never more than `perSecond` in any second
 * of the clock: each start is due 1/rate seconds after the one before. A timer that fires late
 * (by less than that) does not push the next start back: it is due from when the last was due,
 * not from when it began; the window of the last `perSecond` starts keeps such a catch-up within
 * the rate. Time left idle is no credit. The rate adapts as TCP's window does:
 * - multiplicative decrease: a frequency limit halves it (not below `floorPerSecond`) and pauses
 *   every request for a second; refusals of requests that started before that decrease are the
 *   same burst and count once, and a key refused a second time (one room that keeps refusing)
 *   does not count at all;
 * - additive increase: each request that goes through raises it by `perSecond / 2 / rate`, about
 *   `perSecond / 2` a second, so the pace is whole again some two seconds after a burst ends.
 */
export function pacer(clock: Clock, perSecond: number, floorPerSecond = perSecond / 16): Pacer {
  let rate = perSecond
  let nextStart = -Infinity
  let lastDecrease = -Infinity
  const refusedKeys = new Set<string>()
  // When the last `perSecond` requests started, the oldest first.
  const recent: number[] = []
  const most = Math.floor(perSecond)
  const waiting: { latestStart: number; resolve: (granted: boolean) => void }[] = []
  let pumping = false

  // One loop hands out the slots, first come first served, on one timer at a time.
  const pump = async (): Promise<void> => {
    if (pumping) return
    pumping = true
    // The start the loop last waited for: a timer late for it does not delay the next.
    let awaited: number | undefined
    for (let head = waiting[0]; head !== undefined; head = waiting[0]) {
      const now = clock.now()
      const windowOpens = recent.length === most ? (recent[0] ?? 0) + 1000 : -Infinity
      let due = Math.max(nextStart, windowOpens)
      if (due < now && due !== awaited) due = now
      if (due > head.latestStart) {
        waiting.shift()
        head.resolve(false)
      } else if (due > now) {
        awaited = due
        await clock.sleep(due - now)
      } else {
        waiting.shift()
        recent.push(now)
        if (recent.length > most) recent.shift()
        nextStart = due + 1000 / rate
        head.resolve(true)
      }
    }
    pumping = false
  }

  return {
    slot: (latestStart) =>
      new Promise((resolve) => {
        waiting.push({ latestStart, resolve })
        void pump()
      }),
    refused(startedAt, key) {
      if (key !== undefined) {
        // A room refused before is full, not the app: it slows nobody but itself.
        if (refusedKeys.has(key)) return
        refusedKeys.add(key)
      }
      if (startedAt <= lastDecrease) return
      const now = clock.now()
      lastDecrease = now
      rate = Math.max(floorPerSecond, rate / 2)
      nextStart = Math.max(nextStart, now + PAUSE_MS)
    },
    accepted() {
      rate = Math.min(perSecond, rate + perSecond / 2 / rate)
    }
  }
}
