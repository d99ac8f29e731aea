// Delivery under real time and real processes: jobs racing for the frequency limit, and proxies
// as runners configure them. The in-process tests (main.test.ts) cover each fault on its own.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect } from 'vitest'
import { DEMO_APP, type Emulator } from '../emulator/src/index.js'
import { runBundle } from './helpers/action.js'
import { startConnectProxy } from './helpers/connect-proxy.js'
import { emulatorInputs as inputs, test } from './helpers/emulator.js'
import { payload } from './helpers/events.js'

const release = payload('release-published')

describe('the frequency limit', () => {
  test('spaces tries after 10023 by at least a second', async ({ emulator: em }) => {
    em.inject({ kind: 'code', code: 10023 }, 3)
    const run = await runBundle({ inputs: inputs(em, { retries: '1' }), event: release })
    expect(run.code).toBe(0)
    expect(em.requests).toHaveLength(4)
    const times = em.requests.map((r) => r.time)
    for (let i = 1; i < times.length; i++) {
      expect((times[i] ?? 0) - (times[i - 1] ?? 0)).toBeGreaterThanOrEqual(1000)
    }
  })

  test('lets ten jobs announcing at once against 1 call/s all land, once each', async ({
    emulator: em
  }) => {
    const runs = await Promise.all(
      Array.from({ length: 10 }, (_, job) =>
        runBundle({
          inputs: inputs(em),
          event: release,
          env: { GITHUB_JOB: `announce-${job}` }
        })
      )
    )
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
  }, 60_000)
})

describe('through a proxy (HTTPS_PROXY), to the region’s real domains', () => {
  // An HTTPS emulator whose certificate also names Tencent's China domains; the proxy, not DNS,
  // decides where each name goes.
  test.override({
    emulatorOptions: { https: true, hostnames: ['console.tim.qq.com', 'adminapi.my-imcloud.com'] }
  })
  const trust = (em: Emulator) => {
    const caFile = join(mkdtempSync(join(tmpdir(), 'ca-')), 'ca.pem')
    writeFileSync(caFile, em.certificate ?? '')
    return caFile
  }
  const regionInputs = {
    'sdk-app-id': String(DEMO_APP.sdkAppId),
    'secret-key': DEMO_APP.key,
    region: 'china'
  }

  test('reaches the primary domain through the proxy', async ({ emulator: em }) => {
    const proxy = await startConnectProxy({ 'console.tim.qq.com': em.port })
    try {
      const run = await runBundle({
        inputs: regionInputs,
        event: release,
        env: { HTTPS_PROXY: proxy.url, NODE_EXTRA_CA_CERTS: trust(em) }
      })
      expect(run.code, run.stdout).toBe(0)
      expect(proxy.connects).toEqual(['console.tim.qq.com:443'])
      expect(em.broadcasts).toHaveLength(1)
    } finally {
      await proxy.close()
    }
  })

  test('falls over to the backup domain when the primary fails at the network level', async ({
    emulator: em
  }) => {
    const proxy = await startConnectProxy({
      'console.tim.qq.com': 'refuse',
      'adminapi.my-imcloud.com': em.port
    })
    try {
      const run = await runBundle({
        inputs: regionInputs,
        event: release,
        env: { https_proxy: proxy.url, NODE_EXTRA_CA_CERTS: trust(em) }
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

  test('has no backup for an explicit endpoint', async () => {
    const proxy = await startConnectProxy({})
    try {
      const run = await runBundle({
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

test('reaches a plain-http endpoint through HTTP_PROXY', async ({ emulator: em }) => {
  const proxy = await startConnectProxy({ 'gateway.octo.example': em.port })
  try {
    const run = await runBundle({
      inputs: inputs(em, { endpoint: `http://gateway.octo.example:${em.port}` }),
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
