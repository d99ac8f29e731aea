import { describe, expect, it } from 'vitest'
import { inFlight } from '../src/deliver/fan-out/in-flight.js'

/** A task that finishes when the test says so. */
function gate() {
  let open!: () => void
  const opened = new Promise<void>((resolve) => (open = resolve))
  return { open, opened }
}

describe('inFlight', () => {
  it('gives the results in the order of the items, however the work finishes', async () => {
    const delays = [30, 0, 10, 20, 5]
    const results = await inFlight(delays, 3, async (ms) => {
      await new Promise((resolve) => setTimeout(resolve, ms))
      return `done after ${ms}`
    })
    expect(results).toEqual(delays.map((ms) => `done after ${ms}`))
  })

  it('never has more than `limit` items in flight, and keeps that many busy', async () => {
    const gates = Array.from({ length: 7 }, gate)
    let busy = 0
    const seen: number[] = []
    const running = inFlight(gates, 3, async (g) => {
      busy++
      seen.push(busy)
      await g.opened
      busy--
    })
    await Promise.resolve()
    expect(busy).toBe(3)
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
      await inFlight(['only'], 8, (item) => {
        calls++
        return Promise.resolve(item.toUpperCase())
      })
    ).toEqual(['ONLY'])
    expect(calls).toBe(1)
  })

  it('has nothing to do for no items', async () => {
    expect(await inFlight([], 8, () => Promise.reject(new Error('not called')))).toEqual([])
  })
})
