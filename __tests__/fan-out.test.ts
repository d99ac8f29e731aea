import { describe, expect, it } from 'vitest'
import { fanOut } from '../src/fan-out.js'

/** A task that finishes when the test says so. */
function gate() {
  let open!: () => void
  const opened = new Promise<void>((resolve) => (open = resolve))
  return { open, opened }
}

describe('fanOut', () => {
  it('gives the results in the order of the items, however the work finishes', async () => {
    const delays = [30, 0, 10, 20, 5]
    const results = await fanOut(delays, 3, async (ms) => {
      await new Promise((resolve) => setTimeout(resolve, ms))
      return `done after ${ms}`
    })
    expect(results).toEqual(delays.map((ms) => `done after ${ms}`))
  })

  it('never has more than `limit` items in flight, and keeps that many busy', async () => {
    const gates = Array.from({ length: 7 }, gate)
    let inFlight = 0
    const seen: number[] = []
    const running = fanOut(gates, 3, async (g) => {
      inFlight++
      seen.push(inFlight)
      await g.opened
      inFlight--
    })
    await Promise.resolve()
    expect(inFlight).toBe(3)
    for (const g of gates) {
      g.open()
      await new Promise((resolve) => setTimeout(resolve, 0))
    }
    await running
    expect(Math.max(...seen)).toBe(3)
    expect(seen).toHaveLength(7)
  })

  it('starts only as many workers as there are items', async () => {
    let calls = 0
    expect(
      await fanOut(['only'], 8, (item) => {
        calls++
        return Promise.resolve(item.toUpperCase())
      })
    ).toEqual(['ONLY'])
    expect(calls).toBe(1)
  })

  it('has nothing to do for no items', async () => {
    expect(await fanOut([], 8, () => Promise.reject(new Error('not called')))).toEqual([])
  })
})
