import { describe, expect, it } from 'vitest'
import type { Failure } from '../src/answer.js'
import { discoverLiveRooms, type PageResult } from '../src/discovery.js'
import { jumpingClock } from './helpers/run.js'

const page = (groupIds: string[], next: string, tries = 1): PageResult => ({
  delivery: { ok: true, page: { groupIds, next } },
  tries,
  host: 'console.tim.qq.com',
  gaveUp: undefined
})

/** A list that answers `pages` in turn, recording the cursor of each call and when it was made. */
function lister(pages: PageResult[], now: () => number) {
  const calls: { next: string; at: number }[] = []
  return {
    calls,
    listPage: (next: string) => {
      calls.push({ next, at: now() })
      const answer = pages.shift()
      return answer ? Promise.resolve(answer) : Promise.reject(new Error('asked once too often'))
    }
  }
}

describe('discoverLiveRooms', () => {
  it('follows Next from 0 until it is 0 again, passing each cursor back as it came', async () => {
    const clock = jumpingClock()
    const list = lister(
      [
        page(['a', 'b'], '1152921504606847049'),
        page(['c'], '1152921504606847119', 2),
        page(['d'], '0')
      ],
      clock.now
    )
    expect(await discoverLiveRooms(list.listPage, clock)).toEqual({
      ok: true,
      groupIds: ['a', 'b', 'c', 'd'],
      calls: 3,
      tries: 4
    })
    expect(list.calls.map((c) => c.next)).toEqual([
      '0',
      '1152921504606847049',
      '1152921504606847119'
    ])
  })

  it('makes one call a second at most: Tencent allows no more', async () => {
    const clock = jumpingClock()
    const list = lister([page(['a'], '7'), page(['b'], '14'), page(['c'], '0')], clock.now)
    await discoverLiveRooms(list.listPage, clock)
    const [first, ...rest] = list.calls.map((c) => c.at)
    expect(rest.map((at) => at - (first ?? 0))).toEqual([1000, 2000])
  })

  it.each([1000, 1500])('does not wait more when a page itself took %i ms', async (ms) => {
    const clock = jumpingClock()
    const list = lister([page(['a'], '7'), page(['b'], '0')], clock.now)
    const slowly = async (next: string) => {
      await clock.sleep(ms)
      return list.listPage(next)
    }
    await discoverLiveRooms(slowly, clock)
    expect(clock.slept).toEqual([ms, ms])
  })

  it('keeps a group listed twice once', async () => {
    const clock = jumpingClock()
    const list = lister([page(['a', 'b'], '7'), page(['b', 'c', 'a'], '0')], clock.now)
    const found = await discoverLiveRooms(list.listPage, clock)
    expect(found.ok && found.groupIds).toEqual(['a', 'b', 'c'])
  })

  it('an app without live rooms: an empty list, after one call', async () => {
    const clock = jumpingClock()
    const list = lister([page([], '0')], clock.now)
    expect(await discoverLiveRooms(list.listPage, clock)).toEqual({
      ok: true,
      groupIds: [],
      calls: 1,
      tries: 1
    })
  })

  it('stops at a cursor that comes back, instead of listing forever', async () => {
    const clock = jumpingClock()
    const list = lister([page(['a'], '7'), page(['b'], '14'), page(['a'], '7')], clock.now)
    expect(await discoverLiveRooms(list.listPage, clock)).toEqual({
      ok: false,
      failure: {
        ok: false,
        reason: 'garbled',
        info: 'the list of groups came back to the cursor 7'
      },
      gaveUp: undefined,
      calls: 3,
      tries: 3
    })
  })

  it('a page that fails ends the listing with its failure and why it gave up', async () => {
    const clock = jumpingClock()
    const refused: Failure = { ok: false, reason: 'tencent', code: 60007, info: 'too often' }
    const list = lister(
      [
        page(['a'], '7'),
        {
          delivery: refused,
          tries: 3,
          host: 'console.tim.qq.com',
          gaveUp: 'all 2 retries were used'
        }
      ],
      clock.now
    )
    expect(await discoverLiveRooms(list.listPage, clock)).toEqual({
      ok: false,
      failure: refused,
      gaveUp: 'all 2 retries were used',
      calls: 2,
      tries: 4
    })
  })
})
