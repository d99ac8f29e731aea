import { describe, expect, it } from 'vitest'
import type { Failure, ListedGroup } from '../src/deliver/answers.js'
import {
  discoverLiveRooms,
  MAX_LIST_PAGES,
  MAX_LIVE_ROOMS
} from '../src/deliver/fan-out/live-rooms.js'
import type { PageResult } from '../src/deliver/requests.js'
import type { Pacer } from '../src/deliver/fan-out/pacer.js'
import { jumpingClock } from './helpers/run.js'

const ids = (...names: string[]): ListedGroup[] => names.map((id) => ({ id }))

const page = (groups: ListedGroup[], next: string, tries = 1): PageResult => ({
  answer: { ok: true, page: { groups, next } },
  tries,
  host: 'console.tim.qq.com',
  gaveUp: undefined
})

/**
 * A list that answers `pages` in turn, as a send would: each of a page's tries takes a slot of the
 * pacer it is given first. It records the cursor and deadline of each page and when each try
 * started.
 */
function lister(pages: PageResult[], now: () => number) {
  const calls: { next: string; deadline: number }[] = []
  const tries: number[] = []
  return {
    calls,
    tries,
    listPage: async (next: string, pacer: Pacer, deadline: number) => {
      calls.push({ next, deadline })
      const answer = pages.shift()
      if (!answer) throw new Error('asked once too often')
      for (let i = 0; i < answer.tries; i++) {
        await pacer.slot(Infinity)
        tries.push(now())
      }
      return answer
    }
  }
}

describe('discoverLiveRooms', () => {
  it('follows Next from 0 until it is 0 again, passing each cursor back as it came', async () => {
    const clock = jumpingClock()
    const list = lister(
      [
        page(ids('a', 'b'), '1152921504606847049'),
        page(ids('c'), '1152921504606847119', 2),
        page(ids('d'), '0')
      ],
      clock.now
    )
    expect(await discoverLiveRooms(list.listPage, clock, 0)).toEqual({
      ok: true,
      groups: ids('a', 'b', 'c', 'd'),
      calls: 3,
      tries: 4
    })
    expect(list.calls.map((c) => c.next)).toEqual([
      '0',
      '1152921504606847049',
      '1152921504606847119'
    ])
  })

  it('spaces every try of every page a second apart: Tencent allows no more', async () => {
    const clock = jumpingClock()
    const start = clock.now()
    const list = lister([page(ids('a'), '7'), page(ids('b'), '14', 3), page([], '0')], clock.now)
    await discoverLiveRooms(list.listPage, clock, 0)
    // The second page's retries count too: the third page does not follow its last try at once.
    expect(list.tries.map((at) => at - start)).toEqual([0, 1000, 2000, 3000, 4000])
  })

  it('gives each page the deadline plus a second for each page so far', async () => {
    const clock = jumpingClock()
    const list = lister([page(ids('a'), '7'), page(ids('b'), '0')], clock.now)
    await discoverLiveRooms(list.listPage, clock, 50_000)
    expect(list.calls.map((c) => c.deadline)).toEqual([51_000, 52_000])
  })

  it('keeps a group listed twice once', async () => {
    const clock = jumpingClock()
    const list = lister([page(ids('a', 'b'), '7'), page(ids('b', 'c', 'a'), '0')], clock.now)
    const found = await discoverLiveRooms(list.listPage, clock, 0)
    expect(found.ok && found.groups).toEqual(ids('a', 'b', 'c'))
  })

  it('keeps an entry it cannot send to, beside the groups, as Tencent listed it', async () => {
    const clock = jumpingClock()
    const odd: ListedGroup = { unsendable: '123', why: 'not text' }
    const empty: ListedGroup = { unsendable: '""', why: 'empty' }
    // Each odd entry once, and none mistaken for a group whose ID reads the same.
    const list = lister([page([...ids('a'), odd, empty, odd, ...ids('123')], '0')], clock.now)
    const found = await discoverLiveRooms(list.listPage, clock, 0)
    expect(found.ok && found.groups).toEqual([...ids('a'), odd, empty, ...ids('123')])
  })

  it('an app without live rooms: an empty list, after one call', async () => {
    const clock = jumpingClock()
    const list = lister([page([], '0')], clock.now)
    expect(await discoverLiveRooms(list.listPage, clock, 0)).toEqual({
      ok: true,
      groups: [],
      calls: 1,
      tries: 1
    })
  })

  it('stops at a cursor that comes back, instead of listing forever', async () => {
    const clock = jumpingClock()
    const list = lister([page(ids('a'), '7'), page(ids('b'), '14'), page(ids('a'), '7')], clock.now)
    expect(await discoverLiveRooms(list.listPage, clock, 0)).toEqual({
      ok: false,
      failure: {
        ok: false,
        reason: 'garbled',
        info: 'the list of groups came back to the cursor 7'
      },
      gaveUp: undefined,
      calls: 3,
      tries: 3,
      pageTries: 0
    })
  })

  it(`stops a list whose cursor never comes back after ${MAX_LIST_PAGES} pages`, async () => {
    const clock = jumpingClock()
    const pages = Array.from({ length: MAX_LIST_PAGES + 5 }, (_, i) =>
      page(ids(`room-${i}`), String(1000 + i))
    )
    const list = lister(pages, clock.now)
    expect(await discoverLiveRooms(list.listPage, clock, 0)).toMatchObject({
      ok: false,
      failure: {
        reason: 'limit',
        info: `the list of live rooms did not end within ${MAX_LIST_PAGES} pages`
      },
      calls: MAX_LIST_PAGES
    })
  })

  it(`stops at more than ${MAX_LIVE_ROOMS} live rooms: more than it announces to`, async () => {
    const clock = jumpingClock()
    const many = Array.from({ length: 10_000 }, (_, i) => `room-${i}`)
    const pages = Array.from({ length: 11 }, (_, p) =>
      page(
        many.map((id) => ({ id: `${p}-${id}` })),
        String(p + 1)
      )
    )
    const list = lister(pages, clock.now)
    expect(await discoverLiveRooms(list.listPage, clock, 0)).toMatchObject({
      ok: false,
      failure: {
        reason: 'limit',
        info: 'the app has more than 100,000 live rooms, more than the action announces to one by one'
      },
      calls: 11
    })
  })

  it('a page that fails ends the listing with its failure, its own tries and why it gave up', async () => {
    const clock = jumpingClock()
    const refused: Failure = { ok: false, reason: 'tencent', code: 60007, info: 'too often' }
    const list = lister(
      [
        page(ids('a'), '7', 2),
        {
          answer: refused,
          tries: 3,
          host: 'console.tim.qq.com',
          gaveUp: 'all 2 retries were used'
        }
      ],
      clock.now
    )
    expect(await discoverLiveRooms(list.listPage, clock, 0)).toEqual({
      ok: false,
      failure: refused,
      gaveUp: 'all 2 retries were used',
      calls: 2,
      tries: 5,
      pageTries: 3
    })
  })
})
