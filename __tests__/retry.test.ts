import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Failure } from '../src/delivery.js'
import { DEMO_APP, startEmulator, type Emulator } from '../src/emulator/index.js'
import { nextStep, waitBefore } from '../src/retry-policy.js'

vi.mock('@actions/core', () => import('../__fixtures__/core.js'))
const { send, overallBudgetMs } = await import('../src/send.js')
const { Api } = await import('tls-sig-api-v2')

const tencent = (code: number): Failure => ({ ok: false, reason: 'tencent', code, info: '' })
const http = (status: number): Failure => ({
  ok: false,
  reason: 'http',
  code: undefined,
  info: `HTTP ${status}`,
  status
})

describe('nextStep', () => {
  it.each([
    [tencent(10002), 'retry'],
    [tencent(60008), 'retry'],
    [tencent(70169), 'retry'],
    [tencent(70202), 'retry'],
    [tencent(70500), 'retry'],
    [tencent(10023), 'rate-limited'],
    [tencent(60007), 'rate-limited'],
    [tencent(60011), 'rate-limited'],
    [tencent(60018), 'rate-limited'],
    [tencent(60019), 'rate-limited'],
    [tencent(70001), 'new-usersig'],
    [tencent(70052), 'new-usersig'],
    [tencent(70050), 'after-60s'],
    [tencent(10004), 'stop'],
    [tencent(10007), 'stop'],
    [tencent(70009), 'stop'],
    [tencent(99999), 'stop'],
    [http(502), 'retry'],
    [http(500), 'retry'],
    [http(429), 'rate-limited'],
    [http(404), 'stop'],
    [{ ok: false, reason: 'network', code: undefined, info: 'ECONNRESET' }, 'network'],
    [{ ok: false, reason: 'malformed', code: undefined, info: 'not JSON' }, 'retry']
  ] as [Failure, string][])('%j → %s', (failure, next) => {
    expect(nextStep(failure, true)).toBe(next)
  })

  it('stops on 70001 and 70052 when the UserSig cannot be signed again', () => {
    expect(nextStep(tencent(70001), false)).toBe('stop')
    expect(nextStep(tencent(70052), false)).toBe('stop')
  })
})

describe('waitBefore', () => {
  it('waits at least a second after a frequency limit, with a little jitter', () => {
    expect(waitBefore('rate-limited', 0, () => 0)).toBe(1000)
    expect(waitBefore('rate-limited', 9, () => 0.999)).toBeLessThan(1300)
  })

  it('backs off exponentially with jitter, up to a ceiling', () => {
    expect(waitBefore('retry', 1, () => 0.999)).toBeLessThanOrEqual(1000)
    expect(waitBefore('retry', 3, () => 0.999)).toBeLessThanOrEqual(4000)
    expect(waitBefore('retry', 10, () => 0.999)).toBeLessThanOrEqual(8000)
    expect(waitBefore('retry', 3, () => 0)).toBeGreaterThanOrEqual(400)
  })

  it('waits a minute after a signature lockout', () => {
    expect(waitBefore('after-60s', 0, () => 0)).toBe(60_000)
  })
})

describe('send', () => {
  let emulator: Emulator | undefined
  afterEach(async () => {
    await emulator?.close()
    emulator = undefined
  })

  /** A clock that jumps instead of sleeping, so minute-long waits take no time. */
  function fakeClock() {
    let now = Date.now()
    const slept: number[] = []
    return {
      slept,
      now: () => now,
      sleep: (ms: number) => {
        slept.push(ms)
        now += ms
        return Promise.resolve()
      },
      random: () => 0.5
    }
  }

  async function sendWith(options: { retries: number; timeoutSeconds?: number }) {
    emulator ??= await startEmulator({ apps: [{ ...DEMO_APP, rate: 100 }] })
    const clock = fakeClock()
    const signer = vi.fn(() =>
      new Api(DEMO_APP.sdkAppId, DEMO_APP.key).genUserSig(DEMO_APP.admin, 300)
    )
    const result = await send({
      bases: [new URL(emulator.url)],
      sdkAppId: DEMO_APP.sdkAppId,
      identifier: DEMO_APP.admin,
      userSig: signer,
      canSign: true,
      body: { Random: 5, MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'hi' } }] },
      timeoutSeconds: options.timeoutSeconds ?? 10,
      retries: options.retries,
      clock
    })
    return { result, clock, signer }
  }

  it('waits out a 70050 lockout when the budget allows', async () => {
    emulator = await startEmulator()
    emulator.inject({ kind: 'code', code: 70050 })
    const { result, clock } = await sendWith({ retries: 5 })
    expect(result.delivery.ok).toBe(true)
    expect(clock.slept[0]).toBeGreaterThanOrEqual(60_000)
  })

  it('does not wait out a 70050 lockout the budget cannot hold', async () => {
    emulator = await startEmulator()
    emulator.inject({ kind: 'code', code: 70050 })
    const { result, clock } = await sendWith({ retries: 0 })
    expect(result.delivery).toMatchObject({ ok: false, code: 70050 })
    expect(clock.slept).toEqual([])
    expect(overallBudgetMs(0, 10)).toBeLessThan(61_000 + 10_000)
  })

  it('keeps retrying a frequency limit within the time budget, beyond `retries`', async () => {
    emulator = await startEmulator()
    emulator.inject({ kind: 'code', code: 10023 }, 8)
    const { result } = await sendWith({ retries: 1 })
    expect(result.delivery.ok).toBe(true)
    expect(result.tries).toBe(9)
  })

  it('ends within its time budget however long the frequency limit lasts', async () => {
    emulator = await startEmulator()
    emulator.inject({ kind: 'code', code: 10023 }, 1000)
    const { result, clock } = await sendWith({ retries: 1, timeoutSeconds: 5 })
    expect(result.delivery).toMatchObject({ ok: false, code: 10023 })
    expect(result.gaveUp).toBe('the time budget of this step ran out')
    expect(result.durationMs).toBeLessThanOrEqual(overallBudgetMs(1, 5))
    expect(clock.slept.every((ms) => ms >= 1000)).toBe(true)
  })

  it('signs a fresh UserSig after 70001', async () => {
    emulator = await startEmulator()
    emulator.inject({ kind: 'code', code: 70001 })
    const { result, signer } = await sendWith({ retries: 1 })
    expect(result.delivery.ok).toBe(true)
    expect(signer).toHaveBeenCalledTimes(2)
  })

  it('makes no retry with retries 0', async () => {
    emulator = await startEmulator()
    emulator.inject({ kind: 'code', code: 10002 })
    const { result } = await sendWith({ retries: 0 })
    expect(result).toMatchObject({ tries: 1, gaveUp: '`retries` is 0' })
  })
})
