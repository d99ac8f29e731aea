// run() end to end, in-process: every outcome a user can meet, against the emulator on loopback.
// The runner, the toolkit and the clock are replaced (see helpers/run.ts); nothing else is.
import { Api } from 'tls-sig-api-v2'
import { describe, expect } from 'vitest'
import { fakeCore } from '../__fixtures__/core.js'
import { DEMO_APP, startEmulator, type Emulator, type Fault } from '../emulator/src/index.js'
import { run } from '../src/main.js'
import { emulatorInputs, inProcess as test } from './helpers/emulator.js'
import { payload } from './helpers/events.js'
import { runInProcess } from './helpers/run.js'
import { ownCommandsOnly } from './helpers/runner-commands.js'

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
      'error-info': '',
      results: '[]'
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
    // Nothing was cut, so nothing says so.
    expect(log.filter((line) => line.startsWith('::notice::'))).toEqual([])
    expect(summary).toMatch(/^## 📣 Tencent Chat broadcast sent\n/)
    // The clock only moves when the action waits, and it did not wait.
    expect(summary).toContain('<tr><th align="left">Duration</th><td>0.0 s</td></tr>')
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
    // Credentials given, and still nothing sent.
    expect(emulator.requests).toHaveLength(0)
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
    expect(summary).toContain(
      `<tr><th align="left">Duration</th><td>${(waited / 1000).toFixed(1)} s</td></tr>`
    )
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

describe('a ready UserSig', () => {
  test('refused as expired: it cannot be signed again, so the step stops at once', async ({
    emulator,
    clock
  }) => {
    emulator.inject({ kind: 'code', code: 70001 }, 3)
    const { outputs } = await runInProcess({
      inputs: emulatorInputs(emulator, {
        'secret-key': '',
        'user-sig': new Api(DEMO_APP.sdkAppId, DEMO_APP.key).genUserSig(DEMO_APP.admin, 300)
      }),
      event: release,
      clock
    })
    expect(outputs).toMatchObject({ status: 'failed', 'error-code': '70001', tries: '1' })
  })
})

describe('target: groups', () => {
  const groupsOf = (emulator: Emulator) => emulator.groups()

  test('sends one message to each group, each with its own Random, and reports each', async ({
    emulator,
    clock
  }) => {
    const { outputs, errors, log, summary } = await runInProcess({
      inputs: emulatorInputs(emulator, {
        target: 'groups',
        'group-ids': '@TGS#aLiveRoomA, community-lounge\n@TGS#aLiveRoomA'
      }),
      event: release,
      clock
    })
    expect(errors).toEqual([])
    const {
      '@TGS#aLiveRoomA': a = [],
      'community-lounge': lounge = [],
      '@TGS#aLiveRoomB': b = []
    } = groupsOf(emulator)
    expect([a.length, lounge.length, b.length]).toEqual([1, 1, 0])
    expect(emulator.broadcasts).toEqual([])
    expect(a[0]?.random).not.toBe(lounge[0]?.random)
    expect(a[0]).toMatchObject({ priority: 'High', msgSeq: 1, groupId: '@TGS#aLiveRoomA' })
    expect(JSON.parse(outputs.results ?? '')).toEqual([
      {
        group_id: '@TGS#aLiveRoomA',
        status: 'sent',
        msg_seq: 1,
        error_code: null,
        error_info: '',
        tries: 1
      },
      {
        group_id: 'community-lounge',
        status: 'sent',
        msg_seq: 1,
        error_code: null,
        error_info: '',
        tries: 1
      }
    ])
    expect(outputs).toMatchObject({ status: 'sent', 'msg-seq': '', random: '', tries: '2' })
    const body = JSON.parse(outputs.payload ?? '') as Record<string, unknown>
    expect(Object.keys(body)).toEqual(['GroupId', 'Random', 'MsgPriority', 'MsgBody'])
    expect(body).toMatchObject({
      GroupId: '@TGS#aLiveRoomA',
      Random: a[0]?.random,
      MsgPriority: 'High'
    })
    const bytes = Buffer.byteLength(JSON.stringify(a[0]?.msgBody))
    expect(log).toContain(
      `Announcing the release announcement "octo-org/live-app v2.3.0 released" (${bytes} bytes) to 2 groups of SDKAppID 1400000000 via ${new URL(emulator.url).host}`
    )
    expect(log.at(-1)).toBe(
      "Delivered to 2 groups (each one's MsgSeq is in `results`), after 2 requests."
    )
    expect(summary).toContain('### Groups: 2 of 2 sent')
    expect(summary).toContain(
      '<tr><td><code>@TGS#aLiveRoomA</code></td><td>✅ sent</td><td>1</td><td></td><td>1</td></tr>'
    )
  })

  test('outputs the MsgSeq of the one group targeted', async ({ emulator, clock }) => {
    const { outputs, log } = await runInProcess({
      inputs: emulatorInputs(emulator, {
        target: 'groups',
        'group-ids': 'community-lounge',
        priority: 'Low'
      }),
      event: release,
      clock
    })
    expect(outputs).toMatchObject({ status: 'sent', 'msg-seq': '1' })
    expect(groupsOf(emulator)['community-lounge']?.[0]?.priority).toBe('Low')
    expect(log.find((line) => line.startsWith('Announcing'))).toMatch(
      / bytes\) to 1 group of SDKAppID 1400000000 via /
    )
  })

  test('reports a partial failure, naming each failed group with its code and remedy', async ({
    emulator,
    clock
  }) => {
    emulator.inject({ group: '@TGS#aLiveRoomB', kind: 'code', code: 10017, info: 'muted' })
    const { outputs, errors, summary } = await runInProcess({
      inputs: emulatorInputs(emulator, {
        target: 'groups',
        'group-ids': '@TGS#aLiveRoomA,@TGS#aLiveRoomB,@TGS#gone'
      }),
      event: release,
      clock
    })
    expect(outputs).toMatchObject({
      status: 'partial',
      'error-code': '10017',
      'error-info': 'muted'
    })
    expect(errors).toEqual([
      '::error::Delivered to 1 of 3 groups; 2 failed. @TGS#aLiveRoomB: Tencent Chat answered ErrorCode 10017 (the sender is muted in the group): muted. @TGS#gone: Tencent Chat answered ErrorCode 10010 (the group does not exist or was disbanded): the group does not exist or was disbanded. Unmute `from-account` (or the admin) in the group, or send as another account. Remove the group from `group-ids`: it is gone.'
    ])
    const results = JSON.parse(outputs.results ?? '') as {
      status: string
      error_code: number | null
    }[]
    expect(results.map((r) => [r.status, r.error_code])).toEqual([
      ['sent', null],
      ['failed', 10017],
      ['failed', 10010]
    ])
    expect(summary).toMatch(/^## ⚠️ Tencent Chat broadcast: some groups failed\n/)
    expect(summary).toContain(
      '<tr><td><code>@TGS#gone</code></td><td>❌ failed</td><td></td><td><code>10010 the group does not exist or was disbanded</code></td><td>1</td></tr>'
    )
  })

  test('a partial failure under fail-on-error false is a warning', async ({ emulator, clock }) => {
    const { outputs, errors, log } = await runInProcess({
      inputs: emulatorInputs(emulator, {
        target: 'groups',
        'group-ids': '@TGS#aLiveRoomA,@TGS#gone',
        'fail-on-error': 'false'
      }),
      event: release,
      clock
    })
    expect(errors).toEqual([])
    expect(outputs.status).toBe('partial')
    expect(log.at(-1)).toMatch(
      /^::warning::Delivered to 1 of 2 groups; 1 failed\. .*`fail-on-error` is false\.$/
    )
  })

  test('every group failing is a failure', async ({ emulator, clock }) => {
    const { outputs, errors } = await runInProcess({
      inputs: emulatorInputs(emulator, { target: 'groups', 'group-ids': '@TGS#gone' }),
      event: release,
      clock
    })
    expect(outputs).toMatchObject({ status: 'failed', 'msg-seq': '', 'error-code': '10010' })
    expect(errors).toHaveLength(1)
  })

  test('names the first twenty failed groups, and counts the rest', async ({ emulator, clock }) => {
    const ids = Array.from({ length: 23 }, (_, i) => `@TGS#gone${i}`)
    const { errors } = await runInProcess({
      inputs: emulatorInputs(emulator, { target: 'groups', 'group-ids': ids.join(',') }),
      event: release,
      clock
    })
    expect(errors[0]).toContain('@TGS#gone19: ')
    expect(errors[0]).not.toContain('@TGS#gone20: ')
    expect(errors[0]).toContain('And 3 more (see the `results` output).')
    // One remedy for one kind of failure, however many groups met it.
    expect(errors[0]?.split('Remove the group from `group-ids`').length).toBe(2)
  })

  test('retries one group with its own body: an answer cut off there still lands once', async ({
    emulator,
    clock
  }) => {
    emulator.inject({ group: '@TGS#aLiveRoomB', kind: 'cut', processed: true })
    const { outputs } = await runInProcess({
      inputs: emulatorInputs(emulator, {
        target: 'groups',
        'group-ids': '@TGS#aLiveRoomA,@TGS#aLiveRoomB'
      }),
      event: release,
      clock
    })
    expect(outputs.status).toBe('sent')
    expect(groupsOf(emulator)['@TGS#aLiveRoomB']).toHaveLength(1)
    const tries = emulator.requests.filter((r) => r.groupId === '@TGS#aLiveRoomB')
    expect(tries.map((r) => r.repeat)).toEqual([false, true])
    expect(new Set(tries.map((r) => r.body)).size).toBe(1)
  })

  test('a re-run of the same run repeats every group’s Random: no room hears it twice', async ({
    emulator,
    clock
  }) => {
    const inputs = emulatorInputs(emulator, {
      target: 'groups',
      'group-ids': '@TGS#aLiveRoomA,@TGS#aLiveRoomB'
    })
    const first = await runInProcess({ inputs, event: release, clock })
    await clock.sleep(2000)
    const rerun = await runInProcess({
      inputs,
      event: release,
      clock,
      env: { GITHUB_RUN_ATTEMPT: '2' }
    })
    expect(rerun.outputs.results).toBe(first.outputs.results)
    expect(emulator.groupMessages).toHaveLength(2)
    expect(emulator.requests.map((r) => r.repeat)).toEqual([false, false, true, true])
  })

  test('a dry run names the groups, shows the first one’s body, and sends nothing', async ({
    emulator,
    clock
  }) => {
    const { outputs, log } = await runInProcess({
      inputs: emulatorInputs(emulator, {
        target: 'groups',
        'group-ids': 'g1,g2',
        'dry-run': 'true'
      }),
      event: release,
      clock
    })
    expect(emulator.requests).toHaveLength(0)
    expect(outputs).toMatchObject({ status: 'dry-run', results: '[]', random: '' })
    expect(JSON.parse(outputs.payload ?? '')).toMatchObject({ GroupId: 'g1', MsgPriority: 'High' })
    expect(log).toContain(
      `Dry run: the release announcement "octo-org/live-app v2.3.0 released" (${Buffer.byteLength(JSON.stringify((JSON.parse(outputs.payload ?? '') as { MsgBody: unknown }).MsgBody))} bytes) was rendered and checked for the groups g1, g2 (the body of the first is shown; each group has its own Random); nothing was sent.`
    )
  })
})

describe('target: live-rooms', () => {
  test('lists every live room, and only those, then sends to each', async ({ emulator, clock }) => {
    const { outputs, errors, log } = await runInProcess({
      inputs: emulatorInputs(emulator, { target: 'live-rooms' }),
      event: release,
      clock
    })
    expect(errors).toEqual([])
    const groups = emulator.groups()
    expect(Object.entries(groups).map(([id, messages]) => [id, messages.length])).toEqual([
      ['@TGS#aLiveRoomA', 1],
      ['@TGS#aLiveRoomB', 1],
      ['@TGS#aLiveRoomC', 1],
      ['community-lounge', 0]
    ])
    expect(JSON.parse(outputs.results ?? '')).toHaveLength(3)
    expect(outputs).toMatchObject({ status: 'sent', tries: '4' })
    expect(log).toContain('Found 3 live rooms in 1 call.')
    expect(log.find((line) => line.startsWith('Announcing'))).toMatch(
      / bytes\) to every live room \(AVChatRoom\) of SDKAppID 1400000000 via /
    )
    const list = emulator.requests[0]
    expect(list?.path).toBe('/v4/group_open_http_svc/get_appid_group_list')
    expect(list?.body).toBe('{"Limit":10000,"Next":0,"GroupType":"AVChatRoom"}')
  })
})

describe('target: live-rooms, more than one page', () => {
  test.override('emulatorOptions', ({ clock }) => ({
    now: clock.now,
    apps: [
      {
        ...DEMO_APP,
        pageSize: 10,
        groups: Array.from({ length: 25 }, (_, i) => ({
          id: `room-${i}`,
          type: 'AVChatRoom' as const
        }))
      }
    ]
  }))

  test('follows Next page by page, exactly, cursors above 2^53 included, a second apart', async ({
    emulator,
    clock
  }) => {
    const { outputs } = await runInProcess({
      inputs: emulatorInputs(emulator, { target: 'live-rooms' }),
      event: release,
      clock
    })
    expect(outputs.status).toBe('sent')
    expect(Object.values(emulator.rooms()).every((messages) => messages.length === 1)).toBe(true)
    const lists = emulator.requests.filter((r) => r.path.endsWith('get_appid_group_list'))
    const cursors = lists.map((r) => /"Next":(\d+)/.exec(r.body)?.[1])
    // The emulator hands out 2^60 + 3 + 7 × offset: above 2^53, where a JavaScript number
    // would have rounded them, so they must have come back digit for digit.
    expect(cursors).toEqual(['0', '1152921504606847049', '1152921504606847119'])
    expect(lists.every((r) => r.code === 0)).toBe(true)
    const times = lists.map((r) => r.time)
    for (let i = 1; i < times.length; i++)
      expect((times[i] ?? 0) - (times[i - 1] ?? 0)).toBeGreaterThanOrEqual(1000)
  })
})

describe('target: live-rooms, what the list says', () => {
  test('a group listed twice is sent once', async ({ emulator, clock }) => {
    emulator.inject({
      api: 'get_appid_group_list',
      kind: 'answer',
      answer: {
        ActionStatus: 'OK',
        ErrorCode: 0,
        ErrorInfo: '',
        GroupIdList: [{ GroupId: '@TGS#aLiveRoomA' }, { GroupId: '@TGS#aLiveRoomA' }],
        Next: 0
      }
    })
    const { outputs } = await runInProcess({
      inputs: emulatorInputs(emulator, { target: 'live-rooms' }),
      event: release,
      clock
    })
    expect(JSON.parse(outputs.results ?? '')).toHaveLength(1)
    expect(emulator.groupMessages).toHaveLength(1)
  })

  test('no live room at all: nothing to send, and it says so', async ({ emulator, clock }) => {
    emulator.inject({
      api: 'get_appid_group_list',
      kind: 'answer',
      answer: { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '', GroupIdList: [], Next: 0 }
    })
    const { outputs, log, errors } = await runInProcess({
      inputs: emulatorInputs(emulator, { target: 'live-rooms' }),
      event: release,
      clock
    })
    expect(errors).toEqual([])
    expect(outputs.status).toBe('skipped')
    expect(log.at(-1)).toBe(
      '::notice::Nothing was sent: the app has no live room (AVChatRoom) to announce to.'
    )
  })

  test('a list that cannot be read sends nothing, and fails naming why', async ({
    emulator,
    clock
  }) => {
    emulator.inject({
      api: 'get_appid_group_list',
      kind: 'code',
      code: 10007,
      info: 'not the admin'
    })
    const { outputs, errors } = await runInProcess({
      inputs: emulatorInputs(emulator, { target: 'live-rooms' }),
      event: release,
      clock
    })
    expect(emulator.groupMessages).toHaveLength(0)
    expect(outputs).toMatchObject({
      status: 'failed',
      'error-code': '10007',
      tries: '1',
      results: '[]'
    })
    expect(errors[0]).toMatch(
      /^::error::The live rooms could not be listed, so nothing was sent\. Tencent Chat answered ErrorCode 10007 \(no permission\): not the admin\. Set `admin-identifier`/
    )
  })

  test('a frequency limit slows the whole fan-out, and every room still hears it once', async ({
    emulator,
    clock
  }) => {
    emulator.inject({ api: 'send_group_msg', kind: 'code', code: 10023 }, 2)
    const { outputs } = await runInProcess({
      inputs: emulatorInputs(emulator, { target: 'live-rooms' }),
      event: release,
      clock
    })
    expect(outputs.status).toBe('sent')
    expect(Object.values(emulator.rooms()).map((messages) => messages.length)).toEqual([1, 1, 1])
    // After the refusals every request waited out the pause: none started within the second.
    const refused = emulator.requests.filter((r) => r.code === 10023)
    const after = emulator.requests.filter((r) => r.path.endsWith('send_group_msg') && r.code === 0)
    expect(Math.min(...after.map((r) => r.time))).toBeGreaterThanOrEqual(
      (refused[0]?.time ?? 0) + 1000
    )
  })

  test('a dry run shows every live room as the target, and lists nothing', async ({
    emulator,
    clock
  }) => {
    const { outputs, log } = await runInProcess({
      inputs: emulatorInputs(emulator, { target: 'live-rooms', 'dry-run': 'true' }),
      event: release,
      clock
    })
    expect(emulator.requests).toHaveLength(0)
    expect(JSON.parse(outputs.payload ?? '')).toMatchObject({ GroupId: '<each AVChatRoom>' })
    expect(
      log.some((line) => line.includes('for every live room (AVChatRoom), which were not listed'))
    ).toBe(true)
  })
})

describe('text from outside starts no workflow command, in any outcome', () => {
  /** Both syntaxes, any case, hidden behind what .NET trims and ICU skips, on every line break. */
  const HOSTILE =
    'x ##[stop-commands]t0k3n \r\n::warning::w\n\u200b::STOP-COMMANDS::t0k3n #\u00ad#[add-mask]m \u3000::endgroup::'

  /** The runner's reading of what the run printed; every mask before any outside text. */
  function checkPrinted(stdout: string[]) {
    const text = stdout.join('')
    ownCommandsOnly(text)
    const lines = text.split('\n')
    const firstOutside = lines.findIndex((line) => /t0k3n|stop-commands|endgroup::/i.test(line))
    const lastMask = lines.findLastIndex((line) => line.startsWith('::add-mask::'))
    if (firstOutside !== -1) expect(lastMask).toBeLessThan(firstOutside)
  }

  const hostileRelease = {
    ...release,
    release: {
      ...(release.release as object),
      // A tag is one line; it is printed in the line that says what is announced.
      tag_name: 'v2.3.0##[stop-commands]t0k3n',
      name: HOSTILE,
      body: `${HOSTILE}\n\n- ${HOSTILE}`,
      author: { login: HOSTILE }
    }
  }

  test.for<[string, Record<string, string>, Fault[]]>([
    [
      'a delivered broadcast, after a retried answer',
      {},
      [{ kind: 'answer', answer: { ActionStatus: 'FAIL', ErrorCode: 10002, ErrorInfo: HOSTILE } }]
    ],
    [
      'a refused broadcast',
      {},
      [{ kind: 'answer', answer: { ActionStatus: 'FAIL', ErrorCode: 10004, ErrorInfo: HOSTILE } }]
    ],
    [
      'a refusal tolerated by fail-on-error false',
      { 'fail-on-error': 'false' },
      [{ kind: 'answer', answer: { ActionStatus: 'FAIL', ErrorCode: 10004, ErrorInfo: HOSTILE } }]
    ],
    [
      'a contradictory answer, twice',
      {},
      [
        { kind: 'answer', answer: { ActionStatus: 'OK', ErrorCode: 0, MsgSeq: HOSTILE } },
        { kind: 'answer', answer: { ActionStatus: 'OK', ErrorCode: 0, MsgSeq: HOSTILE } }
      ]
    ],
    [
      'a redirect',
      {},
      [{ kind: 'redirect', status: 302, location: 'https://evil.example/##[stop-commands]t0k3n' }]
    ],
    ['a dry run', { 'dry-run': 'true' }, []],
    ['a template that names what the event does not have', { title: '{{ release.nope }}' }, []],
    [
      'groups, one refused with words of its own',
      {
        target: 'groups',
        'group-ids': '@TGS#aLiveRoomA, x ##[stop-commands]t0k3n'
      },
      [
        {
          kind: 'answer',
          group: '@TGS#aLiveRoomA',
          answer: { ActionStatus: 'FAIL', ErrorCode: 10016, ErrorInfo: HOSTILE }
        }
      ]
    ],
    [
      'live rooms that cannot be listed',
      { target: 'live-rooms', retries: '0' },
      [{ kind: 'answer', answer: { ActionStatus: 'FAIL', ErrorCode: 10002, ErrorInfo: HOSTILE } }]
    ],
    [
      'a dropped message',
      { target: 'groups', 'group-ids': '@TGS#aLiveRoomA' },
      [
        {
          kind: 'answer',
          answer: { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '', MsgDropReason: HOSTILE }
        }
      ]
    ]
  ])('%s', async ([, extra, faults], { emulator, clock }) => {
    for (const fault of faults) emulator.inject(fault)
    const { core } = await runInProcess({
      inputs: emulatorInputs(emulator, { 'timeout-seconds': '1', ...extra }),
      event: hostileRelease,
      clock
    })
    checkPrinted(core.stdout)
  })

  test('a listed live room whose ID is anything Tencent lists', async ({ clock }) => {
    const listing = await startEmulator({
      now: clock.now,
      apps: [
        {
          ...DEMO_APP,
          groups: [
            { id: 'room ##[stop-commands]t0k3n', type: 'AVChatRoom' },
            { id: '::warning::w', type: 'AVChatRoom' },
            { id: 'a\r\n::error::e t0k3n', type: 'AVChatRoom' }
          ]
        }
      ]
    })
    // A retried room: its ID heads the lines about it.
    listing.inject({ kind: 'code', code: 10002, group: 'room ##[stop-commands]t0k3n' })
    try {
      const { core, outputs } = await runInProcess({
        inputs: emulatorInputs(listing, { target: 'live-rooms' }),
        event: hostileRelease,
        clock
      })
      checkPrinted(core.stdout)
      // Each is sent to as listed; the one Tencent would not take is one failed room.
      expect(outputs.status).toBe('partial')
      expect(Object.values(listing.groups()).map((messages) => messages.length)).toEqual([1, 1, 0])
    } finally {
      await listing.close()
    }
  })

  test('an event whose action, or whose keys, are outside text', async ({ emulator, clock }) => {
    const skipped = await runInProcess({
      inputs: emulatorInputs(emulator),
      event: { ...hostileRelease, action: HOSTILE },
      clock
    })
    expect(skipped.outputs.status).toBe('skipped')
    checkPrinted(skipped.core.stdout)
    const unknown = await runInProcess({
      inputs: emulatorInputs(emulator, { title: '{{ event.t0k3n }}' }),
      event: { ...hostileRelease, [HOSTILE]: 1 },
      clock
    })
    expect(unknown.outputs.status).toBe('failed')
    checkPrinted(unknown.core.stdout)
  })
})
