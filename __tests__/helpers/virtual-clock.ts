// A clock of virtual time for code that waits in many places at once: every sleep is a timer, and
// once nothing else can run (the event loop reaches its check phase), time jumps to the earliest
// timer and wakes it. Unlike the jumping clock, concurrent waits overlap as they do in real time:
// 32 requests that each wait 2 s take 2 s, not 64.
import type { Clock } from '../../src/dependencies.js'

export type VirtualClock = Clock & { timers: () => number }

export function virtualClock(start = 1_795_000_000_000): VirtualClock {
  let now = start
  let order = 0
  const timers: { at: number; order: number; wake: () => void }[] = []
  let pending = false
  const advance = () => {
    pending = false
    timers.sort((a, b) => a.at - b.at || a.order - b.order)
    const next = timers.shift()
    if (next === undefined) return
    now = Math.max(now, next.at)
    next.wake()
    schedule()
  }
  const schedule = () => {
    if (pending || timers.length === 0) return
    pending = true
    setImmediate(advance)
  }
  return {
    now: () => now,
    sleep: (ms) =>
      new Promise((wake) => {
        timers.push({ at: now + Math.max(0, ms), order: order++, wake })
        schedule()
      }),
    random: () => 0.5,
    timers: () => timers.length
  }
}
