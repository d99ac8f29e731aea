// Servers and proxies that misbehave, on loopback, against the action run as the runner runs it:
// every try ends at its deadline whatever phase it is in, the process ends, and every answer is
// read safely.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect } from 'vitest'
import { DEMO_APP, startEmulator, type Emulator, type Fault } from '../emulator/src/index.js'
import { errorLines, runBundle } from './helpers/action.js'
import { runtimes } from './helpers/action-process.mjs'
import { startConnectProxy } from './helpers/connect-proxy.js'
import { emulatorInputs, test } from './helpers/emulator.js'
import { payload } from './helpers/events.js'
import { ownCommandsOnly } from './helpers/runner-commands.js'

const release = payload('release-published')

function trust(em: Emulator): string {
  const caFile = join(mkdtempSync(join(tmpdir(), 'ca-')), 'ca.pem')
  writeFileSync(caFile, em.certificate ?? '')
  return caFile
}

/** Runs the action and how long its process lived, in ms. */
async function timed(options: Parameters<typeof runBundle>[0]) {
  const started = Date.now()
  const run = await runBundle(options)
  return { run, ms: Date.now() - started }
}

// Two tries of one second each and a back-off of at most half a second: a process that ends
// within five seconds kept its deadlines; one that did not would run until the test times out.
const ONE_SECOND_TWO_TRIES = { 'timeout-seconds': '1', retries: '1' }
const IN_TIME_MS = 5000

describe('every try ends at its deadline, whatever phase it is in', () => {
  test.for<[string, Fault, string]>([
    ['headers a byte every half second', { kind: 'slow-headers' }, 'waiting for the answer'],
    ['a body that trickles a space every half second', { kind: 'trickle' }, 'reading the answer']
  ])('%s', async ([, fault, phase], { emulator }) => {
    emulator.inject(fault, 2)
    const { run, ms } = await timed({
      inputs: emulatorInputs(emulator, ONE_SECOND_TWO_TRIES),
      event: release
    })
    expect(ms).toBeLessThan(IN_TIME_MS)
    expect(run.code).toBe(1)
    expect(errorLines(run.stdout)).toEqual([
      `::error::Tencent Chat was not reached, or its answer was lost: no answer within 1 s (${phase}). Gave up after 2 tries: its one retry was used. Check \`region\`, \`endpoint\` and the runner's network or proxy.`
    ])
    expect(run.outputs).toMatchObject({ status: 'failed', tries: '2' })
  })

  test('a TLS handshake that never completes', async () => {
    const secure = await startEmulator({ https: true })
    try {
      secure.inject({ kind: 'stall' }, 2)
      const { run, ms } = await timed({
        inputs: emulatorInputs(secure, ONE_SECOND_TWO_TRIES),
        event: release,
        env: { NODE_EXTRA_CA_CERTS: trust(secure) }
      })
      expect(ms).toBeLessThan(IN_TIME_MS)
      expect(errorLines(run.stdout)[0]).toMatch(/no answer within 1 s \(the TLS handshake\)/)
      expect(secure.requests).toHaveLength(0)
    } finally {
      await secure.close()
    }
  })

  test('a proxy that accepts and never answers CONNECT', async ({ emulator }) => {
    const proxy = await startConnectProxy({ 'gateway.octo.example': 'silent' })
    try {
      const { run, ms } = await timed({
        inputs: emulatorInputs(emulator, {
          ...ONE_SECOND_TWO_TRIES,
          endpoint: 'http://gateway.octo.example:8080'
        }),
        event: release,
        env: { HTTP_PROXY: proxy.url }
      })
      // The unanswered CONNECTs are still open when the step is reported: it ends anyway.
      expect(ms).toBeLessThan(IN_TIME_MS + 1000)
      expect(errorLines(run.stdout)[0]).toMatch(/no answer within 1 s \(connecting\)/)
      expect(proxy.connects).toHaveLength(2)
    } finally {
      await proxy.close()
    }
  })
})

describe('a try that times out is tried again with the same body, and lands once', () => {
  // In-process tests would wait out the same real seconds for every mutant; here they run once.
  test.override({ emulatorOptions: { apps: [{ ...DEMO_APP, rate: 5 }] } })

  test.for<[string, Fault]>([
    ['a request never answered', { kind: 'hang' }],
    ['an answer lost after the message went through', { kind: 'hang', processed: true }],
    ['an answer slower than the timeout', { kind: 'latency', ms: 1800 }]
  ])('%s', async ([, fault], { emulator: em }) => {
    em.inject(fault)
    const run = await runBundle({
      inputs: emulatorInputs(em, { 'timeout-seconds': '1' }),
      event: release
    })
    expect(run.code, run.stdout).toBe(0)
    expect(em.broadcasts).toHaveLength(1)
    expect(em.requests).toHaveLength(2)
    expect(new Set(em.requests.map((r) => r.body)).size).toBe(1)
    expect(run.outputs).toMatchObject({ status: 'sent', tries: '2' })
    expect(run.stdout).toMatch(
      /^Try 1 failed \(no answer within 1 s \((waiting for|reading) the answer\)\); trying again/m
    )
  })
})

describe('every outcome is reported', () => {
  // The Enterprise rate: the retry after a processed message is not refused for the rate.
  test.override({ emulatorOptions: { apps: [{ ...DEMO_APP, rate: 5 }] } })

  test('an answer cut off after the message went through: retried, and it lands once', async ({
    emulator
  }) => {
    emulator.inject({ kind: 'cut', processed: true })
    const run = await runBundle({ inputs: emulatorInputs(emulator), event: release })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({ status: 'sent', tries: '2' })
    expect(emulator.broadcasts).toHaveLength(1)
    expect(emulator.requests.map((r) => r.repeat)).toEqual([false, true])
    expect(run.outputs['msg-seq']).toBe(String(emulator.broadcasts[0]?.msgSeq))
  })

  test('the same, under fail-on-error false, when no try is left: a warning and outputs', async ({
    emulator
  }) => {
    emulator.inject({ kind: 'cut' }, 2)
    const run = await runBundle({
      inputs: emulatorInputs(emulator, { retries: '1', 'fail-on-error': 'false' }),
      event: release
    })
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(
      /^::warning::Tencent Chat was not reached, or its answer was lost: /m
    )
    expect(run.outputs).toMatchObject({ status: 'failed', tries: '2', 'error-code': '' })
    expect(run.summary).toMatch(/^## ❌ Tencent Chat broadcast failed\n/)
  })
})

describe('answers are read safely', () => {
  describe.each(runtimes().map((r) => [r.label, r] as const))('under %s', (_label, node) => {
    test('what a server or an event writes starts no workflow command', async ({ emulator }) => {
      const hostile =
        'busy ##[stop-commands]t0k3n\n::warning::injected\r\n\u200b::STOP-COMMANDS::t0k3n #\u00ad#[add-mask]x'
      emulator.inject({
        kind: 'answer',
        answer: { ActionStatus: 'FAIL', ErrorCode: 10002, ErrorInfo: hostile }
      })
      emulator.inject({
        kind: 'answer',
        answer: { ActionStatus: 'FAIL', ErrorCode: 10004, ErrorInfo: hostile }
      })
      const event = {
        ...release,
        release: {
          ...(release.release as object),
          tag_name: 'v2.3.0##[stop-commands]t0k3n',
          name: hostile,
          body: hostile
        }
      }
      const run = await runBundle({
        inputs: emulatorInputs(emulator),
        event,
        env: { ACTIONS_STEP_DEBUG: 'true' },
        node: node.binary
      })
      // The runner's own reading of the output: only what the action wrote, in both syntaxes.
      const commands = ownCommandsOnly(run.stdout)
      expect(commands.filter(({ name }) => name === 'error')).toHaveLength(1)
      const lines = run.stdout.split('\n')
      const firstOutside = lines.findIndex((line) => line.includes('t0k3n'))
      expect(firstOutside).toBeGreaterThan(0)
      expect(lines.findLastIndex((line) => line.startsWith('::add-mask::'))).toBeLessThan(
        firstOutside
      )
      expect(run.stdout).toContain(
        'Try 1 failed (busy #\\u0023[stop-commands]t0k3n\\n::warning::injected\\r\\n\\u200b::STOP-COMMANDS::t0k3n #\\u00ad#[add-mask]x); trying again in'
      )
    })
  })

  test('a redirect to another host is not followed, and says which', async ({ emulator }) => {
    const elsewhere = await startEmulator()
    try {
      emulator.inject({ kind: 'redirect', status: 302, location: `${elsewhere.url}/v4/x` })
      const run = await runBundle({ inputs: emulatorInputs(emulator), event: release })
      expect(run.code).toBe(1)
      expect(elsewhere.requests).toHaveLength(0)
      expect(errorLines(run.stdout)).toEqual([
        `::error::The endpoint answered HTTP 302, a redirect to ${new URL(elsewhere.url).host}; the action does not follow redirects. Set \`endpoint\` to the final URL: following a redirect would send the UserSig to another host.`
      ])
      expect(run.outputs).toMatchObject({ tries: '1', status: 'failed' })
    } finally {
      await elsewhere.close()
    }
  })

  test('an answer of success without a MsgSeq is not counted as sent', async ({ emulator }) => {
    emulator.inject({ kind: 'answer', answer: { ActionStatus: 'OK', ErrorCode: 0 } }, 2)
    const run = await runBundle({ inputs: emulatorInputs(emulator), event: release })
    expect(run.code).toBe(1)
    expect(run.outputs).toMatchObject({ status: 'failed', 'msg-seq': '', tries: '2' })
    expect(errorLines(run.stdout)[0]).toMatch(
      /contradictory answer \(an answer of success with no MsgSeq\)\. Gave up after 2 tries: a second answer contradicted itself too\./
    )
  })
})

describe('permanent transport errors fail at once, with their remedy', () => {
  test('a certificate the runner does not trust', async () => {
    const secure = await startEmulator({ https: true })
    try {
      const run = await runBundle({ inputs: emulatorInputs(secure), event: release })
      expect(run.code).toBe(1)
      expect(run.outputs.tries).toBe('1')
      expect(errorLines(run.stdout)[0]).toMatch(
        /^::error::The server's TLS certificate is not trusted: .*NODE_EXTRA_CA_CERTS/
      )
    } finally {
      await secure.close()
    }
  })

  test('a proxy that answers CONNECT with 407', async ({ emulator }) => {
    const proxy = await startConnectProxy({ 'gateway.octo.example': { status: 407 } })
    try {
      const run = await runBundle({
        inputs: emulatorInputs(emulator, { endpoint: 'http://gateway.octo.example:8080' }),
        event: release,
        env: { HTTP_PROXY: proxy.url }
      })
      expect(run.code).toBe(1)
      expect(proxy.connects).toHaveLength(1)
      expect(errorLines(run.stdout)[0]).toMatch(
        /^::error::The proxy refused to open a tunnel: .*statusCode=407\. Check the proxy credentials/
      )
    } finally {
      await proxy.close()
    }
  })
})

test('an IPv6 literal endpoint works', async () => {
  const v6 = await startEmulator({ host: '::1' })
  try {
    const run = await runBundle({ inputs: emulatorInputs(v6), event: release })
    expect(run.code, run.stdout).toBe(0)
    expect(v6.broadcasts).toHaveLength(1)
  } finally {
    await v6.close()
  }
})

test('frequency limits are waited out with retries 0', async ({ emulator }) => {
  emulator.inject({ kind: 'code', code: 10023 }, 2)
  const run = await runBundle({
    inputs: emulatorInputs(emulator, { retries: '0' }),
    event: release
  })
  expect(run.code).toBe(0)
  expect(run.outputs).toMatchObject({ status: 'sent', tries: '3' })
})
