// Releases made by a workflow (with GITHUB_TOKEN, which starts no `release` workflow): looked up
// through the GitHub REST API, in-process, against a fake GitHub API and the emulator on
// loopback. Every case of the lookup, its failures included: nothing reaches Tencent until the
// release is found.
import { afterEach, beforeEach, describe, expect } from 'vitest'
import { startEmulator, type Emulator } from '../emulator/src/index.js'
import { emulatorInputs, inProcess as test } from './helpers/emulator.js'
import { payload, variant } from './helpers/events.js'
import { startFakeGitHub, type FakeGitHub } from './helpers/fake-github.mjs'
import { closedPort } from './helpers/network.js'
import { runInProcess, type JumpingClock } from './helpers/run.js'

const TOKEN = 'ghs_fake-installation-token-0123456789'
const published = payload('release-published')
/** The release as the API gives it: the same object the `release` event carries. */
const release = published.release as Record<string, unknown>
const older = {
  ...release,
  id: 184000001,
  tag_name: 'v2.2.1',
  name: 'v2.2.1',
  published_at: '2026-11-01T09:00:00Z'
}
const beta = {
  ...release,
  id: 184999999,
  tag_name: 'v2.4.0-beta.1',
  name: 'v2.4.0 beta',
  prerelease: true,
  published_at: '2026-11-30T09:00:00Z'
}

let github: FakeGitHub
beforeEach(async () => {
  github = await startFakeGitHub({ releases: [older, release, beta] })
})
afterEach(async () => {
  await github.close()
})

/** A run with a token and the fake API, on `eventName` (a manual run by default). */
function lookUp(
  emulator: Emulator,
  clock: JumpingClock,
  inputs: Record<string, string>,
  { eventName = 'workflow_dispatch', event = {}, apiUrl = github.url } = {}
) {
  return runInProcess({
    inputs: emulatorInputs(emulator, { 'github-token': TOKEN, ...inputs }),
    eventName,
    event,
    env: { GITHUB_API_URL: apiUrl },
    clock
  })
}

/** The Data the live rooms received. */
function data(emulator: Emulator, index = 0): Record<string, unknown> {
  const element = emulator.broadcasts[index]?.msgBody[0] as { MsgContent: { Data: string } }
  return JSON.parse(element.MsgContent.Data) as Record<string, unknown>
}

/** The fields that tell a release, as its own `published` event announces them. */
const RELEASE_FIELDS = [
  'kind',
  'title',
  'text',
  'url',
  'version',
  'prerelease',
  'action',
  'author',
  'subject',
  'timestamp',
  'ref'
]

describe('release-tag', () => {
  test('announces the release named exactly as its `published` event, with one request', async ({
    emulator,
    clock
  }) => {
    const { outputs, errors } = await lookUp(emulator, clock, { 'release-tag': 'v2.3.0' })
    expect(errors).toEqual([])
    expect(outputs.status).toBe('sent')
    expect(github.requests).toHaveLength(1)
    expect(github.requests[0]).toMatchObject({
      method: 'GET',
      path: '/repos/octo-org/live-app/releases/tags/v2.3.0',
      authorization: `token ${TOKEN}`
    })
    expect(github.requests[0]?.userAgent).toMatch(
      /^tencent-chat-broadcast-action\/\S+ octokit-core\.js/
    )
    // The same release announced from its own event, in another job.
    await runInProcess({
      inputs: emulatorInputs(emulator),
      event: published,
      env: { GITHUB_JOB: 'other' },
      clock
    })
    const [viaLookup, viaEvent] = [data(emulator, 0), data(emulator, 1)]
    for (const field of RELEASE_FIELDS) expect(viaLookup[field], field).toEqual(viaEvent[field])
    expect(viaLookup).toMatchObject({
      kind: 'release',
      title: 'v2.3.0 — Co-host mode',
      version: 'v2.3.0',
      action: 'published',
      subject: 'release/184467441',
      timestamp: '2026-11-24T09:00:00Z',
      url: 'https://github.com/octo-org/live-app/releases/tag/v2.3.0',
      ref: 'refs/tags/v2.3.0',
      event: 'workflow_dispatch'
    })
    expect(emulator.broadcasts[0]?.msgBody[0]).toMatchObject({
      MsgContent: { Desc: 'octo-org/live-app v2.3.0 released', Ext: 'release' }
    })
  })

  test('renders the same bytes when the run is run again: Tencent discards the repeat', async ({
    emulator,
    clock
  }) => {
    const first = await lookUp(emulator, clock, { 'release-tag': 'refs/tags/v2.3.0' })
    const again = await lookUp(emulator, clock, { 'release-tag': 'v2.3.0' })
    expect(again.outputs.payload).toBe(first.outputs.payload)
    expect(again.outputs['msg-seq']).toBe(first.outputs['msg-seq'])
    expect(emulator.broadcasts).toHaveLength(1)
  })

  test('`latest` is the newest release that is neither a draft nor a pre-release', async ({
    emulator,
    clock
  }) => {
    github.releases.push({
      ...release,
      id: 185,
      tag_name: 'v9.9.9',
      draft: true,
      published_at: '2026-12-01T00:00:00Z'
    })
    await lookUp(emulator, clock, { 'release-tag': 'latest' })
    expect(github.requests.map((r) => r.path)).toEqual(['/repos/octo-org/live-app/releases/latest'])
    expect(data(emulator)).toMatchObject({ version: 'v2.3.0' })
  })

  test('a pre-release named by its tag is announced as pre-released', async ({
    emulator,
    clock
  }) => {
    await lookUp(emulator, clock, { 'release-tag': 'v2.4.0-beta.1' })
    expect(data(emulator)).toMatchObject({ version: 'v2.4.0-beta.1', prerelease: true })
    expect(emulator.broadcasts[0]?.msgBody[0]).toMatchObject({
      MsgContent: { Desc: 'octo-org/live-app v2.4.0-beta.1 pre-released' }
    })
  })

  test('reaches a GitHub Enterprise Server under its /api/v3 path', async ({ emulator, clock }) => {
    const enterprise = await startFakeGitHub({ prefix: '/api/v3', releases: [release] })
    try {
      const { outputs } = await lookUp(
        emulator,
        clock,
        { 'release-tag': 'v2.3.0' },
        { apiUrl: `${enterprise.url}/` }
      )
      expect(outputs.status).toBe('sent')
      expect(enterprise.requests.map((r) => r.path)).toEqual([
        '/api/v3/repos/octo-org/live-app/releases/tags/v2.3.0'
      ])
    } finally {
      await enterprise.close()
    }
  })

  test('a dry run looks the release up too, and previews the real announcement', async ({
    emulator,
    clock
  }) => {
    const { outputs } = await lookUp(emulator, clock, {
      'release-tag': 'v2.3.0',
      'dry-run': 'true',
      'secret-key': ''
    })
    expect(outputs.status).toBe('dry-run')
    expect(github.requests).toHaveLength(1)
    expect(emulator.requests).toEqual([])
    expect(outputs.payload).toContain('v2.3.0 — Co-host mode')
  })

  test('lets templates reach the release as `release`, as on its own event', async ({
    emulator,
    clock
  }) => {
    await lookUp(emulator, clock, {
      'release-tag': 'v2.3.0',
      title: '{{ release.name }} by {{ release.author.login }}'
    })
    expect(data(emulator)).toMatchObject({ title: 'v2.3.0 — Co-host mode by mona' })
  })
})

describe('a release that does not exist yet', () => {
  test('is waited for, looked for every ten seconds, and announced once it is published', async ({
    emulator,
    clock
  }) => {
    const later = { ...release, id: 190, tag_name: 'v3.0.0', name: 'v3.0.0' }
    github.publishLater(later, 2)
    const { outputs, log } = await lookUp(emulator, clock, { 'release-tag': 'v3.0.0' })
    expect(outputs.status).toBe('sent')
    expect(github.requests).toHaveLength(3)
    expect(clock.slept).toEqual([10_000, 10_000])
    expect(log).toContain('the release v3.0.0 does not exist yet; looking again in 10.0 s.')
    expect(data(emulator)).toMatchObject({ version: 'v3.0.0', subject: 'release/190' })
  })

  test('fails after `release-wait-seconds`, naming the tag, the input and recent tags; nothing is sent', async ({
    emulator,
    clock
  }) => {
    const { outputs, errors } = await lookUp(emulator, clock, {
      'release-tag': 'v3.0.0',
      'release-wait-seconds': '30'
    })
    expect(emulator.requests).toEqual([])
    expect(outputs).toMatchObject({ status: 'failed', tries: '0', 'error-code': '' })
    // The first look, three more ten seconds apart, then the list of recent releases.
    expect(github.requests.map((r) => r.path)).toEqual([
      ...Array<string>(4).fill('/repos/octo-org/live-app/releases/tags/v3.0.0'),
      '/repos/octo-org/live-app/releases?per_page=5'
    ])
    expect(errors).toEqual([
      '::error::octo-org/live-app has no published release with the tag v3.0.0 (`release-tag`) after waiting 30.0 s. Its latest: v2.4.0-beta.1, v2.3.0, v2.2.1. Check `release-tag`; a draft is never announced. If the release is made by another job, make this one wait for it (`needs:`), or raise `release-wait-seconds`.'
    ])
  })

  test('a draft is never announced: it is waited for like a release not yet published', async ({
    emulator,
    clock
  }) => {
    github.releases.push({ ...release, id: 191, tag_name: 'v3.1.0', draft: true })
    const { outputs } = await lookUp(emulator, clock, {
      'release-tag': 'v3.1.0',
      'release-wait-seconds': '0'
    })
    expect(outputs.status).toBe('failed')
    expect(emulator.requests).toEqual([])
  })

  test('`latest` in a repository without a release fails saying so', async ({
    emulator,
    clock
  }) => {
    github.releases.length = 0
    const { errors } = await lookUp(emulator, clock, {
      'release-tag': 'latest',
      'release-wait-seconds': '0'
    })
    expect(errors[0]).toMatch(
      /^::error::octo-org\/live-app has no published release that is not a pre-release \(`release-tag: latest`\)\. Publish a release/
    )
  })

  test('under fail-on-error false, a release still missing is a warning, and the step green', async ({
    emulator,
    clock
  }) => {
    const { outputs, errors, log } = await lookUp(emulator, clock, {
      'release-tag': 'v3.0.0',
      'release-wait-seconds': '0',
      'fail-on-error': 'false'
    })
    expect(errors).toEqual([])
    expect(outputs.status).toBe('failed')
    expect(log.at(-1)).toMatch(
      /^::warning::octo-org\/live-app has no published release with the tag v3\.0\.0 .* The step goes on because `fail-on-error` is false\.$/
    )
  })
})

describe('a pushed tag', () => {
  const pushed = (tag: string) =>
    variant('push-tag', (p) => {
      p.ref = `refs/tags/${tag}`
    })

  test('is announced as its release when it has one', async ({ emulator, clock }) => {
    const { outputs } = await lookUp(
      emulator,
      clock,
      {},
      { eventName: 'push', event: pushed('v2.3.0') }
    )
    expect(outputs.status).toBe('sent')
    expect(github.requests.map((r) => r.path)).toEqual([
      '/repos/octo-org/live-app/releases/tags/v2.3.0'
    ])
    expect(data(emulator)).toMatchObject({
      title: 'v2.3.0 — Co-host mode',
      url: 'https://github.com/octo-org/live-app/releases/tag/v2.3.0',
      subject: 'release/184467441',
      event: 'push'
    })
  })

  test('without a release yet: the tag is announced, with a notice, and nothing waited for', async ({
    emulator,
    clock
  }) => {
    const { outputs, log } = await lookUp(
      emulator,
      clock,
      {},
      { eventName: 'push', event: pushed('v2.3.1') }
    )
    expect(outputs.status).toBe('sent')
    expect(clock.slept).toEqual([])
    expect(log).toContain(
      '::notice::octo-org/live-app has no published release for the pushed tag v2.3.1: the tag is announced as it is. Run this step after the release is made, or give `release-tag` to wait for it.'
    )
    expect(data(emulator)).toMatchObject({
      version: 'v2.3.1',
      url: 'https://github.com/octo-org/live-app/tree/v2.3.1'
    })
  })

  test('without a token, is announced as the tag, as before, and GitHub is not asked', async ({
    emulator,
    clock
  }) => {
    const { outputs } = await lookUp(
      emulator,
      clock,
      { 'github-token': '' },
      { eventName: 'push', event: pushed('v2.3.0') }
    )
    expect(outputs.status).toBe('sent')
    expect(github.requests).toEqual([])
    expect(data(emulator)).toMatchObject({
      url: 'https://github.com/octo-org/live-app/tree/v2.3.0'
    })
  })
})

describe('a lookup that fails sends nothing, and says why', () => {
  test.for<[string, Parameters<FakeGitHub['inject']>[0] | 'unreadable' | 'bad token', RegExp]>([
    [
      'a token GitHub refuses (401)',
      'bad token',
      /^::error::GitHub refused the token in `github-token` \(HTTP 401: Bad credentials - https:\/\/docs\.github\.com\/rest\)\. Leave `github-token` at its default, `\$\{\{ github\.token \}\}`/
    ],
    [
      'a token that may not see the repository (404 to everything)',
      'unreadable',
      /^::error::The token in `github-token` may not read the releases of octo-org\/live-app \(HTTP 404\)\. Give the job `permissions: contents: read`/
    ],
    [
      'a 403 that is no rate limit',
      { status: 403, body: { message: 'Resource not accessible by integration' } },
      /^::error::The token in `github-token` may not read the releases of octo-org\/live-app \(HTTP 403: Resource not accessible by integration\)\. Give the job `permissions: contents: read`/
    ]
  ])('%s', async ([, fault, error], { emulator, clock }) => {
    if (fault === 'unreadable') {
      await github.close()
      github = await startFakeGitHub({ readable: false, releases: [release] })
    } else if (fault !== 'bad token') github.inject(fault)
    const { outputs, errors } = await lookUp(emulator, clock, {
      'release-tag': 'v2.3.0',
      'release-wait-seconds': '0',
      ...(fault === 'bad token' ? { 'github-token': 'ghs_revoked' } : {}),
      // A workflow change fixes these: fail-on-error does not soften them.
      'fail-on-error': 'false'
    })
    expect(emulator.requests).toEqual([])
    expect(outputs).toMatchObject({ status: 'failed', tries: '0' })
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(error)
  })

  test('a rate limit that lifts within the budget is waited out', async ({ emulator, clock }) => {
    const reset = Math.floor(clock.now() / 1000) + 20
    github.inject({
      status: 403,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) },
      body: { message: 'API rate limit exceeded' }
    })
    const { outputs, log } = await lookUp(emulator, clock, { 'release-tag': 'v2.3.0' })
    expect(outputs.status).toBe('sent')
    expect(github.requests).toHaveLength(2)
    const [waited = 0] = clock.slept
    expect(waited).toBeGreaterThanOrEqual(20_000)
    expect(waited).toBeLessThanOrEqual(22_000)
    expect(log.some((line) => line.startsWith("GitHub's API rate limit is used up; waiting"))).toBe(
      true
    )
  })

  test('a 429 with retry-after is waited out', async ({ emulator, clock }) => {
    github.inject({ status: 429, headers: { 'retry-after': '5' } })
    const { outputs } = await lookUp(emulator, clock, { 'release-tag': 'v2.3.0' })
    expect(outputs.status).toBe('sent')
    expect(clock.slept).toEqual([6000])
  })

  test('a rate limit that lifts after the budget fails with the time it lifts', async ({
    emulator,
    clock
  }) => {
    const reset = Math.floor(clock.now() / 1000) + 3600
    github.inject({
      status: 403,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) }
    })
    const { outputs, errors } = await lookUp(emulator, clock, { 'release-tag': 'v2.3.0' })
    expect(emulator.requests).toEqual([])
    expect(outputs.status).toBe('failed')
    expect(errors[0]).toContain(
      `GitHub's API rate limit for this token is used up until ${new Date(reset * 1000).toISOString()}, after the time budget of this step.`
    )
  })

  test.for<[string, Parameters<FakeGitHub['inject']>[0]]>([
    ['a server error (502)', { status: 502 }],
    ['a server error (500)', { status: 500 }],
    ['a connection reset', { kind: 'reset' }]
  ])('%s is retried, and the release found', async ([, fault], { emulator, clock }) => {
    github.inject(fault, 2)
    const { outputs } = await lookUp(emulator, clock, { 'release-tag': 'v2.3.0' })
    expect(outputs.status).toBe('sent')
    expect(github.requests).toHaveLength(3)
    expect(clock.slept).toHaveLength(2)
  })

  test('server errors past `retries` fail, softly: fail-on-error false tolerates them', async ({
    emulator,
    clock
  }) => {
    github.inject({ status: 503 }, 10)
    const { outputs, log } = await lookUp(emulator, clock, {
      'release-tag': 'v2.3.0',
      retries: '1',
      'fail-on-error': 'false'
    })
    expect(emulator.requests).toEqual([])
    expect(outputs.status).toBe('failed')
    expect(log.at(-1)).toMatch(
      /^::warning::GitHub's API could not be asked for the release v2\.3\.0: HTTP 503: scripted 503\. Gave up after 2 tries\./
    )
  })

  test('a request never answered ends at `timeout-seconds`', async ({ emulator, clock }) => {
    github.inject({ kind: 'hang' })
    const started = Date.now()
    const { outputs } = await lookUp(emulator, clock, {
      'release-tag': 'v2.3.0',
      'timeout-seconds': '1'
    })
    expect(Date.now() - started).toBeLessThan(5000)
    expect(outputs.status).toBe('sent')
    expect(github.requests).toHaveLength(2)
  })
})

describe('an API that is not GitHub’s, or not there', () => {
  test('an answer that is no release is retried, then fails, softly', async ({
    emulator,
    clock
  }) => {
    github.inject({ status: 200, body: { message: 'a proxy page' } }, 3)
    const { outputs, errors } = await lookUp(emulator, clock, {
      'release-tag': 'v2.3.0',
      retries: '2'
    })
    expect(outputs.status).toBe('failed')
    expect(errors[0]).toMatch(
      /^::error::GitHub's API could not be asked for the release v2\.3\.0: GitHub answered something that is not a release\. Gave up after 3 tries\./
    )
  })

  test('a status GitHub does not answer for releases names GITHUB_API_URL', async ({
    emulator,
    clock
  }) => {
    github.inject({ status: 422, body: { message: 'Validation Failed' } })
    const { errors } = await lookUp(emulator, clock, { 'release-tag': 'v2.3.0' })
    expect(errors).toEqual([
      "::error::GitHub's API answered HTTP 422: Validation Failed to a request for a release. Check GITHUB_API_URL: it must be the REST API of the GitHub that runs the workflow."
    ])
  })

  test('an API that refuses connections is retried, then fails', async ({ emulator, clock }) => {
    const { outputs, errors } = await lookUp(
      emulator,
      clock,
      { 'release-tag': 'v2.3.0', retries: '1' },
      { apiUrl: `http://127.0.0.1:${await closedPort()}` }
    )
    expect(outputs.status).toBe('failed')
    expect(errors[0]).toMatch(
      /^::error::GitHub's API could not be asked for the release v2\.3\.0: .*ECONNREFUSED.*Gave up after 2 tries\./
    )
  })
})

test('an API whose certificate the runner does not trust fails at once', async ({
  emulator,
  clock
}) => {
  const untrusted = await startEmulator({ https: true })
  try {
    const { errors } = await lookUp(
      emulator,
      clock,
      { 'release-tag': 'v2.3.0' },
      { apiUrl: untrusted.url }
    )
    expect(errors[0]).toMatch(
      /^::error::GitHub's API at https:\/\/127\.0\.0\.1:\d+ could not be reached: .*certificate.*\. Check GITHUB_API_URL, NODE_EXTRA_CA_CERTS/
    )
    expect(untrusted.requests).toEqual([])
  } finally {
    await untrusted.close()
  }
})

describe('the token', () => {
  test('is masked first and never printed, also when GitHub echoes it', async ({
    emulator,
    clock
  }) => {
    github.inject({
      status: 502,
      body: {
        message: `bad gateway for token ${TOKEN} (${encodeURIComponent(TOKEN).replace('_', '%5f')})`
      }
    })
    const { log, summary, outputs } = await lookUp(emulator, clock, { 'release-tag': 'v2.3.0' })
    expect(log[0]).toBe(`::add-mask::${emulatorInputs(emulator)['secret-key']}`)
    expect(log).toContain(`::add-mask::${TOKEN}`)
    const printed = [
      ...log.filter((l) => !l.startsWith('::add-mask::')),
      summary,
      ...Object.values(outputs)
    ]
    for (const text of printed) expect(text).not.toContain('fake-installation-token')
    expect(log.some((line) => line.includes('bad gateway for token *** (***)'))).toBe(true)
  })

  test('is required with release-tag, and named when it is empty', async ({ emulator, clock }) => {
    const { errors } = await lookUp(emulator, clock, {
      'release-tag': 'v2.3.0',
      'github-token': ''
    })
    expect(errors[0]).toContain(
      'Input `github-token` is empty, and `release-tag` looks the release up through the GitHub API'
    )
    expect(github.requests).toEqual([])
  })
})
