// Releases made by a workflow, looked up through a fake GitHub API on loopback, with the action
// run as the runner runs it: once per class of outcome, and the common case under Node 20 and 24.
import { afterEach, beforeEach, describe, expect } from 'vitest'
import { errorLines, maskedValues, runBundle } from './helpers/action.js'
import { runtimes } from './helpers/action-process.mjs'
import { emulatorInputs, test } from './helpers/emulator.js'
import { payload } from './helpers/events.js'
import { startFakeGitHub, type FakeGitHub } from './helpers/fake-github.mjs'
import { ownCommandsOnly } from './helpers/runner-commands.js'

const TOKEN = 'ghs_fake-installation-token-0123456789'
const release = payload('release-published').release as Record<string, unknown>

let github: FakeGitHub
beforeEach(async () => {
  github = await startFakeGitHub({ releases: [release] })
})
afterEach(async () => {
  await github.close()
})

const lookupInputs = (inputs: Record<string, string> = {}) => ({
  'release-tag': 'v2.3.0',
  'github-token': TOKEN,
  'timeout-seconds': '2',
  ...inputs
})

describe.each(runtimes().map((r) => [r.label, r] as const))('under %s', (_label, node) => {
  test('a manual run announces the release named, with one GitHub request', async ({
    emulator
  }) => {
    const run = await runBundle({
      inputs: emulatorInputs(emulator, lookupInputs()),
      eventName: 'workflow_dispatch',
      event: payload('workflow-dispatch'),
      env: { GITHUB_API_URL: github.url, ACTIONS_STEP_DEBUG: 'true' },
      node: node.binary
    })
    expect(run.code, run.stdout).toBe(0)
    expect(run.outputs.status).toBe('sent')
    expect(github.requests).toHaveLength(1)
    expect(maskedValues(run.stdout)).toContain(TOKEN)
    const printed = run.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::'))
    for (const line of printed) expect(line).not.toContain(TOKEN)
    ownCommandsOnly(run.stdout)
    const element = emulator.broadcasts[0]?.msgBody[0] as { MsgContent: { Data: string } }
    expect(JSON.parse(element.MsgContent.Data)).toMatchObject({
      title: 'v2.3.0 — Co-host mode',
      subject: 'release/184467441',
      action: 'published'
    })
  })
})

describe('one process-level run per class of lookup failure; nothing reaches Tencent', () => {
  test.for<[string, (gh: FakeGitHub) => void, Record<string, string>, RegExp]>([
    [
      'a release that never comes',
      () => undefined,
      { 'release-tag': 'v9.9.9', 'release-wait-seconds': '0' },
      /^::error::octo-org\/live-app has no published release with the tag v9\.9\.9 \(`release-tag`\)\. Its latest: v2\.3\.0\./
    ],
    [
      'a token GitHub refuses',
      () => undefined,
      { 'github-token': 'ghs_revoked' },
      /^::error::GitHub refused the token in `github-token` \(HTTP 401/
    ],
    [
      'a token without permission',
      (gh) => {
        gh.inject({ status: 403, body: { message: 'Resource not accessible by integration' } })
      },
      {},
      /permissions: contents: read/
    ],
    [
      'a rate limit past the budget',
      (gh) => {
        gh.inject({
          status: 429,
          headers: { 'retry-after': '3600' },
          body: { message: 'secondary rate limit' }
        })
      },
      {},
      /^::error::GitHub's API rate limit for this token is used up until /
    ],
    [
      'server errors past the retries',
      (gh) => {
        gh.inject({ status: 502 }, 5)
      },
      { retries: '1' },
      /^::error::GitHub's API could not be asked for the release v2\.3\.0: HTTP 502/
    ],
    [
      'a connection reset, every time',
      (gh) => {
        gh.inject({ kind: 'reset' }, 5)
      },
      { retries: '0' },
      /^::error::GitHub's API could not be asked for the release v2\.3\.0: .*Gave up after 1 try\./
    ]
  ])('%s', async ([, script, inputs, error], { emulator }) => {
    script(github)
    const run = await runBundle({
      inputs: emulatorInputs(emulator, lookupInputs(inputs)),
      eventName: 'workflow_dispatch',
      event: payload('workflow-dispatch'),
      env: { GITHUB_API_URL: github.url }
    })
    expect(run.code).toBe(1)
    expect(emulator.requests).toEqual([])
    expect(errorLines(run.stdout)).toHaveLength(1)
    expect(errorLines(run.stdout)[0]).toMatch(error)
    expect(run.outputs).toMatchObject({ status: 'failed', tries: '0' })
    expect(run.summary).toMatch(/^## ❌ Tencent Chat broadcast failed\n/)
  })

  test('a malformed event file is the input error it always was, and GitHub is not asked', async ({
    emulator
  }) => {
    const run = await runBundle({
      inputs: emulatorInputs(emulator, lookupInputs()),
      eventName: 'workflow_dispatch',
      eventFile: '{"inputs": ',
      env: { GITHUB_API_URL: github.url }
    })
    expect(run.code).toBe(1)
    expect(run.stderr).toBe('')
    expect(errorLines(run.stdout)[0]).toMatch(
      /^::error::The event file GITHUB_EVENT_PATH names is not JSON/
    )
    expect(github.requests).toEqual([])
    expect(emulator.requests).toEqual([])
  })
})
