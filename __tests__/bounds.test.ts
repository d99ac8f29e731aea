// The step's documented time bound, for every target and every fault: the listing, the pacing, the
// tries and the waits of the real modules (groups, discovery, send, pacer), with the requests
// replaced by what a misbehaving server would make of them, in virtual time. The bound is written
// here as the README states it: (retries + 1) × timeout-seconds + 60 s, plus a second for each
// page of the list of live rooms, plus 1/160 s for each group.
import { describe, expect, it } from 'vitest'
import { fakeCore } from '../__fixtures__/core.js'
import type { Failure, GroupPage } from '../src/deliver/answers.js'
import { deliverToGroups } from '../src/deliver/fan-out/fan-out.js'
import type { Requests } from '../src/deliver/requests.js'
import { retried } from '../src/deliver/retries.js'
import { virtualClock, type VirtualClock } from './helpers/virtual-clock.js'

type Behaviour = (
  timeoutMs: number,
  clock: VirtualClock
) => Promise<{ ok: true; msgSeq: number } | Failure>

/** What the server does with every message. */
const FAULTS: Record<string, Behaviour> = {
  'never answers': async (timeoutMs, clock) => {
    await clock.sleep(timeoutMs)
    return { ok: false, reason: 'network', info: `no answer within ${timeoutMs} ms` }
  },
  'refuses every call for its frequency limit': async (_timeoutMs, clock) => {
    await clock.sleep(30)
    return { ok: false, reason: 'tencent', code: 10023, info: 'send frequency exceeded' }
  },
  'drops every message': async (_timeoutMs, clock) => {
    await clock.sleep(30)
    return { ok: false, reason: 'dropped', info: 'dropped: MsgFreqCtrl' }
  },
  'fails on the network at once': async (_timeoutMs, clock) => {
    await clock.sleep(5)
    return { ok: false, reason: 'network', info: 'connection reset' }
  },
  'answers just before the timeout': async (timeoutMs, clock) => {
    await clock.sleep(timeoutMs - 1)
    return { ok: true, msgSeq: 1 }
  }
}

interface Try {
  at: number
  until: number
}

function harness(retries: number, timeoutSeconds: number) {
  const clock = virtualClock()
  const start = clock.now()
  const tries: Try[] = []
  const sendOptions = {
    bases: [new URL('https://console.tim.qq.com')] as [URL],
    sdkAppId: 1400000000,
    identifier: 'administrator',
    userSig: () => 'sig',
    canSign: true,
    timeoutSeconds,
    retries,
    clock,
    log: fakeCore()
  }
  const budget = (retries + 1) * timeoutSeconds * 1000 + 60_000
  return { clock, start, tries, sendOptions, deadline: start + budget, budget }
}

/**
 * The run's requests as the fan-out is handed them: each message, or each page of the list,
 * retried by the real code, every try recorded and made by `message` or `page`.
 */
function requestsOf(
  h: ReturnType<typeof harness>,
  {
    message = () => Promise.reject(new Error('nothing may be sent')),
    page = () => Promise.reject(new Error('nothing may be listed'))
  }: {
    message?: (timeoutMs: number) => Promise<{ ok: true; msgSeq: number } | Failure>
    page?: (timeoutMs: number) => Promise<{ ok: true; page: GroupPage } | Failure>
  }
): Requests {
  const recorded =
    <T>(once: (timeoutMs: number) => Promise<T>) =>
    (_address: unknown, timeoutMs: number) => {
      h.tries.push({ at: h.clock.now(), until: h.clock.now() + timeoutMs })
      return once(timeoutMs)
    }
  return {
    deadline: h.deadline,
    clock: h.clock,
    broadcast: () => Promise.reject(new Error('a fan-out broadcasts nothing')),
    sendToGroup: (_body, { pacer, deadline, log = h.sendOptions.log }) =>
      retried({ ...h.sendOptions, log, pacer, deadline, once: recorded(message) }),
    listGroups: (_cursor, { pacer, deadline }) =>
      retried({ ...h.sendOptions, pacer, deadline, once: recorded(page) })
  }
}

function expectWithin(h: ReturnType<typeof harness>, boundMs: number) {
  const end = h.start + boundMs
  expect(h.clock.now()).toBeLessThanOrEqual(end)
  for (const t of h.tries) {
    // No try starts that could not have a second before the end, and none outlives it.
    expect(t.at).toBeLessThanOrEqual(end - 1000)
    expect(t.until).toBeLessThanOrEqual(end)
  }
}

describe('the time bound of the step', () => {
  describe.each(Object.entries(FAULTS))('when the server %s', (_fault, behave) => {
    it('holds for a broadcast', async () => {
      const h = harness(2, 3)
      await retried({
        ...h.sendOptions,
        deadline: h.deadline,
        once: (_target, timeoutMs) => {
          h.tries.push({ at: h.clock.now(), until: h.clock.now() + timeoutMs })
          return behave(timeoutMs, h.clock)
        }
      })
      expectWithin(h, h.budget)
    })

    it('holds for 1,500 groups, each try included', async () => {
      const h = harness(0, 2)
      const groupIds = Array.from({ length: 1500 }, (_, i) => `room-${i}`)
      const result = await deliverToGroups({
        groupIds,
        bodyFor: (id) => ({ GroupId: id }),
        requests: requestsOf(h, { message: (timeoutMs) => behave(timeoutMs, h.clock) }),
        log: fakeCore()
      })
      expect(result.ok && result.results).toHaveLength(1500)
      expectWithin(h, h.budget + Math.ceil((1500 * 1000) / 160))
    })
  })

  it('holds for a listing that never ends: it stops at 100 pages, a second apart', async () => {
    const h = harness(0, 1)
    let cursor = 1000
    const result = await deliverToGroups({
      groupIds: undefined,
      bodyFor: (id) => ({ GroupId: id }),
      requests: requestsOf(h, {
        page: async () => {
          await h.clock.sleep(50)
          return {
            ok: true,
            page: { groups: [{ id: `room-${cursor}` }], next: String(cursor++) }
          }
        }
      }),
      log: fakeCore()
    })
    expect(result).toMatchObject({ ok: false, failure: { reason: 'limit' } })
    expect(h.tries).toHaveLength(100)
    for (let i = 1; i < h.tries.length; i++) {
      expect((h.tries[i]?.at ?? 0) - (h.tries[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(1000)
    }
    expectWithin(h, h.budget + 100 * 1000)
  })

  it('holds for a listing whose every page times out, retried within the budget', async () => {
    const h = harness(3, 2)
    const result = await deliverToGroups({
      groupIds: undefined,
      bodyFor: (id) => ({ GroupId: id }),
      requests: requestsOf(h, {
        page: async (timeoutMs) => {
          await h.clock.sleep(timeoutMs)
          return { ok: false, reason: 'network', info: 'no answer' }
        }
      }),
      log: fakeCore()
    })
    expect(result).toMatchObject({ ok: false, tries: 4, pageTries: 4 })
    expectWithin(h, h.budget + 1000)
  })
})
