// run() end to end, in-process: every outcome a user can meet, against the emulator on loopback.
// The runner, the toolkit and the clock are replaced (see helpers/run.ts); nothing else is.
import { describe, expect } from 'vitest'
import { fakeCore } from '../__fixtures__/core.js'
import { DEMO_APP, type Emulator, type Fault } from '../emulator/src/index.js'
import { run } from '../src/main.js'
import { emulatorInputs, inProcess as test } from './helpers/emulator.js'
import { payload } from './helpers/events.js'
import { runInProcess } from './helpers/run.js'

const release = payload('release-published')

const custom = (emulator: Emulator, index = 0) => {
  const element = emulator.broadcasts[index]?.msgBody[0] as {
    MsgContent: { Data: string; Desc: string; Ext: string }
  }
  return {
    ...element.MsgContent,
    data: JSON.parse(element.MsgContent.Data) as Record<string, unknown>
  }
}

describe('run', () => {
  test('announces a published release to every live room and outputs its MsgSeq', async ({
    emulator,
    clock
  }) => {
    const { outputs, log, errors, summary } = await runInProcess({
      inputs: emulatorInputs(emulator),
      event: release,
      clock
    })
    expect(errors).toEqual([])
    expect(emulator.broadcasts).toHaveLength(1)
    const [broadcast] = emulator.broadcasts
    for (const messages of Object.values(emulator.rooms())) expect(messages).toEqual([broadcast])
    expect(outputs).toEqual({
      'msg-seq': String(broadcast?.msgSeq),
      random: String(broadcast?.random),
      payload: JSON.stringify({ Random: broadcast?.random, MsgBody: broadcast?.msgBody }),
      truncated: 'false',
      tries: '1',
      status: 'sent',
      'error-code': '',
      'error-info': ''
    })
    expect(custom(emulator)).toMatchObject({
      Desc: 'octo-org/live-app v2.3.0 released',
      Ext: 'release',
      data: {
        v: 1,
        kind: 'release',
        version: 'v2.3.0',
        title: 'v2.3.0 — Co-host mode',
        url: 'https://github.com/octo-org/live-app/releases/tag/v2.3.0',
        text: 'What\'s new\n• Co-host mode: invite a second streamer on stage\n• Gift animations run at 60 fps\n\nFixes\n• Chat no longer scrolls back when a "super fan" badge appears (#412)\n\nFull Changelog: https://github.com/octo-org/live-app/compare/v2.2.1...v2.3.0'
      }
    })
    expect(log).toContain(
      `Broadcasting the release announcement "octo-org/live-app v2.3.0 released" (${Buffer.byteLength(JSON.stringify(broadcast?.msgBody))} bytes) to every live room of SDKAppID 1400000000 via ${new URL(emulator.url).host}`
    )
    expect(log.at(-1)).toBe(`Delivered: MsgSeq 1, Random ${broadcast?.random}, after 1 try.`)
    expect(summary).toMatch(/^## 📣 Tencent Chat broadcast sent\n/)
    // The clock only moves when the action waits, and it did not wait.
    expect(summary).toContain('| Duration | 0.0 s |')
  })

  test('masks the key first, and every UserSig and URL before it is used', async ({
    emulator,
    clock
  }) => {
    const { log } = await runInProcess({ inputs: emulatorInputs(emulator), event: release, clock })
    expect(log[0]).toBe(`::add-mask::${DEMO_APP.key}`)
    const masks = log.filter((line) => line.startsWith('::add-mask::'))
    expect(masks.some((line) => line.includes('/v4/group_open_http_svc/send_broadcast_msg?'))).toBe(
      true
    )
    expect(masks.length).toBeGreaterThanOrEqual(4) // key, UserSig, URL, path and query
  })

  test('a dry run renders and checks, sends nothing, and needs no credential', async ({
    emulator,
    clock
  }) => {
    const { outputs, errors, summary } = await runInProcess({
      inputs: emulatorInputs(emulator, { 'secret-key': '', 'dry-run': 'true' }),
      event: release,
      clock
    })
    expect(errors).toEqual([])
    expect(emulator.requests).toHaveLength(0)
    expect(outputs).toMatchObject({ status: 'dry-run', 'msg-seq': '', tries: '0' })
    expect(summary).toMatch(/^## 🔎 Tencent Chat broadcast: dry run, nothing sent\n/)
  })

  test('sends the very payload the dry run showed', async ({ emulator, clock }) => {
    const dry = await runInProcess({
      inputs: emulatorInputs(emulator, { 'dry-run': 'true' }),
      event: release,
      clock
    })
    const real = await runInProcess({ inputs: emulatorInputs(emulator), event: release, clock })
    expect(real.outputs.payload).toBe(dry.outputs.payload)
    expect(emulator.requests[0]?.body).toBe(dry.outputs.payload)
  })

  test('a refusal fails the step with the code, the info and the remedy', async ({
    emulator,
    clock
  }) => {
    const { outputs, errors, summary } = await runInProcess({
      inputs: emulatorInputs(emulator, { 'secret-key': 'not-the-app-key' }),
      event: release,
      clock
    })
    expect(errors).toEqual([
      '::error::Tencent Chat answered ErrorCode 70009 (UserSig check failed (wrong key or SDKAppID)): usersig check failed: wrong key or sdkappid. Check `secret-key` and `sdk-app-id`: the key must be the one the Tencent Chat console shows for this SDKAppID.'
    ])
    expect(outputs).toMatchObject({ status: 'failed', 'error-code': '70009', tries: '1' })
    expect(emulator.broadcasts).toHaveLength(0)
    expect(summary).toMatch(/^## ❌ Tencent Chat broadcast failed\n/)
  })

  test('with fail-on-error false, a refusal is a warning', async ({ emulator, clock }) => {
    emulator.inject({ kind: 'code', code: 10007, info: 'switch off' })
    const { outputs, log, errors } = await runInProcess({
      inputs: emulatorInputs(emulator, { 'fail-on-error': 'false' }),
      event: release,
      clock
    })
    expect(errors).toEqual([])
    expect(log.at(-1)).toMatch(
      /^::warning::Tencent Chat answered ErrorCode 10007 .*`fail-on-error` is false\.$/
    )
    expect(outputs).toMatchObject({
      status: 'failed',
      'error-code': '10007',
      'error-info': 'switch off'
    })
  })

  test.for<[string, Record<string, string>, string | undefined, RegExp]>([
    [
      'a bad input',
      { region: 'atlantis', endpoint: '' },
      undefined,
      /^::error::Input `region` must be one of/
    ],
    [
      'an unknown placeholder path',
      { data: '{"content":"{{ event.release.tag }}"}' },
      undefined,
      /^::error::Input `data` refers to \{\{ event\.release\.tag \}\}.*tag_name/
    ],
    [
      'a message that cannot fit',
      { data: JSON.stringify({ numbers: Array(600).fill(1) }), 'max-bytes': '1024' },
      undefined,
      /^::error::The announcement needs \d+ bytes even with its free text cut, over the limit of 1024/
    ],
    [
      'an event file that is not JSON',
      {},
      '{"release": ',
      /^::error::The event file GITHUB_EVENT_PATH names is not JSON/
    ]
  ])(
    '%s fails before anything is sent, even with fail-on-error false',
    async ([, extra, eventFile, message], { emulator, clock }) => {
      const core = fakeCore(emulatorInputs(emulator, { 'fail-on-error': 'false', ...extra }))
      let summary = ''
      await run({
        core,
        clock,
        env: { GITHUB_EVENT_NAME: 'release', GITHUB_EVENT_PATH: 'event.json' },
        readFile: () => eventFile ?? JSON.stringify(release),
        writeSummary: (markdown) => (summary += markdown),
        onCrash: () => undefined,
        finished: () => undefined
      })
      const errors = core.log.filter((line) => line.startsWith('::error::'))
      expect(errors).toHaveLength(1)
      expect(errors[0]).toMatch(message)
      expect(emulator.requests).toHaveLength(0)
      expect(core.outputs).toMatchObject({ status: 'failed', tries: '0', 'msg-seq': '' })
      expect(summary).toMatch(/^## ❌ Tencent Chat broadcast failed\n/)
    }
  )

  test('skips a release event that is not `published`, green and with a notice', async ({
    emulator,
    clock
  }) => {
    for (const action of ['created', 'released']) {
      const { outputs, log, errors, summary } = await runInProcess({
        inputs: emulatorInputs(emulator),
        event: { ...release, action },
        clock
      })
      expect(errors).toEqual([])
      expect(outputs).toMatchObject({ status: 'skipped', tries: '0', 'msg-seq': '' })
      expect(log.at(-1)).toMatch(
        /^::notice::Nothing was sent: this release event is `(created|released)`/
      )
      expect(summary).toMatch(/^## ⏭️ Tencent Chat broadcast skipped\n/)
    }
    expect(emulator.requests).toHaveLength(0)
  })

  test('says when it cut the announcement to fit', async ({ emulator, clock }) => {
    const huge = structuredClone(release) as { release: { body: string } }
    huge.release.body = '- A line of release notes with "quotes" and 直播 🎉\n'.repeat(4000)
    const { outputs, log } = await runInProcess({
      inputs: emulatorInputs(emulator),
      event: huge,
      clock
    })
    expect(outputs.truncated).toBe('true')
    expect(log).toContain(
      '::notice::The announcement was cut to fit 12000 bytes; the link to the full text is kept.'
    )
    expect(custom(emulator).data).toMatchObject({ truncated: true, version: 'v2.3.0' })
  })

  test('an unexpected failure is reported as a bug, with outputs and a summary', async ({
    clock
  }) => {
    const core = fakeCore()
    core.getInput.mockImplementation(() => {
      throw new Error('the runner broke')
    })
    let summary = ''
    await run({
      core,
      clock,
      env: {},
      readFile: () => '{}',
      writeSummary: (markdown) => (summary += markdown),
      onCrash: () => undefined,
      finished: () => undefined
    })
    expect(core.log.filter((line) => line.startsWith('::error::'))).toEqual([
      '::error::Unexpected failure: the runner broke Please report this as a bug.'
    ])
    expect(core.outputs).toMatchObject({
      status: 'failed',
      'error-info': 'Unexpected failure: the runner broke'
    })
    expect(summary).toContain('**What to do:** Please report this as a bug.')
  })
})

describe('whatever escapes', () => {
  test('an error thrown where no try can catch it ends the run as a reported failure', async ({
    emulator,
    clock
  }) => {
    const core = fakeCore(emulatorInputs(emulator))
    let summary = ''
    let finished = 0
    await run({
      core,
      clock: { ...clock, sleep: () => new Promise(() => undefined) },
      env: { GITHUB_EVENT_NAME: 'release', GITHUB_EVENT_PATH: 'event.json' },
      readFile: () => JSON.stringify(release),
      writeSummary: (markdown) => (summary += markdown),
      // The runner's process reports an uncaught exception while the pipeline waits.
      onCrash: (handler) => {
        emulator.inject({ kind: 'code', code: 10002 })
        setTimeout(() => {
          handler(new Error('a socket error nobody listened for'))
        }, 50)
      },
      finished: () => finished++
    })
    expect(core.log.filter((line) => line.startsWith('::error::'))).toEqual([
      '::error::Unexpected failure: a socket error nobody listened for Please report this as a bug.'
    ])
    expect(core.outputs).toMatchObject({ status: 'failed' })
    expect(summary).toMatch(/^## ❌ Tencent Chat broadcast failed\n/)
    expect(finished).toBe(1)
  })

  test('a crash after the run is reported changes nothing', async ({ emulator, clock }) => {
    const core = fakeCore(emulatorInputs(emulator))
    let crash: ((error: unknown) => void) | undefined
    await run({
      core,
      clock,
      env: { GITHUB_EVENT_NAME: 'release', GITHUB_EVENT_PATH: 'event.json' },
      readFile: () => JSON.stringify(release),
      writeSummary: () => undefined,
      onCrash: (handler) => (crash = handler),
      finished: () => undefined
    })
    const lines = core.log.length
    crash?.(new Error('late'))
    expect(core.log).toHaveLength(lines)
    expect(core.outputs.status).toBe('sent')
  })
})

describe('each fault still lands exactly once, with one body', () => {
  // The Enterprise rate: a retry after a message that went through is not refused for the rate.
  test.override('emulatorOptions', ({ clock }) => ({
    now: clock.now,
    apps: [{ ...DEMO_APP, rate: 5 }]
  }))

  test.for<[string, Fault, number, Record<string, string>?]>([
    ['an internal error (10002), twice', { kind: 'code', code: 10002 }, 2],
    ['a server timeout code (70169)', { kind: 'code', code: 70169 }, 1],
    ['a busy REST layer (60008)', { kind: 'code', code: 60008 }, 1],
    ['HTTP 502, twice', { kind: 'http', status: 502 }, 2],
    ['HTTP 503 after the message went through', { kind: 'http', status: 503, processed: true }, 1],
    ['HTTP 429', { kind: 'http', status: 429 }, 1],
    ['a frequency limit (10023), three times', { kind: 'code', code: 10023 }, 3],
    ['a connection reset', { kind: 'reset' }, 1],
    ['a reset after the message went through', { kind: 'reset', processed: true }, 1],
    ['a 200 that is not JSON', { kind: 'not-json' }, 1],
    ['an answer cut off after the message went through', { kind: 'cut', processed: true }, 1],
    [
      'an answer that contradicts itself',
      { kind: 'answer', answer: { ActionStatus: 'FAIL', ErrorCode: 0 } },
      1
    ],
    ['a 200 that is not JSON, after delivery', { kind: 'not-json', processed: true }, 1],
    ['an expired UserSig (70001), signed again', { kind: 'code', code: 70001 }, 1],
    ['an invalidated UserSig (70052), signed again', { kind: 'code', code: 70052 }, 1]
  ])('%s', async ([, fault, times, extra = {}], { emulator, clock }) => {
    emulator.inject(fault, times)
    const { outputs, errors, summary } = await runInProcess({
      inputs: emulatorInputs(emulator, { retries: '3', ...extra }),
      event: release,
      clock
    })
    expect(errors).toEqual([])
    expect(emulator.broadcasts).toHaveLength(1)
    expect(outputs['msg-seq']).toBe(String(emulator.broadcasts[0]?.msgSeq))
    expect(emulator.requests).toHaveLength(times + 1)
    expect(outputs.tries).toBe(String(times + 1))
    expect(new Set(emulator.requests.map((r) => r.body))).toEqual(new Set([outputs.payload]))
    const queryRandoms = emulator.requests.map((r) => r.query.random)
    expect(new Set(queryRandoms).size).toBe(queryRandoms.length)
    // The summary's duration counts the waits between the tries.
    const waited = clock.slept.reduce((sum, ms) => sum + ms, 0)
    expect(summary).toContain(`| Duration | ${(waited / 1000).toFixed(1)} s |`)
  })
})

describe('re-runs', () => {
  test('a re-run of the same workflow run is discarded by Tencent as a repeat', async ({
    emulator,
    clock
  }) => {
    const first = await runInProcess({ inputs: emulatorInputs(emulator), event: release, clock })
    await clock.sleep(2000)
    const rerun = await runInProcess({
      inputs: emulatorInputs(emulator),
      event: release,
      env: { GITHUB_RUN_ATTEMPT: '2' },
      clock
    })
    expect(rerun.outputs.random).toBe(first.outputs.random)
    expect(rerun.outputs['msg-seq']).toBe(first.outputs['msg-seq'])
    expect(emulator.broadcasts).toHaveLength(1)
    expect(emulator.requests.map((r) => r.repeat)).toEqual([false, true])
  })

  test('another workflow run announces again', async ({ emulator, clock }) => {
    const first = await runInProcess({ inputs: emulatorInputs(emulator), event: release, clock })
    await clock.sleep(2000)
    const other = await runInProcess({
      inputs: emulatorInputs(emulator),
      event: release,
      env: { GITHUB_RUN_ID: '9876543211' },
      clock
    })
    expect(other.outputs.random).not.toBe(first.outputs.random)
    expect(emulator.broadcasts).toHaveLength(2)
  })
})

describe('secrets', () => {
  test.for<[string, Record<string, string>, Fault?]>([
    ['a delivered broadcast', {}],
    ['a refused key', { 'secret-key': 'wrong-key-but-still-secret' }],
    ['a refused user-sig', { 'secret-key': '', 'user-sig': 'eJyrVspLzE1VslIqSS0uUaoFADFHBf0_' }],
    ['an unreachable endpoint', { endpoint: 'http://127.0.0.1:9', retries: '1' }],
    ['a bad input beside a key', { region: 'atlantis', endpoint: '' }],
    ['a connection reset', { retries: '0' }, { kind: 'reset' }],
    ['an HTTP 502', { retries: '0' }, { kind: 'http', status: 502 }],
    ['an answer that is not JSON', { retries: '0' }, { kind: 'not-json' }],
    ['a UserSig signed again after 70001', {}, { kind: 'code', code: 70001 }],
    ['an unlisted error code', {}, { kind: 'code', code: 12345 }]
  ])(
    'never appear in what it prints, the summary or the outputs: %s',
    async ([, extra, fault], { emulator, clock }) => {
      if (fault) emulator.inject(fault)
      const given = emulatorInputs(emulator, extra)
      const { log, summary, outputs } = await runInProcess({ inputs: given, event: release, clock })
      const masks = log
        .filter((line) => line.startsWith('::add-mask::'))
        .map((line) => line.slice(12))
      const credentials = [given['secret-key'], given['user-sig']].filter(
        (v) => v !== undefined && v !== ''
      )
      for (const credential of credentials) expect(masks).toContain(credential)
      expect(log.some((line) => line.startsWith('::debug::'))).toBe(true)
      const printed = [
        ...log.filter((line) => !line.startsWith('::add-mask::')),
        summary,
        ...Object.values(outputs)
      ]
      for (const secret of masks) for (const text of printed) expect(text).not.toContain(secret)
    }
  )
})
