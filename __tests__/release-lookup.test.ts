// The lookup on its own, driven through its request seam: what it asks GitHub, what it says at
// each step, and how every answer is read, to the millisecond of its time budget. The whole runs
// against a fake GitHub API are in releases.test.ts and releases.e2e.test.ts.
import { describe, expect, it } from 'vitest'
import type {
  HttpAnswer,
  HttpRequest,
  RequestOptions,
  TransportFailure
} from '../src/deliver/http.js'
import { lookUpRelease, LookupError, type LookupOptions } from '../src/gather/release-lookup.js'
import { payload } from './helpers/events.js'
import { jumpingClock } from './helpers/run.js'

type Reply = HttpAnswer | TransportFailure

const RELEASE = payload('release-published').release as Record<string, unknown>

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Reply => ({
  ok: true,
  status,
  headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  text: JSON.stringify(body)
})
const notFound = json(404, { message: 'Not Found' })
const refused: Reply = {
  ok: false,
  kind: 'network',
  retryable: true,
  detail: 'connect ECONNREFUSED'
}

/** A GitHub that answers each request with the next reply (the last one again when they run out). */
function github(...replies: Reply[]) {
  const asked: { url: URL; request: HttpRequest; options: RequestOptions }[] = []
  const request = (url: URL, request: HttpRequest, options: RequestOptions) => {
    asked.push({ url, request, options })
    return Promise.resolve(replies[Math.min(asked.length, replies.length) - 1] ?? notFound)
  }
  return { asked, request }
}

function setUp(replies: Reply[], change: Partial<LookupOptions> = {}) {
  const clock = jumpingClock()
  const start = clock.now()
  const said: string[] = []
  const { asked, request } = github(...replies)
  const options: LookupOptions = {
    repository: 'octo-org/live-app',
    apiUrl: 'https://api.github.test',
    token: 'ghs_token',
    wanted: { tag: 'v2.3.0' },
    need: { required: false },
    timeoutSeconds: 10,
    retries: 2,
    deadline: start + 120_000,
    minTryMs: 1000,
    backoffMs: (retry) => 1000 * 2 ** retry,
    clock,
    log: { debug: () => undefined, info: (line) => said.push(line) },
    request,
    pool: undefined,
    quote: (text, max) => (text.length > max ? `${text.slice(0, max)}…` : text),
    ...change
  }
  return { options, clock, start, said, asked }
}

async function failure(promise: Promise<unknown>): Promise<LookupError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof LookupError) return error
    throw error
  }
  throw new Error('the lookup did not fail')
}

describe('a release found', () => {
  it('takes one GET of the tag, with the token, within the request timeout', async () => {
    const { options, said, asked } = setUp([json(200, RELEASE)])
    expect(await lookUpRelease(options)).toEqual({ release: RELEASE })
    expect(asked).toHaveLength(1)
    const [{ url, request, options: sent }] = asked as [(typeof asked)[number]]
    expect(url.href).toBe('https://api.github.test/repos/octo-org/live-app/releases/tags/v2.3.0')
    expect(request.method).toBe('GET')
    expect(request.headers.authorization).toBe('token ghs_token')
    expect(request).not.toHaveProperty('body')
    expect(sent).toEqual({ timeoutMs: 10_000 })
    expect(said).toEqual([
      'Looking up the release v2.3.0 of octo-org/live-app on https://api.github.test.',
      'Found the release v2.3.0: "v2.3.0 — Co-host mode", after 1 request.'
    ])
  })

  it('asks for the latest release by name, and names one without a name by its tag', async () => {
    const { options, said, asked } = setUp([json(200, { ...RELEASE, name: null })], {
      wanted: 'latest'
    })
    await lookUpRelease(options)
    expect(asked[0]?.url.pathname).toBe('/repos/octo-org/live-app/releases/latest')
    expect(said).toEqual([
      'Looking up the latest release of octo-org/live-app on https://api.github.test.',
      'Found the latest release: "v2.3.0", after 1 request.'
    ])
  })

  it('gives a try no more time than is left before the deadline', async () => {
    const { options, start } = setUp([json(200, RELEASE)])
    const { asked, request } = github(json(200, RELEASE))
    await lookUpRelease({ ...options, request, deadline: start + 4000 })
    expect(asked[0]?.options.timeoutMs).toBe(4000)
  })

  it('uses the run’s connections when it is given them', async () => {
    const pool = { agentFor: () => undefined as never }
    const { options, asked } = setUp([json(200, RELEASE)], { pool })
    await lookUpRelease(options)
    expect(asked[0]?.options).toEqual({ timeoutMs: 10_000, pool })
  })
})

describe('a release not there', () => {
  it('is no failure when it is optional: it says so, after one request', async () => {
    const { options, said, asked } = setUp([notFound])
    expect(await lookUpRelease(options)).toEqual({ missing: true })
    expect(asked).toHaveLength(1)
    expect(said.at(-1)).toBe('octo-org/live-app has no published release for the tag yet.')
  })

  it('counts a draft as not there: it is not published', async () => {
    const { options } = setUp([json(200, { ...RELEASE, draft: true })])
    expect(await lookUpRelease(options)).toEqual({ missing: true })
  })

  it('is looked for every ten seconds when required, then fails naming recent tags, drafts left out', async () => {
    const releases = [
      { ...RELEASE, tag_name: 'v2.2.1' },
      { ...RELEASE, tag_name: 'v2.4.0-draft', draft: true },
      { tag_name: 'no id' }
    ]
    const { options, clock, start, said, asked } = setUp(
      [notFound, notFound, notFound, json(200, releases)],
      { need: { required: true, waitMs: 20_000 } }
    )
    const error = await failure(lookUpRelease(options))
    expect(asked.map(({ url }) => url.pathname)).toEqual([
      '/repos/octo-org/live-app/releases/tags/v2.3.0',
      '/repos/octo-org/live-app/releases/tags/v2.3.0',
      '/repos/octo-org/live-app/releases/tags/v2.3.0',
      '/repos/octo-org/live-app/releases'
    ])
    expect(asked[3]?.url.search).toBe('?per_page=5')
    expect(clock.now() - start).toBe(20_000)
    expect(said.slice(1)).toEqual([
      'the release v2.3.0 does not exist yet; looking again in 10.0 s.',
      'the release v2.3.0 does not exist yet; looking again in 10.0 s.'
    ])
    expect(error.message).toBe(
      'octo-org/live-app has no published release with the tag v2.3.0 (`release-tag`) after waiting 20.0 s. Its latest: v2.2.1.'
    )
    expect(error.soft).toBe(true)
  })

  it('names no recent tags when there are none, and no wait when none was asked for', async () => {
    const { options } = setUp([notFound, json(200, [])], {
      need: { required: true, waitMs: 0 },
      wanted: 'latest'
    })
    const error = await failure(lookUpRelease(options))
    expect(error.message).toBe(
      'octo-org/live-app has no published release that is not a pre-release (`release-tag: latest`).'
    )
    expect(error.remedy).toBe('Publish a release, or name one by its tag in `release-tag`.')
    expect(error.soft).toBe(true)
  })

  it.each([403, 404])(
    'is a token that may not see the repository when its releases answer %i',
    async (status) => {
      const { options } = setUp([notFound, json(status, { message: 'Not Found' })], {
        need: { required: true, waitMs: 0 }
      })
      const error = await failure(lookUpRelease(options))
      expect(error.message).toBe(
        `The token in \`github-token\` may not read the releases of octo-org/live-app (HTTP ${status}).`
      )
      expect(error.soft).toBe(false)
    }
  )

  it('still fails as not found when the list of releases fails otherwise', async () => {
    const { options } = setUp([notFound, json(500, { message: 'boom' })], {
      need: { required: true, waitMs: 0 },
      retries: 0
    })
    const error = await failure(lookUpRelease(options))
    expect(error.message).toMatch(
      /^octo-org\/live-app has no published release with the tag v2\.3\.0 \(`release-tag`\)\.$/
    )
  })
})

describe('answers that are not a release', () => {
  it.each([
    ['an id that is not a number', { ...RELEASE, id: '184467441' }],
    ['no tag name', { ...RELEASE, tag_name: undefined }],
    ['a list', [RELEASE]]
  ])('%s is retried as a passing fault, then fails softly', async (_what, body) => {
    const { options, asked } = setUp([json(200, body)], { retries: 1 })
    const error = await failure(lookUpRelease(options))
    expect(asked).toHaveLength(2)
    expect(error.message).toBe(
      "GitHub's API could not be asked for the release v2.3.0: GitHub answered something that is not a release. Gave up after 2 tries."
    )
    expect(error.remedy).toBe(
      "Run the job again; if it persists, check GITHUB_API_URL and the runner's network or proxy."
    )
    expect(error.soft).toBe(true)
  })

  it('a server error is retried, backing off, and the release found after it', async () => {
    const { options, clock, start, said } = setUp([
      json(502, { message: 'Bad Gateway' }),
      refused,
      json(200, RELEASE)
    ])
    expect(await lookUpRelease(options)).toEqual({ release: RELEASE })
    expect(clock.now() - start).toBe(1000 + 2000)
    expect(said.slice(1, 3)).toEqual([
      'Try 1 failed (HTTP 502: Bad Gateway); trying again in 1.0 s.',
      'Try 2 failed (connect ECONNREFUSED); trying again in 2.0 s.'
    ])
    expect(said.at(-1)).toBe('Found the release v2.3.0: "v2.3.0 — Co-host mode", after 3 requests.')
  })

  it('a status GitHub does not give for releases is not retried, and names GITHUB_API_URL', async () => {
    const { options, asked } = setUp([json(418, { message: "I'm a teapot" })])
    const error = await failure(lookUpRelease(options))
    expect(asked).toHaveLength(1)
    expect(error.message).toBe(
      "GitHub's API answered HTTP 418: I'm a teapot to a request for a release."
    )
    expect(error.remedy).toBe(
      'Check GITHUB_API_URL: it must be the REST API of the GitHub that runs the workflow.'
    )
    expect(error.soft).toBe(false)
  })

  it('an answer without a body (304) is read as such, not as a broken fetch', async () => {
    const { options } = setUp([{ ok: true, status: 304, headers: {}, text: '' }])
    const error = await failure(lookUpRelease(options))
    expect(error.message).toBe(
      "GitHub's API answered HTTP 304: Not modified to a request for a release."
    )
  })

  it('an error without a message is named by its status alone', async () => {
    const { options } = setUp([{ ok: true, status: 418, headers: {}, text: '' }])
    const error = await failure(lookUpRelease(options))
    expect(error.message).toBe("GitHub's API answered HTTP 418 to a request for a release.")
  })

  it('gives up after one try when no retry is allowed, and says so in the singular', async () => {
    const { options, asked } = setUp([json(503, { message: 'Service Unavailable' })], {
      retries: 0
    })
    const error = await failure(lookUpRelease(options))
    expect(asked).toHaveLength(1)
    expect(error.message).toBe(
      "GitHub's API could not be asked for the release v2.3.0: HTTP 503: Service Unavailable. Gave up after 1 try."
    )
  })

  it('a failure no retry can cure fails at once', async () => {
    const { options, asked } = setUp([
      { ok: false, kind: 'certificate', retryable: false, detail: 'self-signed certificate' }
    ])
    const error = await failure(lookUpRelease(options))
    expect(asked).toHaveLength(1)
    expect(error.message).toBe(
      "GitHub's API at https://api.github.test could not be reached: self-signed certificate."
    )
    expect(error.soft).toBe(false)
  })
})

describe('rate limits', () => {
  it('a server error with no request left is no rate limit, whatever its headers say', async () => {
    const { options, said } = setUp(
      [json(500, { message: 'boom' }, { 'x-ratelimit-remaining': '0' }), json(200, RELEASE)],
      { retries: 1 }
    )
    await lookUpRelease(options)
    expect(said[1]).toBe('Try 1 failed (HTTP 500: boom); trying again in 1.0 s.')
  })

  it('waits a minute and a second when GitHub says neither when nor how long', async () => {
    const { options, clock, start, said } = setUp([
      json(403, { message: 'rate limited' }, { 'x-ratelimit-remaining': '0' }),
      json(200, RELEASE)
    ])
    await lookUpRelease(options)
    expect(clock.now() - start).toBe(61_000)
    expect(said[1]).toBe("GitHub's API rate limit is used up; waiting 61.0 s for it to lift.")
  })

  it('waits out retry-after, also of zero seconds', async () => {
    const { options, clock, start } = setUp([
      json(429, { message: 'slow down' }, { 'retry-after': '0' }),
      json(200, RELEASE)
    ])
    await lookUpRelease(options)
    expect(clock.now() - start).toBe(1000)
  })

  it('fails with the time it lifts when that is after the budget, and not a moment before', async () => {
    const { options, start } = setUp([])
    const resetAt = Math.ceil((start + 200_000) / 1000)
    const limited = json(
      403,
      { message: 'x' },
      {
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(resetAt)
      }
    )
    const { request } = github(limited)
    const error = await failure(lookUpRelease({ ...options, request }))
    expect(error.message).toBe(
      `GitHub's API rate limit for this token is used up until ${new Date(resetAt * 1000).toISOString()}, after the time budget of this step.`
    )
    expect(error.remedy).toBe(
      'Run the job again after that time, or use a token with a limit of its own in `github-token`.'
    )
    expect(error.soft).toBe(true)
    // A wait that ends exactly when the last try may start is still waited.
    const lastStart = options.deadline - options.minTryMs
    const justInTime = json(
      429,
      { message: 'x' },
      {
        'retry-after': String((lastStart - start - 1000) / 1000)
      }
    )
    const { request: again, asked } = github(justInTime, json(200, RELEASE))
    expect(await lookUpRelease({ ...options, request: again })).toEqual({ release: RELEASE })
    expect(asked).toHaveLength(2)
  })
})

describe('the time budget', () => {
  it('starts no try with less than a second left, and says how many were made', async () => {
    const { options, clock, start } = setUp([json(502, { message: 'Bad Gateway' })], {
      retries: 5,
      backoffMs: () => 5000
    })
    const error = await failure(lookUpRelease({ ...options, deadline: start + 11_000 }))
    // Tries at 0, 5 and 10 s, the last with exactly a second left; a fourth would have less.
    expect(clock.now() - start).toBe(10_000)
    expect(error.message).toBe(
      'The time budget of this step ran out while looking up the release v2.3.0, after 3 requests.'
    )
    expect(error.remedy).toBe(
      'Run the job again; raise `timeout-seconds` or `retries` if GitHub answers slowly.'
    )
    expect(error.soft).toBe(true)
  })

  it('does not wait past the last moment a try may start', async () => {
    const { options, clock, start, asked } = setUp([json(502, { message: 'Bad Gateway' })], {
      retries: 5,
      backoffMs: () => 5001
    })
    const error = await failure(lookUpRelease({ ...options, deadline: start + 11_000 }))
    expect(asked).toHaveLength(2)
    expect(clock.now() - start).toBe(5001)
    expect(error.message).toMatch(
      /ran out while looking up the release v2\.3\.0, after 2 requests\.$/
    )
  })

  it('counts a single request in the singular', async () => {
    const { options, start } = setUp([json(502, { message: 'Bad Gateway' })], {
      backoffMs: () => 1000
    })
    const error = await failure(lookUpRelease({ ...options, deadline: start + 1500 }))
    expect(error.message).toBe(
      'The time budget of this step ran out while looking up the release v2.3.0, after 1 request.'
    )
  })

  it('makes no request at all when the step has no time left', async () => {
    const { options, start, asked } = setUp([json(200, RELEASE)])
    const error = await failure(lookUpRelease({ ...options, deadline: start + 999 }))
    expect(asked).toHaveLength(0)
    expect(error.message).toMatch(/after 0 requests\.$/)
  })
})
