// The action built from src/, run as the GitHub runner runs it (a separate Node process, inputs in
// INPUT_<NAME> variables, the event in GITHUB_EVENT_PATH, outputs read back from GITHUB_OUTPUT),
// against the emulator on loopback: under Node 20 and Node 24, and once per class of failure.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Api } from 'tls-sig-api-v2'
import { describe, expect } from 'vitest'
import { DEMO_APP, startEmulator, type Fault } from '../emulator/src/index.js'
import { errorLines, maskedValues, runBundle } from './helpers/action.js'
import { runtimes } from './helpers/action-process.mjs'
import { emulatorInputs, test } from './helpers/emulator.js'
import { githubExamples, payload } from './helpers/events.js'
import { closedPort } from './helpers/network.js'

const release = payload('release-published')
const found = runtimes()

test('runs under Node 20 and Node 24', () => {
  const majors = found.map((r) => r.major)
  expect(majors).toContain(24)
  // The machine's own Node is 20 on CI; a developer machine may have another.
  if (process.env.CI) expect(majors).toContain(20)
})

describe.each(found.map((r) => [r.label, r] as const))('under %s', (_label, node) => {
  test('announces a published release to every live room and outputs its msg-seq', async ({
    emulator
  }) => {
    const run = await runBundle({
      node: node.binary,
      inputs: emulatorInputs(emulator),
      event: release
    })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(emulator.broadcasts).toHaveLength(1)
    const [broadcast] = emulator.broadcasts
    for (const messages of Object.values(emulator.rooms())) expect(messages).toEqual([broadcast])
    expect(run.outputs).toEqual({
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
    expect(run.summary).toMatch(/^## 📣 Tencent Chat broadcast sent\n/)
    expect(run.summary).toContain(
      `<tr><th align="left">MsgSeq</th><td>${broadcast?.msgSeq}</td></tr>`
    )
  })

  test('fails on a bad input with one ::error, and sends nothing', async ({ emulator }) => {
    const run = await runBundle({
      node: node.binary,
      inputs: emulatorInputs(emulator, { 'sdk-app-id': '14OOOOOOOO' }),
      event: release
    })
    expect(run.code).toBe(1)
    expect(errorLines(run.stdout)).toEqual([
      '::error::Input `sdk-app-id` must be the SDKAppID from the Tencent Chat console, digits only; got "14OOOOOOOO".'
    ])
    expect(emulator.requests).toHaveLength(0)
    expect(run.outputs).toMatchObject({ status: 'failed', tries: '0' })
    expect(run.summary).toContain('**What to do:** Fix the inputs named above; nothing was sent.')
  })

  test('fails with the code, the info and a remedy when Tencent refuses the key', async ({
    emulator
  }) => {
    const run = await runBundle({
      node: node.binary,
      inputs: emulatorInputs(emulator, { 'secret-key': 'not-the-app-key' }),
      event: release
    })
    expect(run.code).toBe(1)
    const errors = errorLines(run.stdout)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(
      /^::error::Tencent Chat answered ErrorCode 70009 .*Check `secret-key` and `sdk-app-id`/
    )
    expect(run.outputs).toMatchObject({ status: 'failed', 'error-code': '70009', tries: '1' })
    expect(emulator.broadcasts).toHaveLength(0)
  })

  test('target live-rooms: lists the live rooms, sends each one message, reports each', async ({
    emulator
  }) => {
    const run = await runBundle({
      node: node.binary,
      inputs: emulatorInputs(emulator, { target: 'live-rooms' }),
      event: release
    })
    expect(run.stderr).toBe('')
    expect(run.code, run.stdout).toBe(0)
    expect(emulator.broadcasts).toHaveLength(0)
    const rooms = emulator.rooms()
    expect(Object.keys(rooms)).toEqual(['@TGS#aLiveRoomA', '@TGS#aLiveRoomB', '@TGS#aLiveRoomC'])
    for (const messages of Object.values(rooms)) expect(messages).toHaveLength(1)
    expect(emulator.groups()['community-lounge']).toEqual([])
    const results = JSON.parse(run.outputs.results ?? '') as Record<string, unknown>[]
    expect(results).toEqual(
      Object.entries(rooms).map(([groupId, [message]]) => ({
        group_id: groupId,
        status: 'sent',
        msg_seq: message?.msgSeq,
        error_code: null,
        error_info: '',
        tries: 1
      }))
    )
    expect(run.outputs).toMatchObject({ status: 'sent', 'msg-seq': '', random: '', tries: '4' })
    expect(run.summary).toContain('<tr><td><code>@TGS#aLiveRoomB</code></td><td>✅ sent</td>')
  })

  test('target groups: one group refused is a partial failure, one ::error naming it', async ({
    emulator
  }) => {
    const run = await runBundle({
      node: node.binary,
      inputs: emulatorInputs(emulator, {
        target: 'groups',
        'group-ids': '@TGS#aLiveRoomA\nno-such-group\ncommunity-lounge'
      }),
      event: release
    })
    expect(run.code).toBe(1)
    const errors = errorLines(run.stdout)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/^::error::Delivered to 2 of 3 groups; 1 failed\. /)
    expect(errors[0]).toContain('no-such-group')
    expect(run.outputs).toMatchObject({ status: 'partial', 'error-code': '10010' })
    expect(Object.keys(emulator.groups()).filter((id) => emulator.groups()[id]?.length)).toEqual([
      '@TGS#aLiveRoomA',
      'community-lounge'
    ])
  })
})

describe('one process-level run per class of failure', () => {
  test('an unknown placeholder path: one ::error, nothing sent', async ({ emulator }) => {
    const run = await runBundle({
      inputs: emulatorInputs(emulator, { data: '{"content":"{{ event.release.tag }}"}' }),
      event: release
    })
    expect(run.code).toBe(1)
    const errors = errorLines(run.stdout)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(
      /^::error::Input `data` refers to \{\{ event\.release\.tag \}\}.*tag_name/
    )
    expect(emulator.requests).toHaveLength(0)
  })

  test('a message that cannot fit: one ::error, nothing sent', async ({ emulator }) => {
    const run = await runBundle({
      inputs: emulatorInputs(emulator, {
        data: JSON.stringify({ numbers: Array(600).fill(1) }),
        'max-bytes': '1024'
      }),
      event: release
    })
    expect(run.code).toBe(1)
    expect(errorLines(run.stdout)).toEqual([
      expect.stringMatching(
        /^::error::The announcement needs \d+ bytes even with its free text cut/
      )
    ])
    expect(emulator.requests).toHaveLength(0)
  })

  test('an event file that is not JSON: one ::error with outputs and a summary', async ({
    emulator
  }) => {
    const run = await runBundle({ inputs: emulatorInputs(emulator), eventFile: '{"action": "publ' })
    expect(run.code).toBe(1)
    expect(run.stderr).toBe('')
    expect(errorLines(run.stdout)).toEqual([
      expect.stringMatching(/^::error::The event file GITHUB_EVENT_PATH names is not JSON: /)
    ])
    expect(run.outputs.status).toBe('failed')
    expect(run.summary).toMatch(/^## ❌ Tencent Chat broadcast failed\n/)
    expect(emulator.requests).toHaveLength(0)
  })

  test('an endpoint that cannot be reached: retried, then one ::error naming the network', async ({
    emulator
  }) => {
    const run = await runBundle({
      inputs: emulatorInputs(emulator, {
        endpoint: `http://127.0.0.1:${await closedPort()}`,
        retries: '1'
      }),
      event: release
    })
    expect(run.code).toBe(1)
    expect(errorLines(run.stdout)).toEqual([
      expect.stringMatching(
        /^::error::Tencent Chat was not reached, or its answer was lost: connect ECONNREFUSED .* Gave up after 2 tries: its one retry was used\./
      )
    ])
    expect(run.outputs).toMatchObject({ status: 'failed', tries: '2', 'error-code': '' })
  })

  test('a refusal under fail-on-error false: a ::warning, and exit code 0', async ({
    emulator
  }) => {
    emulator.inject({ kind: 'code', code: 10007, info: 'no permission' })
    const run = await runBundle({
      inputs: emulatorInputs(emulator, { 'fail-on-error': 'false' }),
      event: release
    })
    expect(run.code).toBe(0)
    expect(errorLines(run.stdout)).toHaveLength(0)
    expect(run.stdout).toMatch(/^::warning::Tencent Chat answered ErrorCode 10007 .*fail-on-error/m)
    expect(run.outputs).toMatchObject({ status: 'failed', 'error-code': '10007' })
  })
})

describe('secrets, with debug logging on', () => {
  test.for<[string, Record<string, string>, Fault?]>([
    ['a delivered broadcast', {}],
    ['a refused key', { 'secret-key': 'wrong-key-but-still-secret' }],
    ['a refused user-sig', { 'secret-key': '', 'user-sig': 'eJyrVspLzE1VslIqSS0uUaoFADFHBf0_' }],
    [
      'a request timeout, whose error quotes the URL',
      { 'timeout-seconds': '1', retries: '0' },
      { kind: 'hang' }
    ],
    ['a fan-out to every live room', { target: 'live-rooms' }],
    [
      'a list of live rooms that times out',
      { target: 'live-rooms', 'timeout-seconds': '1', retries: '0' },
      { api: 'get_appid_group_list', kind: 'hang' }
    ],
    [
      'one group of three refused',
      { target: 'groups', 'group-ids': '@TGS#aLiveRoomA, no-such-group, @TGS#aLiveRoomC' }
    ]
  ])('are masked first and never printed: %s', async ([, extra, fault], { emulator }) => {
    if (fault) emulator.inject(fault)
    const inputs = emulatorInputs(emulator, extra)
    const run = await runBundle({
      inputs,
      event: release,
      env: { ACTIONS_STEP_DEBUG: 'true', RUNNER_DEBUG: '1' }
    })
    const masked = maskedValues(run.stdout)
    const credentials = [inputs['secret-key'], inputs['user-sig']].filter(
      (v) => v !== undefined && v !== ''
    )
    // The first thing the action prints is the mask of the credential it was given.
    expect(run.stdout.split('\n')[0]).toBe(`::add-mask::${credentials[0] ?? ''}`)
    const printed = `${run.stdout}\n${run.stderr}`
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
    expect(printed.some((l) => l.startsWith('::debug::'))).toBe(true)
    for (const value of masked) for (const line of printed) expect(line).not.toContain(value)
    for (const value of masked) expect(run.summary).not.toContain(value)
    // Whatever the action signed never shows: a UserSig is zlib (`x\x9c`) in base64, so `eJ…`.
    for (const line of printed) expect(line).not.toMatch(/eJ[\w*-]{40}/)
  })
})

test('delivers over HTTPS to an endpoint whose certificate the runner trusts', async () => {
  const secure = await startEmulator({ https: true })
  try {
    const caFile = join(mkdtempSync(join(tmpdir(), 'ca-')), 'ca.pem')
    writeFileSync(caFile, secure.certificate ?? '')
    const run = await runBundle({
      inputs: emulatorInputs(secure),
      event: release,
      env: { NODE_EXTRA_CA_CERTS: caFile }
    })
    expect(run.code).toBe(0)
    expect(run.outputs['msg-seq']).toBe(String(secure.broadcasts[0]?.msgSeq))
  } finally {
    await secure.close()
  }
})

test('accepts a ready UserSig instead of the key', async ({ emulator }) => {
  const userSig = new Api(DEMO_APP.sdkAppId, DEMO_APP.key).genUserSig(DEMO_APP.admin, 600)
  const run = await runBundle({
    inputs: emulatorInputs(emulator, { 'secret-key': '', 'user-sig': userSig }),
    event: release
  })
  expect(run.code).toBe(0)
  expect(emulator.broadcasts).toHaveLength(1)
})

test('sends a team’s own Data shape from a YAML template (the parser loaded on demand)', async ({
  emulator
}) => {
  const run = await runBundle({
    inputs: emulatorInputs(emulator, {
      data: 'type: 1\ncontent: "{{ event.release.tag_name }} is out"\npre: "{{ event.release.prerelease }}"'
    }),
    event: release
  })
  expect(run.code).toBe(0)
  const element = emulator.broadcasts[0]?.msgBody[0] as { MsgContent: { Data: string } }
  expect(JSON.parse(element.MsgContent.Data)).toEqual({
    type: 1,
    content: 'v2.3.0 is out',
    pre: false
  })
})

test('cuts 200 KB of release notes to fit and says so', async ({ emulator }) => {
  const huge = structuredClone(release) as { release: { body: string } }
  huge.release.body = '- A line of release notes with "quotes" and 直播 🎉\n'.repeat(4000)
  const run = await runBundle({ inputs: emulatorInputs(emulator), event: huge })
  expect(run.code).toBe(0)
  expect(run.outputs.truncated).toBe('true')
  expect(run.stdout).toMatch(/^::notice::The announcement was cut to fit 12000 bytes/m)
  expect(Buffer.byteLength(JSON.stringify(emulator.broadcasts[0]?.msgBody))).toBeLessThanOrEqual(
    12000
  )
})

describe('events as GitHub sends them', () => {
  test('one published release fires three events; one announcement reaches the live rooms', async ({
    emulator
  }) => {
    const fired = githubExamples('release').filter((event) =>
      ['created', 'published', 'released'].includes(String(event.action))
    )
    const byAction = new Map(fired.map((event) => [String(event.action), event]))
    const runs = []
    for (const action of ['created', 'published', 'released']) {
      runs.push(
        await runBundle({
          inputs: emulatorInputs(emulator),
          event: byAction.get(action),
          env: { GITHUB_RUN_ID: `${runs.length + 1}` }
        })
      )
    }
    expect(runs.map((run) => run.code)).toEqual([0, 0, 0])
    expect(runs.map((run) => run.outputs.status)).toEqual(['skipped', 'sent', 'skipped'])
    expect(runs[0]?.stdout).toMatch(/^::notice::Nothing was sent: this release event is `created`/m)
    expect(emulator.broadcasts).toHaveLength(1)
  })

  test('a push that deletes a tag is skipped, not announced as released', async ({ emulator }) => {
    const deletion = githubExamples('push').find((event) => event.deleted === true)
    const run = await runBundle({
      inputs: emulatorInputs(emulator),
      eventName: 'push',
      event: deletion
    })
    expect(run.code).toBe(0)
    expect(run.outputs.status).toBe('skipped')
    expect(run.summary).toMatch(/^## ⏭️ Tencent Chat broadcast skipped\n/)
    expect(emulator.requests).toHaveLength(0)
  })

  test('a completed Deploy workflow run is announced like a deploy', async ({ emulator }) => {
    const run = await runBundle({
      inputs: emulatorInputs(emulator),
      eventName: 'workflow_run',
      event: payload('workflow-run-completed')
    })
    expect(run.code, run.stdout).toBe(0)
    const element = emulator.broadcasts[0]?.msgBody[0] as {
      MsgContent: { Data: string; Desc: string; Ext: string }
    }
    expect(element.MsgContent.Desc).toBe('octo-org/live-app main: Deploy succeeded')
    expect(element.MsgContent.Ext).toBe('deploy')
    expect(JSON.parse(element.MsgContent.Data)).toMatchObject({
      workflow: 'Deploy',
      state: 'success',
      subject: 'workflow_run/7712345601',
      url: 'https://github.com/octo-org/live-app/actions/runs/7712345601'
    })
  })

  test('the README’s deploy example works for every deployment_status GitHub sends', async ({
    emulator
  }) => {
    for (const [index, event] of githubExamples('deployment_status').entries()) {
      const run = await runBundle({
        inputs: emulatorInputs(emulator, {
          'dry-run': 'true',
          data: 'type: 2\ncontent: "{{ deployment.ref }} is live"\nlink: "{{ announcement.url }}"'
        }),
        eventName: 'deployment_status',
        event,
        env: { GITHUB_RUN_ID: `${index + 1}` }
      })
      expect(run.code, run.stdout).toBe(0)
      const body = JSON.parse(run.outputs.payload ?? '') as {
        MsgBody: { MsgContent: { Data: string } }[]
      }
      const data = JSON.parse(body.MsgBody[0]?.MsgContent.Data ?? '') as { link: string }
      expect(data.link).toMatch(/^https:\/\//)
    }
  })

  test('a scheduled run with nothing to say fails before sending, naming both inputs', async ({
    emulator
  }) => {
    const run = await runBundle({
      inputs: emulatorInputs(emulator),
      eventName: 'schedule',
      event: payload('schedule')
    })
    expect(run.code).toBe(1)
    expect(errorLines(run.stdout)).toEqual([
      '::error::Input `title` or input `message` is required: a `schedule` event has nothing of its own to announce.'
    ])
    expect(emulator.requests).toHaveLength(0)
  })
})
