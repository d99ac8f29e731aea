import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { pacer, type Pacer } from '../src/deliver/fan-out/pacer.js'
import { jumpingClock } from './helpers/run.js'

/** When each of `count` slots, taken one after another, started (ms after the first). */
async function starts(pace: Pacer, now: () => number, count: number) {
  const first = now()
  const times: number[] = []
  for (let i = 0; i < count; i++) {
    expect(await pace.slot(Infinity)).toBe(true)
    times.push(now() - first)
  }
  return times
}

describe('pacer', () => {
  it('starts the first request at once, then one every 1/perSecond seconds', async () => {
    const clock = jumpingClock()
    const pace = pacer(clock, 160)
    expect(await starts(pace, clock.now, 5)).toEqual([0, 6.25, 12.5, 18.75, 25])
  })

  it('keeps 160 a second over a whole second, whoever asks', async () => {
    const clock = jumpingClock()
    const pace = pacer(clock, 160)
    const times = await starts(pace, clock.now, 161)
    expect(times.filter((t) => t < 1000)).toHaveLength(160)
  })

  it('gives requests that ask at the same moment successive slots, in their order', async () => {
    // A clock whose time moves when a wait ends, as a real one does: each caller sees its slot.
    let now = 0
    const clock = {
      now: () => now,
      sleep: (ms: number) =>
        Promise.resolve().then(() => {
          now += ms
        }),
      random: () => 0
    }
    const start = clock.now()
    const pace = pacer(clock, 4)
    const order: number[] = []
    const times = await Promise.all(
      [0, 1, 2, 3].map(async (i) => {
        await pace.slot(Infinity)
        order.push(i)
        return clock.now() - start
      })
    )
    expect(times).toEqual([0, 250, 500, 750])
    expect(order).toEqual([0, 1, 2, 3])
  })

  it('does not wait when the caller is already late for its slot', async () => {
    const clock = jumpingClock()
    const pace = pacer(clock, 10)
    await pace.slot(Infinity)
    await clock.sleep(500)
    await pace.slot(Infinity)
    expect(clock.slept).toEqual([500])
  })

  it('starts no request it could only start after `latestStart`, and waits for none', async () => {
    const clock = jumpingClock()
    const pace = pacer(clock, 10)
    const now = clock.now()
    expect(await pace.slot(now)).toBe(true)
    // The next slot is 100 ms away: too late for a caller who must start within 50 ms.
    expect(await pace.slot(now + 50)).toBe(false)
    expect(clock.slept).toEqual([])
    expect(await pace.slot(now + 100)).toBe(true)
    expect(clock.slept).toEqual([100])
  })

  it('after a frequency limit: a one-second pause, then half the pace', async () => {
    const clock = jumpingClock()
    const pace = pacer(clock, 160)
    await pace.slot(Infinity)
    pace.refused(clock.now())
    expect(await starts(pace, clock.now, 3)).toEqual([1000, 1012.5, 1025])
  })

  it('halves at each limit of a request started since the last, down to a floor of 1/16', async () => {
    const clock = jumpingClock()
    const pace = pacer(clock, 160)
    for (let i = 0; i < 6; i++) {
      await pace.slot(Infinity)
      pace.refused(clock.now())
    }
    const [first = 0, second = 0] = await starts(pace, clock.now, 2)
    expect(second - first).toBe(100) // 10 a second
  })

  it('counts a burst once: refusals of requests started before the slow-down are the same', async () => {
    const clock = jumpingClock()
    const pace = pacer(clock, 160)
    const before = clock.now()
    await pace.slot(Infinity)
    for (let i = 0; i < 32; i++) pace.refused(before)
    expect(await starts(pace, clock.now, 2)).toEqual([1000, 1012.5])
  })

  it('lets a room that keeps refusing slow only itself', async () => {
    const clock = jumpingClock()
    const pace = pacer(clock, 160)
    await pace.slot(Infinity)
    const first = clock.now()
    // Its first refusal is a frequency limit like any other: a pause, then half the pace.
    pace.refused(first, 'stubborn-room')
    const times: number[] = []
    for (let i = 0; i < 6; i++) {
      await pace.slot(Infinity)
      times.push(clock.now() - first)
      // Its later refusals, however recent, slow nobody: the room is full, not the app.
      pace.refused(clock.now(), 'stubborn-room')
    }
    expect(times).toEqual([1000, 1012.5, 1025, 1037.5, 1050, 1062.5])
    // Another room's first refusal still counts.
    pace.refused(clock.now(), 'other-room')
    const [next = 0] = await starts(pace, clock.now, 1)
    expect(next).toBe(1000)
  })

  it('recovers its whole pace about two seconds after a burst, one success at a time', async () => {
    const clock = jumpingClock()
    const pace = pacer(clock, 160)
    for (let i = 0; i < 6; i++) {
      await pace.slot(Infinity)
      pace.refused(clock.now())
    }
    const recovering = clock.now()
    let whole = 0
    for (let i = 0; i < 1000 && whole === 0; i++) {
      const before = clock.now()
      await pace.slot(Infinity)
      pace.accepted()
      if (clock.now() - before === 6.25) whole = clock.now() - recovering
    }
    // From 10 a second (after the pause) back to 160 a second.
    expect(whole).toBeGreaterThan(1000 + 1500)
    expect(whole).toBeLessThan(1000 + 2500)
  })

  it('keeps its rate in any second when timers fire late, and keeps to its schedule', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 50 }),
        async (lateness) => {
          // A timer fires when it may: up to 6 ms after it was due, as on a busy runner (just
          // under one interval at 160 a second).
          let now = 0
          let timers = 0
          const clock = {
            now: () => now,
            sleep: (ms: number) => {
              now += ms + (lateness[timers++ % lateness.length] ?? 0)
              return Promise.resolve()
            },
            random: () => 0.5
          }
          const pace = pacer(clock, 160)
          const started: number[] = []
          for (let i = 0; i <= 480; i++) {
            await pace.slot(Infinity)
            started.push(now)
          }
          for (let i = 160; i < started.length; i++) {
            expect((started[i] ?? 0) - (started[i - 160] ?? 0)).toBeGreaterThanOrEqual(1000)
          }
          // Late timers do not push the schedule back: 480 intervals take three seconds, and
          // at most one timer's lateness for each second the window had to wait.
          expect(started[480]).toBeLessThanOrEqual(3000 + 3 * 6)
        }
      ),
      { numRuns: 100 }
    )
  })

  it('never starts more than its rate in any second, whatever is refused or accepted', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            // What became of the request: accepted, refused (of a room, or of none), nothing.
            outcome: fc.constantFrom('accepted', 'refused', 'refused-room', 'none'),
            room: fc.integer({ min: 0, max: 5 }),
            // How long it ran before its answer, and whether the caller asks at once again.
            tookMs: fc.integer({ min: 0, max: 1500 })
          }),
          { minLength: 1, maxLength: 400 }
        ),
        async (requests) => {
          const clock = jumpingClock()
          const pace = pacer(clock, 160)
          const started: number[] = []
          // Eight callers in flight, as a fan-out has, each taking the next request.
          let next = 0
          const caller = async () => {
            while (next < requests.length) {
              const request = requests[next++]
              if (request === undefined) return
              await pace.slot(Infinity)
              const at = clock.now()
              started.push(at)
              await clock.sleep(request.tookMs)
              if (request.outcome === 'accepted') pace.accepted()
              if (request.outcome === 'refused') pace.refused(at)
              if (request.outcome === 'refused-room') pace.refused(at, `room-${request.room}`)
            }
          }
          await Promise.all(Array.from({ length: 8 }, caller))
          started.sort((a, b) => a - b)
          for (let i = 160; i < started.length; i++) {
            expect((started[i] ?? 0) - (started[i - 160] ?? 0)).toBeGreaterThanOrEqual(1000)
          }
        }
      ),
      { numRuns: 200 }
    )
  })
})
