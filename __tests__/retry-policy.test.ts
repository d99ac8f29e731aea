import { describe, expect, it } from 'vitest'
import type { Failure } from '../src/deliver/answers.js'
import { nextStep, waitBefore } from '../src/deliver/retry-policy.js'

const tencent = (code: number): Failure => ({ ok: false, reason: 'tencent', code, info: '' })
const http = (status: number): Failure => ({
  ok: false,
  reason: 'http',
  info: `HTTP ${status}`,
  status
})
const both = { canSign: true, canFailOver: true }

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
    [http(301), 'stop'],
    [{ ok: false, reason: 'redirect', status: 302, info: 'HTTP 302, a redirect to x' }, 'stop'],
    [{ ok: false, reason: 'network', info: 'ECONNRESET' }, 'network'],
    [{ ok: false, reason: 'malformed', info: 'not JSON' }, 'retry'],
    [{ ok: false, reason: 'garbled', info: 'ErrorCode 0 with ActionStatus "FAIL"' }, 'retry-once'],
    [{ ok: false, reason: 'unreachable', kind: 'certificate', info: 'self-signed' }, 'stop'],
    [{ ok: false, reason: 'unreachable', kind: 'proxy', info: 'statusCode=407' }, 'stop'],
    [{ ok: false, reason: 'out-of-time', info: 'no try could start' }, 'stop'],
    [{ ok: false, reason: 'unsendable', info: 'a GroupId that is a number' }, 'stop'],
    [{ ok: false, reason: 'limit', info: 'more than 100 pages' }, 'stop']
  ] as [Failure, string][])('%j → %s', (failure, next) => {
    expect(nextStep(failure, both)).toBe(next)
  })

  it('stops on 70001 and 70052 when the UserSig cannot be signed again', () => {
    expect(nextStep(tencent(70001), { canSign: false, canFailOver: true })).toBe('stop')
    expect(nextStep(tencent(70052), { canSign: false, canFailOver: true })).toBe('stop')
  })

  it('tries the backup domain when a name does not resolve, and stops when there is none', () => {
    const dns: Failure = { ok: false, reason: 'unreachable', kind: 'dns', info: 'ENOTFOUND x' }
    expect(nextStep(dns, { canSign: true, canFailOver: true })).toBe('network')
    expect(nextStep(dns, { canSign: true, canFailOver: false })).toBe('stop')
  })
})

describe('waitBefore', () => {
  it('waits a second after a frequency limit, plus up to 0.3 s of jitter', () => {
    expect(waitBefore('rate-limited', 0, () => 0)).toBe(1000)
    expect(waitBefore('rate-limited', 9, () => 0.5)).toBe(1150)
    expect(waitBefore('rate-limited', 0, () => 0.999)).toBe(1299)
  })

  it.each([
    ['retry', 0, 0, 50],
    ['retry', 0, 0.5, 275],
    ['retry', 1, 0.5, 550],
    ['retry', 3, 0, 400],
    ['retry', 3, 0.5, 2200],
    ['retry', 3, 0.999, 3996],
    ['retry', 4, 0.5, 4400],
    ['retry', 10, 0.5, 4400],
    ['network', 2, 0.5, 1100],
    ['new-usersig', 0, 0.5, 275]
  ] as const)(
    'backs off exponentially from 0.5 s to 8 s, with jitter: %s after %i retries, random %d → %i ms',
    (next, retry, random, ms) => {
      expect(waitBefore(next, retry, () => random)).toBe(ms)
    }
  )

  it('waits a minute after a signature lockout, plus up to a second', () => {
    expect(waitBefore('after-60s', 0, () => 0)).toBe(60_000)
    expect(waitBefore('after-60s', 3, () => 0.5)).toBe(60_500)
  })

  it('does not wait to stop', () => {
    expect(waitBefore('stop', 0, () => 0.5)).toBe(0)
  })
})
