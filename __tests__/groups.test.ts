import { describe, expect, it } from 'vitest'
import { fakeCore } from '../__fixtures__/core.js'
import type { Log } from '../src/dependencies.js'
import {
  deliverToGroups,
  GROUP_CALLS_PER_SECOND,
  type GroupsOptions
} from '../src/deliver/fan-out/fan-out.js'
import type { Pacer } from '../src/deliver/fan-out/pacer.js'
import type { PageResult, Requests } from '../src/deliver/requests.js'
import type { Retried } from '../src/deliver/retries.js'
import { jumpingClock } from './helpers/run.js'

const sent = (msgSeq: number, tries = 1): Retried => ({
  answer: { ok: true, msgSeq },
  tries,
  host: 'console.tim.qq.com',
  gaveUp: undefined
})

const page = (groupIds: string[], next: string): PageResult => ({
  answer: { ok: true, page: { groups: groupIds.map((id) => ({ id })), next } },
  tries: 1,
  host: 'console.tim.qq.com',
  gaveUp: undefined
})

interface Call {
  groupId: string
  pacer: Pacer
  deadline: number
  log: Log
}

/** What a test gives: the groups, the step's deadline, and how each page and message goes. */
interface Given {
  groupIds: string[] | undefined
  deadline: number
  listPage: (cursor: string, pacer: Pacer, deadline: number) => Promise<PageResult>
  sendTo: (groupId: string, pacer: Pacer, deadline: number, log: Log) => Promise<Retried>
}

function options(overrides: Partial<Given> = {}) {
  const clock = jumpingClock()
  const core = fakeCore()
  const calls: Call[] = []
  const lists: string[] = []
  const given: Given = {
    groupIds: ['g1', 'g2'],
    deadline: clock.now() + 90_000,
    listPage: (cursor) => {
      lists.push(cursor)
      return Promise.resolve(page(['room-1', 'room-2', 'room-3'], '0'))
    },
    sendTo: async (groupId, pacer, deadline, log) => {
      calls.push({ groupId, pacer, deadline, log })
      const seq = calls.length
      await pacer.slot(Infinity)
      return sent(seq)
    },
    ...overrides
  }
  // The run's requests, as the fan-out is handed them: each group's message is its body.
  const requests: Requests = {
    deadline: given.deadline,
    clock,
    broadcast: () => Promise.reject(new Error('a fan-out broadcasts nothing')),
    sendToGroup: (body, { pacer, deadline, log = core }) =>
      given.sendTo((body as { GroupId: string }).GroupId, pacer, deadline, log),
    listGroups: (cursor, { pacer, deadline }) => given.listPage(cursor, pacer, deadline)
  }
  const all: GroupsOptions = {
    groupIds: given.groupIds,
    bodyFor: (groupId) => ({ GroupId: groupId }),
    requests,
    log: core
  }
  return { all, clock, core, calls, lists }
}

describe('deliverToGroups', () => {
  it('sends to each named group, without listing, and keeps their order', async () => {
    const { all, calls, lists } = options({ groupIds: ['b', 'a', 'c'] })
    const result = await deliverToGroups(all)
    expect(lists).toEqual([])
    expect(calls.map((c) => c.groupId)).toEqual(['b', 'a', 'c'])
    expect(result).toEqual({
      ok: true,
      results: [
        { groupId: 'b', sent: sent(1) },
        { groupId: 'a', sent: sent(2) },
        { groupId: 'c', sent: sent(3) }
      ],
      tries: 3
    })
  })

  it('lists the live rooms first when no group is named, and says how many it found', async () => {
    const { all, calls, lists, core } = options({ groupIds: undefined })
    const result = await deliverToGroups(all)
    expect(lists).toEqual(['0'])
    expect(calls.map((c) => c.groupId)).toEqual(['room-1', 'room-2', 'room-3'])
    expect(result).toMatchObject({ ok: true, tries: 4 })
    expect(core.log[0]).toBe('Found 3 live rooms in 1 call.')
  })

  it('speaks of one room and of calls in the singular and plural as they are', async () => {
    const pages = [page(['only'], '7'), page([], '0')]
    const { all, core } = options({
      groupIds: undefined,
      listPage: () => Promise.resolve(pages.shift() ?? page([], '0'))
    })
    await deliverToGroups(all)
    expect(core.log[0]).toBe('Found 1 live room in 2 calls.')
  })

  it('sends nothing when the live rooms cannot be listed, and says why', async () => {
    const { all, calls } = options({
      groupIds: undefined,
      listPage: () =>
        Promise.resolve({
          answer: { ok: false, reason: 'tencent', code: 70001, info: 'expired' },
          tries: 2,
          host: 'console.tim.qq.com',
          gaveUp: '`retries` is 0'
        })
    })
    expect(await deliverToGroups(all)).toEqual({
      ok: false,
      failure: { ok: false, reason: 'tencent', code: 70001, info: 'expired' },
      gaveUp: '`retries` is 0',
      calls: 1,
      tries: 2,
      pageTries: 2
    })
    expect(calls).toEqual([])
  })

  it('counts every try of every group, and keeps each failure with its group', async () => {
    const refused: Retried = {
      answer: { ok: false, reason: 'tencent', code: 10010, info: 'gone' },
      tries: 1,
      host: 'console.tim.qq.com',
      gaveUp: undefined
    }
    const { all } = options({
      groupIds: ['a', 'gone', 'b'],
      sendTo: (groupId) => Promise.resolve(groupId === 'gone' ? refused : sent(5, 3))
    })
    const result = await deliverToGroups(all)
    expect(result).toMatchObject({ ok: true, tries: 7 })
    expect(result.ok && result.results.map((r) => r.sent.answer.ok)).toEqual([true, false, true])
  })

  it('shares one pacer: 160 calls a second across the whole fan-out', async () => {
    const groupIds = Array.from({ length: 320 }, (_, i) => `room-${i}`)
    const { all, calls, clock } = options({ groupIds })
    const start = clock.now()
    await deliverToGroups(all)
    // One pacer for all: each group's view of it differs only in what it says of a refusal.
    expect(new Set(calls.map((c) => c.pacer.slot)).size).toBe(1)
    expect(GROUP_CALLS_PER_SECOND).toBe(160)
    // 320 calls at 160 a second: the last starts 319 slots after the first.
    expect(clock.now() - start).toBeCloseTo((319 * 1000) / 160, 6)
  })

  it('has at most 32 groups in flight at once: 160 a second at 200 ms a request', async () => {
    let inFlight = 0
    let most = 0
    const { all } = options({
      groupIds: Array.from({ length: 100 }, (_, i) => `room-${i}`),
      sendTo: async () => {
        most = Math.max(most, ++inFlight)
        await new Promise((resolve) => setTimeout(resolve, 1))
        inFlight--
        return sent(1)
      }
    })
    await deliverToGroups(all)
    expect(most).toBe(32)
  })

  it('gives every group one deadline: the step’s plus the time the pacing needs', async () => {
    const groupIds = Array.from({ length: 1000 }, (_, i) => `room-${i}`)
    const { all, calls } = options({ groupIds, deadline: 500_000 })
    await deliverToGroups(all)
    // 1,000 groups at 160 a second need 6.25 s, rounded up to the millisecond.
    expect(new Set(calls.map((c) => c.deadline))).toEqual(new Set([500_000 + 6250]))
  })

  it('adds a second for each page of the list of live rooms to that deadline', async () => {
    const pages = [page(['a'], '7'), page(['b'], '14'), page(['c'], '0')]
    const { all, calls } = options({
      groupIds: undefined,
      deadline: 500_000,
      listPage: () => Promise.resolve(pages.shift() ?? page([], '0'))
    })
    await deliverToGroups(all)
    expect(new Set(calls.map((c) => c.deadline))).toEqual(new Set([500_000 + 3000 + 19]))
  })

  it('sends nothing to an entry of the list that is no group ID, and reports it failed', async () => {
    const { all, calls } = options({
      groupIds: undefined,
      listPage: () =>
        Promise.resolve({
          answer: {
            ok: true,
            page: {
              groups: [{ id: 'a' }, { unsendable: '123', why: 'a GroupId that is not text' }],
              next: '0'
            }
          },
          tries: 1,
          host: 'console.tim.qq.com',
          gaveUp: undefined
        })
    })
    const result = await deliverToGroups(all)
    expect(calls.map((c) => c.groupId)).toEqual(['a'])
    expect(result.ok && result.results[1]).toEqual({
      groupId: '123',
      sent: {
        answer: { ok: false, reason: 'unsendable', info: 'a GroupId that is not text' },
        tries: 0,
        host: '',
        gaveUp: undefined
      }
    })
  })

  it('tells the pacer which group a refusal was for: one stubborn room pauses all once', async () => {
    const groupIds = ['stubborn', ...Array.from({ length: 40 }, (_, i) => `room-${i}`)]
    const { all, clock } = options({
      groupIds,
      sendTo: async (groupId, pacer) => {
        for (let i = 0; i < (groupId === 'stubborn' ? 5 : 1); i++) {
          await pacer.slot(Infinity)
          if (groupId === 'stubborn') pacer.refused(clock.now())
          else pacer.accepted()
        }
        return sent(1)
      }
    })
    const start = clock.now()
    await deliverToGroups(all)
    // Five refusals said to be the app's would pause everyone five times, a second each.
    expect(clock.now() - start).toBeLessThan(2000)
  })

  it('prefixes what each group logs with its ID', async () => {
    const { all, core } = options({
      groupIds: ['@TGS#aRoom'],
      sendTo: (_groupId, _pacer, _deadline, log) => {
        log.info('Try 1 failed (timeout); trying again in 1.0 s.')
        log.debug('POST https://console.tim.qq.com/…')
        return Promise.resolve(sent(1))
      }
    })
    await deliverToGroups(all)
    expect(core.log).toEqual([
      '[@TGS#aRoom] Try 1 failed (timeout); trying again in 1.0 s.',
      '::debug::[@TGS#aRoom] POST https://console.tim.qq.com/…'
    ])
  })

  it('quotes each ID as it may be printed: a listed one can hold a line break', async () => {
    const { all, core } = options({
      groupIds: ['a\nb'],
      sendTo: (_groupId, _pacer, _deadline, log) => {
        log.info('Try 1 failed')
        return Promise.resolve(sent(1))
      }
    })
    await deliverToGroups(all)
    expect(core.log).toEqual(['[a\\nb] Try 1 failed'])
  })
})
