// Exactly-once delivery under faults, rate limits and re-runs: the committed bundle against the
// emulator's scripted faults.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { runAction } from '../scripts/action-process.mjs'
import {
  DEMO_APP,
  startEmulator,
  type Emulator,
  type EmulatorOptions,
  type Fault
} from '../src/emulator/index.js'
import { emulatorInputs, errorLines } from './helpers/action.js'
import { startConnectProxy } from './helpers/connect-proxy.js'
import { payload } from './helpers/events.js'

const release = payload('release-published')

let emulators: Emulator[] = []
afterEach(async () => {
  await Promise.all(emulators.map((e) => e.close()))
  emulators = []
})
async function emulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const started = await startEmulator(options)
  emulators.push(started)
  return started
}

const inputs = emulatorInputs

const bodyRandoms = (em: Emulator) =>
  em.requests.map((r) => (JSON.parse(r.body) as { Random: number }).Random)

describe('each fault still lands exactly once, with one Random', () => {
  it.each<[string, Fault, number, Record<string, string>?]>([
    ['an internal error (10002), twice', { kind: 'code', code: 10002 }, 2],
    ['a server timeout code (70169)', { kind: 'code', code: 70169 }, 1],
    ['a busy REST layer (60008)', { kind: 'code', code: 60008 }, 1],
    ['HTTP 502, twice', { kind: 'http', status: 502 }, 2],
    ['HTTP 503 after the message went through', { kind: 'http', status: 503, processed: true }, 1],
    ['HTTP 429', { kind: 'http', status: 429 }, 1],
    ['a connection reset', { kind: 'reset' }, 1],
    ['a reset after the message went through', { kind: 'reset', processed: true }, 1],
    ['a request never answered', { kind: 'hang' }, 1, { 'timeout-seconds': '1' }],
    [
      'an answer lost after delivery',
      { kind: 'hang', processed: true },
      1,
      { 'timeout-seconds': '1' }
    ],
    ['a 200 that is not JSON', { kind: 'not-json' }, 1],
    ['a 200 that is not JSON, after delivery', { kind: 'not-json', processed: true }, 1],
    [
      'an answer slower than the timeout',
      { kind: 'latency', ms: 1800 },
      1,
      { 'timeout-seconds': '1' }
    ],
    ['an expired UserSig (70001), signed again', { kind: 'code', code: 70001 }, 1],
    ['an invalidated UserSig (70052), signed again', { kind: 'code', code: 70052 }, 1]
  ])('%s', async (_what, fault, times, extra = {}) => {
    const em = await emulator({ apps: [{ ...DEMO_APP, rate: 5 }] })
    em.inject(fault, times)
    const run = await runAction({ inputs: inputs(em, extra), event: release })
    expect(run.code, run.stdout).toBe(0)
    expect(em.broadcasts).toHaveLength(1)
    expect(run.outputs['msg-seq']).toBe(String(em.broadcasts[0]?.msgSeq))
    expect(em.requests).toHaveLength(times + 1)
    expect(run.outputs.tries).toBe(String(times + 1))
    expect(new Set(bodyRandoms(em))).toEqual(new Set([em.broadcasts[0]?.random]))
    expect(new Set(em.requests.map((r) => r.body)).size).toBe(1)
    const queryRandoms = em.requests.map((r) => r.query.random)
    expect(new Set(queryRandoms).size).toBe(queryRandoms.length)
  })
})

describe('permanent errors', () => {
  it.each([
    [10007, /Broadcast messaging of audio-video group/],
    [10004, /over 12,000 bytes/],
    [60021, /IP allowlist/],
    [70016, /Check `region`/],
    [70020, /Check `region`/],
    [70009, /Check `secret-key` and `sdk-app-id`/]
  ])('%i fails after one request, with its remedy', async (code, remedy) => {
    const em = await emulator()
    em.inject({ kind: 'code', code, info: 'scripted' }, 5)
    const run = await runAction({ inputs: inputs(em), event: release })
    expect(run.code).toBe(1)
    expect(em.requests).toHaveLength(1)
    const errors = errorLines(run.stdout)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(new RegExp(`ErrorCode ${code} `))
    expect(errors[0]).toMatch(remedy)
    expect(run.outputs).toMatchObject({ status: 'failed', 'error-code': String(code), tries: '1' })
  })

  it('an expired ready-made UserSig cannot be renewed, so it fails at once', async () => {
    const em = await emulator()
    em.inject({ kind: 'code', code: 70001 })
    const { Api } = await import('tls-sig-api-v2')
    const userSig = new Api(DEMO_APP.sdkAppId, DEMO_APP.key).genUserSig(DEMO_APP.admin, 60)
    const run = await runAction({
      inputs: inputs(em, { 'secret-key': '', 'user-sig': userSig }),
      event: release
    })
    expect(run.code).toBe(1)
    expect(em.requests).toHaveLength(1)
    expect(errorLines(run.stdout)[0]).toMatch(/UserSig expired.*`user-sig-ttl`/)
  })

  it('with fail-on-error false, a failure is a warning and the step stays green', async () => {
    const em = await emulator()
    em.inject({ kind: 'code', code: 10007, info: 'no permission' })
    const run = await runAction({
      inputs: inputs(em, { 'fail-on-error': 'false' }),
      event: release
    })
    expect(run.code).toBe(0)
    expect(errorLines(run.stdout)).toHaveLength(0)
    expect(run.stdout).toMatch(/^::warning::Tencent Chat answered ErrorCode 10007 .*fail-on-error/m)
    expect(run.outputs).toMatchObject({
      status: 'failed',
      'error-code': '10007',
      'error-info': 'no permission'
    })
  })

  it('gives up when the retries are used, saying so', async () => {
    const em = await emulator({ apps: [{ ...DEMO_APP, rate: 5 }] })
    em.inject({ kind: 'code', code: 10002 }, 10)
    const run = await runAction({ inputs: inputs(em, { retries: '2' }), event: release })
    expect(run.code).toBe(1)
    expect(em.requests).toHaveLength(3)
    expect(errorLines(run.stdout)[0]).toMatch(
      /ErrorCode 10002 .*Gave up after 3 tries: all 2 retries were used/
    )
  })
})

describe('the frequency limit', () => {
  it('spaces tries after 10023 by at least a second', async () => {
    const em = await emulator()
    em.inject({ kind: 'code', code: 10023 }, 3)
    const run = await runAction({ inputs: inputs(em, { retries: '1' }), event: release })
    expect(run.code).toBe(0)
    expect(em.requests).toHaveLength(4)
    const times = em.requests.map((r) => r.time)
    for (let i = 1; i < times.length; i++) {
      expect((times[i] ?? 0) - (times[i - 1] ?? 0)).toBeGreaterThanOrEqual(1000)
    }
  })

  it('lets ten jobs announcing at once against 1 call/s all land, once each', async () => {
    const em = await emulator()
    const started = Date.now()
    const runs = await Promise.all(
      Array.from({ length: 10 }, (_, job) =>
        runAction({
          inputs: inputs(em),
          event: release,
          env: { GITHUB_JOB: `announce-${job}` }
        })
      )
    )
    const elapsed = Date.now() - started
    expect(runs.map((r) => r.code)).toEqual(Array(10).fill(0))
    expect(em.broadcasts).toHaveLength(10)
    expect(em.requests.filter((r) => r.repeat)).toHaveLength(0)
    expect(new Set(runs.map((r) => r.outputs['msg-seq'])).size).toBe(10)
    expect(new Set(em.broadcasts.map((b) => b.random)).size).toBe(10)
    // No job hammered the limit: each one's own tries are at least a second apart.
    for (const run of runs) {
      const own = em.requests.filter(
        (r) => (JSON.parse(r.body) as { Random: number }).Random === Number(run.outputs.random)
      )
      for (let i = 1; i < own.length; i++) {
        expect((own[i]?.time ?? 0) - (own[i - 1]?.time ?? 0)).toBeGreaterThanOrEqual(1000)
      }
    }
    expect(elapsed).toBeLessThan(40_000) // bounded, not a speed goal: see npm run bench
  }, 60_000)
})

describe('re-runs', () => {
  it('a re-run of the same workflow run is discarded by Tencent as a repeat', async () => {
    const em = await emulator({ apps: [{ ...DEMO_APP, rate: 5 }] })
    const first = await runAction({ inputs: inputs(em), event: release })
    const rerun = await runAction({
      inputs: inputs(em),
      event: release,
      env: { GITHUB_RUN_ATTEMPT: '2' }
    })
    expect([first.code, rerun.code]).toEqual([0, 0])
    expect(rerun.outputs.random).toBe(first.outputs.random)
    expect(rerun.outputs['msg-seq']).toBe(first.outputs['msg-seq'])
    expect(em.broadcasts).toHaveLength(1)
    expect(em.requests.map((r) => r.repeat)).toEqual([false, true])
  })

  it('another workflow run announces again', async () => {
    const em = await emulator({ apps: [{ ...DEMO_APP, rate: 5 }] })
    const first = await runAction({ inputs: inputs(em), event: release })
    const other = await runAction({
      inputs: inputs(em),
      event: release,
      env: { GITHUB_RUN_ID: '9876543211' }
    })
    expect(other.outputs.random).not.toBe(first.outputs.random)
    expect(em.broadcasts).toHaveLength(2)
  })
})

describe('through a proxy (HTTPS_PROXY), to the region’s real domains', () => {
  async function tencentLookalike() {
    const em = await emulator({
      https: true,
      hostnames: ['console.tim.qq.com', 'adminapi.my-imcloud.com']
    })
    const caFile = join(mkdtempSync(join(tmpdir(), 'ca-')), 'ca.pem')
    writeFileSync(caFile, em.certificate ?? '')
    return { em, caFile }
  }
  const regionInputs = {
    'sdk-app-id': String(DEMO_APP.sdkAppId),
    'secret-key': DEMO_APP.key,
    region: 'china'
  }

  it('reaches the primary domain through the proxy', async () => {
    const { em, caFile } = await tencentLookalike()
    const proxy = await startConnectProxy({ 'console.tim.qq.com': em.port })
    try {
      const run = await runAction({
        inputs: regionInputs,
        event: release,
        env: { HTTPS_PROXY: proxy.url, NODE_EXTRA_CA_CERTS: caFile }
      })
      expect(run.code, run.stdout).toBe(0)
      expect(proxy.connects).toEqual(['console.tim.qq.com:443'])
      expect(em.broadcasts).toHaveLength(1)
    } finally {
      await proxy.close()
    }
  })

  it('falls over to the backup domain when the primary fails at the network level', async () => {
    const { em, caFile } = await tencentLookalike()
    const proxy = await startConnectProxy({
      'console.tim.qq.com': 'refuse',
      'adminapi.my-imcloud.com': em.port
    })
    try {
      const run = await runAction({
        inputs: regionInputs,
        event: release,
        env: { https_proxy: proxy.url, NODE_EXTRA_CA_CERTS: caFile }
      })
      expect(run.code, run.stdout).toBe(0)
      expect(proxy.connects).toEqual(['console.tim.qq.com:443', 'adminapi.my-imcloud.com:443'])
      expect(run.stdout).toMatch(
        /Try 1 failed \(tunneling socket could not be established, statusCode=502\); falling over to the backup domain adminapi\.my-imcloud\.com/
      )
      expect(em.broadcasts).toHaveLength(1)
      expect(run.outputs.tries).toBe('2')
    } finally {
      await proxy.close()
    }
  })

  it('reaches a plain-http endpoint through HTTP_PROXY', async () => {
    const em = await emulator()
    const proxy = await startConnectProxy({ 'gateway.octo.example': em.port })
    try {
      const run = await runAction({
        inputs: { ...regionInputs, endpoint: `http://gateway.octo.example:${em.port}` },
        event: release,
        env: { HTTP_PROXY: proxy.url }
      })
      expect(run.code, run.stdout).toBe(0)
      expect(proxy.connects).toEqual([`gateway.octo.example:${em.port}`])
      expect(em.broadcasts).toHaveLength(1)
    } finally {
      await proxy.close()
    }
  })

  it('has no backup for an explicit endpoint', async () => {
    const proxy = await startConnectProxy({})
    try {
      const run = await runAction({
        inputs: { ...regionInputs, endpoint: 'https://gateway.octo.example', retries: '1' },
        event: release,
        env: { HTTPS_PROXY: proxy.url }
      })
      expect(run.code).toBe(1)
      expect(proxy.connects).toEqual(['gateway.octo.example:443', 'gateway.octo.example:443'])
    } finally {
      await proxy.close()
    }
  })
})
