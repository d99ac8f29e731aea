import { describe, expect, it } from 'vitest'
import { pacer } from '../src/pacer.js'
import { jumpingClock } from './helpers/run.js'

/** When each of `count` slots, taken one after another, started (ms after the first). */
async function starts(take: () => Promise<void>, now: () => number, count: number) {
  const first = now()
  const times: number[] = []
  for (let i = 0; i < count; i++) {
    await take()
    times.push(now() - first)
  }
  return times
}

describe('pacer', () => {
  it('starts the first request at once, then one every 1/perSecond seconds', async () => {
    const clock = jumpingClock()
    const pace = pacer(clock, 160)
    expect(await starts(pace.slot, clock.now, 5)).toEqual([0, 6.25, 12.5, 18.75, 25])
  })

  it('keeps 160 a second over a whole second, whoever asks', async () => {
    const clock = jumpingClock()
    const pace = pacer(clock, 160)
    const times = await starts(pace.slot, clock.now, 161)
    expect(times.filter((t) => t < 1000)).toHaveLength(160)
  })

  it('gives requests that ask at the same moment successive slots', async () => {
    // A clock standing still: all four ask at the same instant.
    const slept: number[] = []
    const still = {
      now: () => 0,
      sleep: (ms: number) => {
        slept.push(ms)
        return Promise.resolve()
      },
      random: () => 0
    }
    const pace = pacer(still, 4)
    await Promise.all([pace.slot(), pace.slot(), pace.slot(), pace.slot()])
    expect(slept).toEqual([250, 500, 750])
  })

  it('does not wait when the caller is already late for its slot', async () => {
    const clock = jumpingClock()
    const pace = pacer(clock, 10)
    await pace.slot()
    await clock.sleep(500)
    await pace.slot()
    expect(clock.slept).toEqual([500])
  })

  it('after a frequency limit: a one-second pause, then half the pace', async () => {
    const clock = jumpingClock()
    const pace = pacer(clock, 160)
    await pace.slot()
    pace.slowDown()
    const times = await starts(pace.slot, clock.now, 3)
    expect(times).toEqual([1000, 1012.5, 1025])
  })

  it('halves again at each limit, down to the floor of 10 a second', async () => {
    const clock = jumpingClock()
    const pace = pacer(clock, 160)
    for (let i = 0; i < 6; i++) pace.slowDown()
    const times = await starts(pace.slot, clock.now, 3)
    expect(times).toEqual([1000, 1100, 1200])
  })
})
