// The committed bundle, run as the GitHub runner runs it, against the emulator on loopback.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Api } from 'tls-sig-api-v2'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runAction } from '../scripts/action-process.mjs'
import { DEMO_APP, startEmulator, type Emulator, type Fault } from '../src/emulator/index.js'
import { markdownToText } from '../src/markdown.js'
import { emulatorInputs, errorLines, maskedValues } from './helpers/action.js'
import { payload } from './helpers/events.js'
import { runtimes } from './helpers/runtimes.js'

const release = payload('release-published') as {
  release: { tag_name: string; html_url: string; name: string; body: string }
}

const found = runtimes()

let emulator: Emulator
beforeEach(async () => {
  emulator = await startEmulator()
})
afterEach(async () => {
  await emulator.close()
})

const inputs = (extra: Record<string, string> = {}) => emulatorInputs(emulator, extra)

it('runs under Node 20 and Node 24', () => {
  const majors = found.map((r) => r.major)
  expect(majors).toContain(24)
  // The machine's own Node is 20 on CI; a developer machine may have another.
  if (process.env.CI) expect(majors).toContain(20)
})

describe.each(found.map((r) => [r.label, r] as const))('dist/index.js under %s', (_label, node) => {
  it('announces a published release to every live room and outputs its msg-seq', async () => {
    const run = await runAction({ node: node.binary, inputs: inputs(), event: release })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(emulator.broadcasts).toHaveLength(1)
    const [broadcast] = emulator.broadcasts
    expect(run.outputs['msg-seq']).toBe(String(broadcast?.msgSeq))
    expect(run.outputs.status).toBe('sent')
    expect(run.outputs.random).toBe(String(broadcast?.random))
    expect(JSON.parse(run.outputs.payload ?? '')).toEqual({
      Random: broadcast?.random,
      MsgBody: broadcast?.msgBody
    })
    for (const messages of Object.values(emulator.rooms())) expect(messages).toEqual([broadcast])

    const element = broadcast?.msgBody[0] as {
      MsgType: string
      MsgContent: { Data: string; Desc: string; Ext: string }
    }
    expect(element.MsgType).toBe('TIMCustomElem')
    expect(element.MsgContent.Desc).toBe('octo-org/live-app v2.3.0 released')
    expect(element.MsgContent.Ext).toBe('release')
    expect(JSON.parse(element.MsgContent.Data)).toMatchObject({
      v: 1,
      kind: 'release',
      version: release.release.tag_name,
      title: release.release.name,
      text: markdownToText(release.release.body),
      url: release.release.html_url,
      repository: 'octo-org/live-app'
    })
  })

  it.each([
    ['a non-numeric sdk-app-id', { 'sdk-app-id': '14OOOOOOOO' }, /`sdk-app-id` must be/],
    ['an unknown region', { endpoint: '', region: 'atlantis' }, /`region` must be one of/],
    [
      'neither secret-key nor user-sig',
      { 'secret-key': '' },
      /`secret-key` or input `user-sig` is required/
    ],
    ['both secret-key and user-sig', { 'user-sig': 'eJw1' }, /are both set: give exactly one/]
  ])('fails on %s with one ::error and sends nothing', async (_what, bad, message) => {
    const run = await runAction({ node: node.binary, inputs: inputs(bad), event: release })
    expect(run.code).toBe(1)
    const errors = errorLines(run.stdout)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(message)
    expect(emulator.requests).toHaveLength(0)
    expect(run.outputs.status).toBe('failed')
  })

  it('fails with the code, the info and a remedy when Tencent refuses the key', async () => {
    const run = await runAction({
      node: node.binary,
      inputs: inputs({ 'secret-key': 'not-the-app-key' }),
      event: release
    })
    expect(run.code).toBe(1)
    const errors = errorLines(run.stdout)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/ErrorCode 70009 .*Check `secret-key` and `sdk-app-id`/)
    expect(run.outputs).toMatchObject({ status: 'failed', 'error-code': '70009' })
    expect(emulator.requests).toHaveLength(1)
    expect(emulator.broadcasts).toHaveLength(0)
  })
})

describe('secrets', () => {
  const node = found.find((r) => r.major === 24) ?? found[0]

  it.each<[string, Record<string, string>, Fault?]>([
    ['a delivered broadcast', {}],
    ['a refused key', { 'secret-key': 'wrong-key-but-still-secret' }],
    ['a refused user-sig', { 'secret-key': '', 'user-sig': 'eJyrVspLzE1VslIqSS0uUaoFADFHBf0_' }],
    ['an unreachable endpoint', { endpoint: 'http://127.0.0.1:9', retries: '1' }],
    ['a bad input beside a key', { region: 'atlantis', endpoint: '' }],
    [
      'a request timeout, whose error quotes the URL',
      { 'timeout-seconds': '1', retries: '0' },
      { kind: 'hang' }
    ],
    ['a connection reset', { retries: '0' }, { kind: 'reset' }],
    ['an HTTP 502', { retries: '0' }, { kind: 'http', status: 502 }],
    ['an answer that is not JSON', { retries: '0' }, { kind: 'not-json' }],
    ['a UserSig signed again after 70001', {}, { kind: 'code', code: 70001 }],
    ['a frequency limit', {}, { kind: 'code', code: 10023 }],
    ['an unlisted error code', {}, { kind: 'code', code: 12345 }]
  ])('never appear in the output with debug logging on: %s', async (_what, extra, fault) => {
    if (fault) emulator.inject(fault)
    const run = await runAction({
      node: node?.binary,
      inputs: inputs(extra),
      event: release,
      env: { ACTIONS_STEP_DEBUG: 'true', RUNNER_DEBUG: '1' }
    })
    const output = `${run.stdout}\n${run.stderr}`
    const masked = maskedValues(run.stdout)
    const given: Record<string, string | undefined> = { ...inputs(), ...extra }
    const credentials = [given['secret-key'], given['user-sig']].filter(
      (v) => v !== undefined && v !== ''
    )
    for (const credential of credentials) expect(masked).toContain(credential)
    // The first thing the action prints is the mask of the credential it was given.
    expect(run.stdout.split('\n')[0]).toBe(`::add-mask::${credentials[0] ?? ''}`)
    const logLines = output.split('\n').filter((l) => !l.startsWith('::add-mask::'))
    expect(logLines.some((l) => l.startsWith('::debug::'))).toBe(true)
    for (const value of masked) {
      for (const line of logLines) expect(line).not.toContain(value)
    }
    if (given['user-sig'] === undefined && run.code === 0) {
      // The signed UserSig was masked too: the emulator verified a ticket the log never shows.
      expect(masked.length).toBeGreaterThan(credentials.length)
    }
  })
})

it('delivers over HTTPS to an endpoint whose certificate the runner trusts', async () => {
  const secure = await startEmulator({ https: true })
  try {
    const dir = mkdtempSync(join(tmpdir(), 'ca-'))
    const caFile = join(dir, 'ca.pem')
    writeFileSync(caFile, secure.certificate ?? '')
    const run = await runAction({
      inputs: inputs({ endpoint: secure.url }),
      event: release,
      env: { NODE_EXTRA_CA_CERTS: caFile }
    })
    expect(run.code).toBe(0)
    expect(run.outputs['msg-seq']).toBe(String(secure.broadcasts[0]?.msgSeq))
  } finally {
    await secure.close()
  }
})

it('signs a UserSig the emulator accepts, and accepts a ready one', async () => {
  const userSig = new Api(DEMO_APP.sdkAppId, DEMO_APP.key).genUserSig(DEMO_APP.admin, 600)
  const run = await runAction({
    inputs: inputs({ 'secret-key': '', 'user-sig': userSig }),
    event: release
  })
  expect(run.code).toBe(0)
  expect(emulator.broadcasts).toHaveLength(1)
})

describe('announcements from real workflow events', () => {
  const fixture = (name: string) => payload(name)
  const dataOf = (broadcastIndex = 0) => {
    const element = emulator.broadcasts[broadcastIndex]?.msgBody[0] as {
      MsgContent: { Data: string; Desc: string; Ext: string }
    }
    return {
      ...element.MsgContent,
      data: JSON.parse(element.MsgContent.Data) as Record<string, unknown>
    }
  }

  it('announces a successful production deploy from deployment_status', async () => {
    const run = await runAction({
      inputs: inputs(),
      eventName: 'deployment_status',
      event: fixture('deployment-status-success'),
      env: { GITHUB_REF: 'refs/heads/main' }
    })
    expect(run.code).toBe(0)
    expect(emulator.broadcasts).toHaveLength(1)
    const { Desc, Ext, data } = dataOf()
    expect(Desc).toBe('octo-org/live-app v2.3.0 deployed to production')
    expect(Ext).toBe('deploy')
    expect(data).toMatchObject({
      kind: 'deploy',
      environment: 'production',
      state: 'success',
      url: 'https://live.octo.example',
      timestamp: '2026-11-24T09:12:41Z'
    })
  })

  it('announces a workflow_dispatch message from its inputs, with a text element', async () => {
    const run = await runAction({
      inputs: inputs({
        title: 'Maintenance notice',
        message: '{{ inputs.message }}',
        'text-element': 'true'
      }),
      eventName: 'workflow_dispatch',
      event: fixture('workflow-dispatch'),
      env: { GITHUB_REF: 'refs/heads/main' }
    })
    expect(run.code).toBe(0)
    const { Desc, data } = dataOf()
    expect(Desc).toBe('Maintenance notice')
    expect(data).toMatchObject({
      kind: 'manual',
      title: 'Maintenance notice',
      text: 'Maintenance tonight 23:00–23:30 UTC+8: gifts are paused, streams keep running.'
    })
    expect(emulator.broadcasts[0]?.msgBody[1]).toEqual({
      MsgType: 'TIMTextElem',
      MsgContent: { Text: 'Maintenance notice' }
    })
  })

  it('sends a team’s own Data shape from a YAML template', async () => {
    const run = await runAction({
      inputs: inputs({
        data: 'type: 1\ncontent: "{{ event.release.tag_name }} is out"\npre: "{{ event.release.prerelease }}"',
        desc: 'New: {{ release.name }}'
      }),
      event: release
    })
    expect(run.code).toBe(0)
    const { Desc, data } = dataOf()
    expect(data).toEqual({ type: 1, content: 'v2.3.0 is out', pre: false })
    expect(Desc).toBe('New: v2.3.0 — Co-host mode')
  })

  it('fails on an unknown placeholder path with one ::error and sends nothing', async () => {
    const run = await runAction({
      inputs: inputs({ data: '{"content":"{{ event.release.tag }}"}' }),
      event: release
    })
    expect(run.code).toBe(1)
    const errors = errorLines(run.stdout)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/`data` refers to \{\{ event\.release\.tag \}\}.*tag_name/)
    expect(emulator.requests).toHaveLength(0)
  })

  it('cuts 200 KB of release notes to fit and says so', async () => {
    const huge = structuredClone(release)
    huge.release.body = '- A line of release notes with "quotes" and 直播 🎉\n'.repeat(4000)
    const run = await runAction({ inputs: inputs(), event: huge })
    expect(run.code).toBe(0)
    expect(run.outputs.truncated).toBe('true')
    expect(run.stdout).toMatch(/::notice::The announcement was cut to fit 12000 bytes/)
    const { data } = dataOf()
    expect(data).toMatchObject({
      truncated: true,
      version: 'v2.3.0',
      url: release.release.html_url
    })
  })
})
