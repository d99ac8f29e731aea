import type { LookupFunction } from 'node:net'
import { Api } from 'tls-sig-api-v2'
import { describe, expect, vi } from 'vitest'
import { fakeCore } from '../__fixtures__/core.js'
import { DEMO_APP, type Emulator } from '../emulator/src/index.js'
import { Secrets } from '../src/secrets.js'
import { API, sendOnce } from '../src/deliver/tencent-api.js'
import type { Pacer } from '../src/deliver/fan-out/pacer.js'
import { timeBudgetMs, retried } from '../src/deliver/retries.js'
import { inProcess as test } from './helpers/emulator.js'
import { closedPort } from './helpers/network.js'
import type { JumpingClock } from './helpers/run.js'

// Room for every retry: a back-off is shorter than the second the demo app's rate counts over.
test.override('emulatorOptions', ({ clock }) => ({
  now: clock.now,
  apps: [{ ...DEMO_APP, rate: 100 }]
}))

const body = {
  Random: 5,
  MsgBody: [{ MsgType: 'TIMTextElem' as const, MsgContent: { Text: 'hi' } }]
}

const infoLines = (core: ReturnType<typeof fakeCore>) => core.info.mock.calls.map(([line]) => line)

function sendWith(
  emulator: Emulator,
  clock: JumpingClock,
  options: {
    retries: number
    timeoutSeconds?: number
    bases?: [URL, ...URL[]]
    canSign?: boolean
    lookup?: LookupFunction
    pacer?: Pacer
    deadline?: number
  }
) {
  const core = fakeCore()
  const context = {
    log: core,
    secrets: new Secrets(core.setSecret),
    ...(options.lookup ? { lookup: options.lookup } : {})
  }
  const signer = vi.fn<(fresh: boolean) => string>(() =>
    new Api(DEMO_APP.sdkAppId, DEMO_APP.key).genUserSig(DEMO_APP.admin, 300)
  )
  const result = retried({
    bases: options.bases ?? [new URL(emulator.url)],
    sdkAppId: DEMO_APP.sdkAppId,
    identifier: DEMO_APP.admin,
    userSig: signer,
    canSign: options.canSign ?? true,
    once: (target, timeoutMs) => sendOnce(API.broadcast, target, body, timeoutMs, context),
    timeoutSeconds: options.timeoutSeconds ?? 10,
    retries: options.retries,
    clock,
    log: core,
    ...(options.pacer ? { pacer: options.pacer } : {}),
    ...(options.deadline === undefined ? {} : { deadline: options.deadline })
  })
  return { result, core, signer }
}

describe('retried', () => {
  test('delivers with one try and tells where', async ({ emulator, clock }) => {
    const { result, signer } = sendWith(emulator, clock, { retries: 5 })
    expect(await result).toEqual({
      answer: { ok: true, msgSeq: 1 },
      tries: 1,
      host: new URL(emulator.url).host,
      gaveUp: undefined
    })
    expect(signer).toHaveBeenCalledTimes(1)
    expect(clock.slept).toEqual([])
  })

  test('retries a transient error with backoff, sending the same body each time', async ({
    emulator,
    clock
  }) => {
    emulator.inject({ kind: 'code', code: 10002 }, 2)
    const { result, core } = sendWith(emulator, clock, { retries: 5 })
    expect(await result).toMatchObject({ answer: { ok: true }, tries: 3 })
    expect(clock.slept).toEqual([275, 550])
    expect(new Set(emulator.requests.map((r) => r.body))).toEqual(new Set([JSON.stringify(body)]))
    expect(infoLines(core)).toEqual([
      'Try 1 failed (scripted fault); trying again in 0.3 s.',
      'Try 2 failed (scripted fault); trying again in 0.6 s.'
    ])
  })

  test('stops at once on an error only a person can fix', async ({ emulator, clock }) => {
    emulator.inject({ kind: 'code', code: 10007 }, 5)
    const { result } = sendWith(emulator, clock, { retries: 5 })
    expect(await result).toMatchObject({
      answer: { ok: false, code: 10007 },
      tries: 1,
      gaveUp: undefined
    })
  })

  test('gives up when the retries are used, and says so', async ({ emulator, clock }) => {
    emulator.inject({ kind: 'code', code: 10002 }, 10)
    const { result } = sendWith(emulator, clock, { retries: 2 })
    expect(await result).toMatchObject({
      answer: { ok: false, code: 10002 },
      tries: 3,
      gaveUp: 'all 2 retries were used'
    })
  })

  test('speaks of one retry in the singular', async ({ emulator, clock }) => {
    emulator.inject({ kind: 'code', code: 10002 }, 10)
    const { result } = sendWith(emulator, clock, { retries: 1 })
    expect(await result).toMatchObject({ tries: 2, gaveUp: 'its one retry was used' })
  })

  test('makes no retry with retries 0', async ({ emulator, clock }) => {
    emulator.inject({ kind: 'code', code: 10002 })
    const { result } = sendWith(emulator, clock, { retries: 0 })
    expect(await result).toMatchObject({ tries: 1, gaveUp: '`retries` is 0' })
  })

  test('waits out a 70050 lockout when the budget allows', async ({ emulator, clock }) => {
    emulator.inject({ kind: 'code', code: 70050 })
    const { result, core } = sendWith(emulator, clock, { retries: 5 })
    expect((await result).answer.ok).toBe(true)
    expect(clock.slept).toEqual([60_500])
    expect(infoLines(core)).toContain(
      'Try 1 failed (scripted fault); Tencent locked signature checks for a minute, trying again in 60.5 s.'
    )
  })

  test('does not wait out a 70050 lockout the budget cannot hold', async ({ emulator, clock }) => {
    // 62 s of budget; two frequency limits use 2.3 s, and the lockout needs 60.5 s and a try.
    emulator.inject({ kind: 'code', code: 10023 }, 2)
    emulator.inject({ kind: 'code', code: 70050 })
    const { result } = sendWith(emulator, clock, { retries: 1, timeoutSeconds: 1 })
    expect(await result).toMatchObject({
      answer: { ok: false, code: 70050 },
      tries: 3,
      gaveUp: 'the time budget of this step ran out'
    })
    expect(clock.slept).toEqual([1150, 1150])
  })

  test('keeps retrying a frequency limit within the time budget, beyond `retries`', async ({
    emulator,
    clock
  }) => {
    emulator.inject({ kind: 'code', code: 10023 }, 8)
    const { result, core } = sendWith(emulator, clock, { retries: 1 })
    expect(await result).toMatchObject({ answer: { ok: true }, tries: 9 })
    expect(clock.slept).toEqual(Array(8).fill(1150))
    expect(infoLines(core)[0]).toBe(
      'Try 1 failed (scripted fault); Tencent asked to slow down, trying again in 1.1 s.'
    )
  })

  test('ends within its time budget however long the frequency limit lasts', async ({
    emulator,
    clock
  }) => {
    emulator.inject({ kind: 'code', code: 10023 }, 1000)
    const started = clock.now()
    const { result } = sendWith(emulator, clock, { retries: 1, timeoutSeconds: 5 })
    const sent = await result
    expect(sent).toMatchObject({
      answer: { ok: false, code: 10023 },
      gaveUp: 'the time budget of this step ran out'
    })
    expect(clock.now() - started).toBeLessThanOrEqual(timeBudgetMs(1, 5))
    // 70 s of budget, a try every 1.15 s, the last one started at least 1 s before the end.
    expect(sent.tries).toBe(61)
  })

  test('signs a fresh UserSig after 70001', async ({ emulator, clock }) => {
    emulator.inject({ kind: 'code', code: 70001 })
    const { result, signer, core } = sendWith(emulator, clock, { retries: 1 })
    expect((await result).answer.ok).toBe(true)
    // The first try takes the UserSig at hand; only the refusal asks for a fresh one.
    expect(signer.mock.calls).toEqual([[false], [true]])
    expect(infoLines(core)).toContain(
      'Try 1 failed (scripted fault); trying again with a freshly signed UserSig in 0.3 s.'
    )
  })

  test('stops after 70001 when the UserSig was given and cannot be signed again', async ({
    emulator,
    clock
  }) => {
    emulator.inject({ kind: 'code', code: 70001 })
    const { result, signer } = sendWith(emulator, clock, { retries: 1, canSign: false })
    expect(await result).toMatchObject({ answer: { ok: false, code: 70001 }, tries: 1 })
    expect(signer).toHaveBeenCalledTimes(1)
  })

  test('falls over to the backup domain when the primary cannot be reached', async ({
    emulator,
    clock
  }) => {
    const primary = new URL(`http://127.0.0.1:${await closedPort()}`)
    const { result, core } = sendWith(emulator, clock, {
      retries: 1,
      bases: [primary, new URL(emulator.url)]
    })
    expect(await result).toMatchObject({
      answer: { ok: true },
      tries: 2,
      host: new URL(emulator.url).host
    })
    expect(infoLines(core)[0]).toMatch(
      new RegExp(
        `^Try 1 failed \\(connect ECONNREFUSED ${primary.host.replace('.', '\\.')}\\); falling over to the backup domain ${new URL(emulator.url).host} in 0\\.3 s\\.$`
      )
    )
  })

  test('has a budget of every try at its full timeout, plus a minute', () => {
    expect(timeBudgetMs(0, 10)).toBe(70_000)
    expect(timeBudgetMs(5, 10)).toBe(120_000)
    expect(timeBudgetMs(20, 120)).toBe(2_580_000)
  })

  test('waits out frequency limits with retries 0: they use up no retry', async ({
    emulator,
    clock
  }) => {
    emulator.inject({ kind: 'code', code: 10023 }, 3)
    const { result } = sendWith(emulator, clock, { retries: 0 })
    expect(await result).toMatchObject({ answer: { ok: true }, tries: 4 })
    expect(clock.slept).toEqual([1150, 1150, 1150])
  })

  test('retries a contradictory answer once', async ({ emulator, clock }) => {
    emulator.inject({ kind: 'answer', answer: { ActionStatus: 'FAIL', ErrorCode: 0 } })
    const { result, core } = sendWith(emulator, clock, { retries: 5 })
    expect(await result).toMatchObject({ answer: { ok: true }, tries: 2 })
    expect(infoLines(core)).toEqual([
      'Try 1 failed (ErrorCode 0 with ActionStatus "FAIL"); trying again in 0.3 s.'
    ])
  })

  test('stops at a second contradictory answer', async ({ emulator, clock }) => {
    emulator.inject({ kind: 'answer', answer: { ActionStatus: 'OK', ErrorCode: 0 } }, 5)
    const { result } = sendWith(emulator, clock, { retries: 5 })
    expect(await result).toMatchObject({
      answer: { ok: false, reason: 'garbled', info: 'an answer of success with no MsgSeq' },
      tries: 2,
      gaveUp: 'a second answer contradicted itself too'
    })
  })

  test('follows no redirect, and stops', async ({ emulator, clock }) => {
    emulator.inject({ kind: 'redirect', status: 301, location: 'https://elsewhere.example/' }, 5)
    const { result } = sendWith(emulator, clock, { retries: 5 })
    expect(await result).toMatchObject({
      answer: {
        ok: false,
        reason: 'redirect',
        info: 'HTTP 301, a redirect to elsewhere.example'
      },
      tries: 1,
      gaveUp: undefined
    })
    expect(emulator.requests).toHaveLength(1)
  })

  test('retries an answer cut off after the message went through, which lands once', async ({
    emulator,
    clock
  }) => {
    emulator.inject({ kind: 'cut', processed: true })
    const { result } = sendWith(emulator, clock, { retries: 5 })
    expect(await result).toMatchObject({ answer: { ok: true, msgSeq: 1 }, tries: 2 })
    expect(emulator.broadcasts).toHaveLength(1)
    expect(emulator.requests.map((r) => r.repeat)).toEqual([false, true])
  })

  test('stops at once on a name that does not resolve, with no backup to try', async ({
    emulator,
    clock
  }) => {
    const { result } = sendWith(emulator, clock, {
      retries: 5,
      bases: [new URL('http://gateway.octo.example:1')],
      lookup: notFound
    })
    expect(await result).toMatchObject({
      answer: { ok: false, reason: 'unreachable', kind: 'dns' },
      tries: 1
    })
  })

  test('falls over to the backup domain when the primary’s name does not resolve', async ({
    emulator,
    clock
  }) => {
    const port = new URL(emulator.url).port
    const { result } = sendWith(emulator, clock, {
      retries: 5,
      bases: [
        new URL(`http://primary.octo.example:${port}`),
        new URL(`http://backup.octo.example:${port}`)
      ],
      lookup: (hostname, options, callback) => {
        if (hostname.startsWith('primary')) notFound(hostname, options, callback)
        else if (options.all)
          (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(
            null,
            [{ address: '127.0.0.1', family: 4 }]
          )
        else callback(null, '127.0.0.1', 4)
      }
    })
    expect(await result).toMatchObject({
      answer: { ok: true },
      tries: 2,
      host: `backup.octo.example:${port}`
    })
  })
})

/** A resolver for which no name exists. */
const notFound: LookupFunction = (hostname, _options, callback) => {
  callback(
    Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }),
    '',
    4
  )
}

describe('retried, in a fan-out', () => {
  /** A pacer that records what it was asked, and the time of each slot. */
  function recordingPacer(clock: JumpingClock) {
    const events: string[] = []
    const pacer: Pacer = {
      slot: () => {
        events.push(`slot at ${clock.now()}`)
        return Promise.resolve(true)
      },
      refused: (startedAt) => {
        events.push(`refused, started at ${startedAt}`)
      },
      accepted: () => {
        events.push('accepted')
      }
    }
    return { pacer, events }
  }

  test('waits for its slot before every try, and tells the pacer how each try went', async ({
    emulator,
    clock
  }) => {
    const start = clock.now()
    emulator.inject({ kind: 'code', code: 10023 })
    emulator.inject({ kind: 'code', code: 10002 })
    const { pacer, events } = recordingPacer(clock)
    const { result } = sendWith(emulator, clock, { retries: 3, pacer })
    expect(await result).toMatchObject({ answer: { ok: true }, tries: 3 })
    const [afterLimit = 0, afterError = 0] = clock.slept
    // The frequency limit is the app's, and said with when its try started; the transient error
    // waits its own back-off.
    expect(events).toEqual([
      `slot at ${start}`,
      `refused, started at ${start}`,
      `slot at ${start + afterLimit}`,
      `slot at ${start + afterLimit + afterError}`,
      'accepted'
    ])
  })

  test('tries a message a live room dropped again, slower, and slows no other room', async ({
    clock
  }) => {
    const start = clock.now()
    const { pacer, events } = recordingPacer(clock)
    let tries = 0
    const result = await retried({
      bases: [new URL('https://console.tim.qq.com')],
      sdkAppId: 1,
      identifier: 'administrator',
      userSig: () => 'sig',
      canSign: true,
      once: () =>
        Promise.resolve(
          ++tries === 1
            ? { ok: false as const, reason: 'dropped' as const, info: 'dropped: MsgFreqCtrl' }
            : { ok: true as const, msgSeq: 7 }
        ),
      timeoutSeconds: 10,
      retries: 0,
      clock,
      log: fakeCore(),
      pacer
    })
    expect(result).toMatchObject({ answer: { ok: true, msgSeq: 7 }, tries: 2 })
    const [wait = 0] = clock.slept
    expect(wait).toBeGreaterThan(0)
    // The room's own limit: only its retry waits; the pacer hears of no refusal.
    expect(events).toEqual([`slot at ${start}`, `slot at ${start + wait}`, 'accepted'])
  })

  test('makes no try when its pacer has no slot before the deadline', async ({ clock }) => {
    let tries = 0
    const slots: number[] = []
    const result = await retried({
      bases: [new URL('https://console.tim.qq.com')],
      sdkAppId: 1,
      identifier: 'administrator',
      userSig: () => 'sig',
      canSign: true,
      once: () => {
        tries++
        return Promise.resolve({ ok: true as const, msgSeq: 1 })
      },
      timeoutSeconds: 10,
      retries: 3,
      clock,
      log: fakeCore(),
      deadline: clock.now() + 5000,
      pacer: {
        slot: (latestStart) => {
          slots.push(latestStart)
          return Promise.resolve(false)
        },
        refused: () => undefined,
        accepted: () => undefined
      }
    })
    expect(tries).toBe(0)
    // A try must be able to have a second before the deadline.
    expect(slots).toEqual([clock.now() + 4000])
    expect(result).toEqual({
      answer: {
        ok: false,
        reason: 'out-of-time',
        info: 'no try could start before the end of the time budget of this step'
      },
      tries: 0,
      host: 'console.tim.qq.com',
      gaveUp: undefined
    })
  })

  test('stops at the deadline it is given, before its own budget', async ({ emulator, clock }) => {
    emulator.inject({ kind: 'code', code: 10002 }, 10)
    const { result } = sendWith(emulator, clock, {
      retries: 10,
      deadline: clock.now() + 5000
    })
    expect(await result).toMatchObject({
      answer: { ok: false, code: 10002 },
      gaveUp: 'the time budget of this step ran out'
    })
    expect(clock.slept.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(5000)
  })
})

describe('retried, each try', () => {
  const refused = { ok: false as const, reason: 'tencent' as const, code: 10002, info: 'busy' }

  /** A send whose tries are recorded, not made: each one's base and time allowed. */
  function recorded(clock: JumpingClock, options: { deadline?: number; bases?: [URL, ...URL[]] }) {
    const tries: { host: string; timeoutMs: number }[] = []
    const core = fakeCore()
    const result = retried({
      bases: options.bases ?? [new URL('https://console.tim.qq.com')],
      sdkAppId: 1,
      identifier: 'administrator',
      userSig: () => 'sig',
      canSign: true,
      once: (target, timeoutMs) => {
        tries.push({ host: target.base.host, timeoutMs })
        return Promise.resolve(refused)
      },
      timeoutSeconds: 10,
      retries: 2,
      clock,
      log: core,
      ...(options.deadline === undefined ? {} : { deadline: options.deadline })
    })
    return { result, tries }
  }

  test('has its full timeout while the deadline is far', async ({ clock }) => {
    const { result, tries } = recorded(clock, {})
    await result
    expect(tries.map((t) => t.timeoutMs)).toEqual([10_000, 10_000, 10_000])
  })

  test('ends no later than the deadline, and has a second at the least', async ({ clock }) => {
    const { result, tries } = recorded(clock, { deadline: clock.now() + 2500 })
    await result
    // 2.5 s left for the first; after a back-off of 0.3 s, 2.2 s; then the budget is out.
    expect(tries[0]?.timeoutMs).toBe(2500)
    expect(tries.every((t) => t.timeoutMs <= 2500 && t.timeoutMs >= 1000)).toBe(true)
  })

  test('starts no try after the deadline, nor one that could not have a second', async ({
    clock
  }) => {
    for (const left of [-5000, 0, 999]) {
      const late = recorded(clock, { deadline: clock.now() + left })
      expect(await late.result).toMatchObject({ answer: { reason: 'out-of-time' }, tries: 0 })
      expect(late.tries).toEqual([])
    }
    const just = recorded(clock, { deadline: clock.now() + 1000 })
    await just.result
    expect(just.tries.map((t) => t.timeoutMs)).toEqual([1000])
  })

  test('stays on the primary domain after a refusal: only the network fails over', async ({
    clock
  }) => {
    const { result, tries } = recorded(clock, {
      bases: [new URL('https://console.tim.qq.com'), new URL('https://adminapi.my-imcloud.com')]
    })
    await result
    expect(tries.map((t) => t.host)).toEqual([
      'console.tim.qq.com',
      'console.tim.qq.com',
      'console.tim.qq.com'
    ])
  })
})
