// Looking a release up through the GitHub REST API, with @actions/github: loaded only by runs that
// look one up (`release-tag`, or the release of a pushed tag), so every other run starts without
// Octokit. @actions/github parses the event file when it is imported (actions/toolkit#430): the
// run imports this module only after it has read and checked that file itself.
// What it needs of the rest of the action (a fetch, the back-off) is passed in: the chunk holds
// no second copy of the request code.
import { getOctokit } from '@actions/github'
import type { Clock, Log } from '../dependencies.js'
import type { HttpAnswer, HttpRequest, RequestOptions, TransportFailure } from '../deliver/http.js'
import type { ReleaseWanted } from '../inputs/inputs.js'
import { isJsonObject, type JsonObject } from '../json.js'
import { counted } from '../prose.js'
import { USER_AGENT } from '../version.js'

/** How often a release that does not exist yet is looked for again. */
export const POLL_MS = 10_000
/** Recent releases named when the one asked for is not found. */
const RECENT = 5

export interface LookupOptions {
  /** `owner/repo`. */
  repository: string
  /** GITHUB_API_URL: `https://api.github.com`, or a GitHub Enterprise Server's `…/api/v3`. */
  apiUrl: string
  token: string
  wanted: ReleaseWanted
  /**
   * `required`: a release that does not exist is waited for until `waitMs` have passed, then a
   * failure. `optional` (a pushed tag may have no release): it is looked for once.
   */
  need: { required: true; waitMs: number } | { required: false }
  timeoutSeconds: number
  retries: number
  /** When the step's time runs out (ms since the epoch). */
  deadline: number
  /** The least time a try is given: none starts with less left before the deadline. */
  minTryMs: number
  /** How long to wait before retry number `retry` (0 for the first). */
  backoffMs: (retry: number) => number
  clock: Clock
  log: Log
  /** Makes one request (http.ts's `request`), within `timeoutMs`, over the run's connections. */
  request: (
    url: URL,
    request: HttpRequest,
    options: RequestOptions
  ) => Promise<HttpAnswer | TransportFailure>
  /** The run's connections, for `request`. */
  pool: RequestOptions['pool']
  /** Text from GitHub, made safe to print on one line. */
  quote: (text: string, maxLength: number) => string
}

/** The release, or (only when it is not required) that there is none. */
export type Lookup = { release: JsonObject } | { missing: true }

/**
 * A lookup that failed: what happened and what to do. `soft` failures (a release still missing,
 * GitHub unreachable or rate-limited past the step's budget) are tolerated by
 * `fail-on-error: false`, like a failed delivery; the others need the workflow changed.
 */
export class LookupError extends Error {
  constructor(
    message: string,
    readonly remedy: string,
    readonly soft: boolean
  ) {
    super(message)
    this.name = new.target.name
  }
}

/** How one try ended. */
type Answer =
  | { kind: 'found'; release: JsonObject }
  | { kind: 'missing' }
  | { kind: 'rate-limited'; resetAt: number }
  | { kind: 'transient'; why: string }
  | { kind: 'fatal'; error: LookupError }

/**
 * Looks the release up: one request in the common case. Network failures and server errors are
 * retried (`retries`, backing off as requests to Tencent do); a rate limit is waited out when it
 * lifts within the step's budget. No try starts that could not have a second before `deadline`.
 */
export async function lookUpRelease(options: LookupOptions): Promise<Lookup> {
  const { clock, log, wanted } = options
  const [owner = '', repo = ''] = options.repository.split('/')
  const named = wanted === 'latest' ? 'the latest release' : `the release ${wanted.tag}`
  const latestStart = options.deadline - options.minTryMs
  const waitUntil = clock.now() + (options.need.required ? options.need.waitMs : 0)
  const client = (timeoutMs: number) =>
    getOctokit(options.token, {
      baseUrl: options.apiUrl,
      userAgent: USER_AGENT,
      request: { fetch: fetchOver(options, timeoutMs) },
      // Octokit's own notices go to the debug log, scrubbed like every line.
      log: { debug: log.debug, info: log.debug, warn: log.debug, error: log.debug }
    })
  log.info(`Looking up ${named} of ${options.repository} on ${options.apiUrl}.`)
  let tries = 0
  let retriesUsed = 0
  for (;;) {
    const now = clock.now()
    if (now > latestStart) throw outOfTime(named, tries)
    tries++
    const timeoutMs = Math.min(options.timeoutSeconds * 1000, options.deadline - now)
    const answer = await ask(client(timeoutMs), owner, repo, wanted, options, clock)
    let wait: number
    switch (answer.kind) {
      case 'found':
        log.info(
          `Found ${named}: ${options.quote(JSON.stringify(answer.release.name ?? answer.release.tag_name), 200)}, after ${counted(tries, 'request', 'requests')}.`
        )
        return { release: answer.release }
      case 'fatal':
        throw answer.error
      case 'missing':
        if (!options.need.required) {
          log.info(`${options.repository} has no published release for the tag yet.`)
          return { missing: true }
        }
        if (clock.now() + POLL_MS > Math.min(waitUntil, latestStart)) {
          throw await notFound(client(timeoutMs), owner, repo, options)
        }
        wait = POLL_MS
        log.info(`${named} does not exist yet; looking again in ${seconds(wait)}.`)
        break
      case 'rate-limited':
        wait = Math.max(0, answer.resetAt - clock.now()) + 1000
        if (clock.now() + wait > latestStart) {
          throw new LookupError(
            `GitHub's API rate limit for this token is used up until ${new Date(answer.resetAt).toISOString()}, after the time budget of this step.`,
            'Run the job again after that time, or use a token with a limit of its own in `github-token`.',
            true
          )
        }
        log.info(`GitHub's API rate limit is used up; waiting ${seconds(wait)} for it to lift.`)
        break
      case 'transient':
        if (retriesUsed === options.retries) {
          throw new LookupError(
            `GitHub's API could not be asked for ${named}: ${answer.why}. Gave up after ${counted(tries, 'try', 'tries')}.`,
            "Run the job again; if it persists, check GITHUB_API_URL and the runner's network or proxy.",
            true
          )
        }
        wait = options.backoffMs(retriesUsed++)
        log.info(`Try ${tries} failed (${answer.why}); trying again in ${seconds(wait)}.`)
        break
    }
    if (clock.now() + wait > latestStart) throw outOfTime(named, tries)
    await clock.sleep(wait)
  }
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`
}

function outOfTime(named: string, tries: number): LookupError {
  return new LookupError(
    `The time budget of this step ran out while looking up ${named}, after ${counted(tries, 'request', 'requests')}.`,
    'Run the job again; raise `timeout-seconds` or `retries` if GitHub answers slowly.',
    true
  )
}

type Client = ReturnType<typeof getOctokit>

/** One request for the release, and what its answer means. */
async function ask(
  octokit: Client,
  owner: string,
  repo: string,
  wanted: ReleaseWanted,
  options: LookupOptions,
  clock: Clock
): Promise<Answer> {
  try {
    const { data } =
      wanted === 'latest'
        ? await octokit.rest.repos.getLatestRelease({ owner, repo })
        : await octokit.rest.repos.getReleaseByTag({ owner, repo, tag: wanted.tag })
    const release: unknown = data
    if (!isRelease(release)) {
      return { kind: 'transient', why: 'GitHub answered something that is not a release' }
    }
    // A draft is never announced: it is not published.
    return release.draft === true ? { kind: 'missing' } : { kind: 'found', release }
  } catch (error) {
    return classify(error, options, clock)
  }
}

/** What a release object needs before it is announced. */
function isRelease(value: unknown): value is JsonObject {
  return isJsonObject(value) && typeof value.id === 'number' && typeof value.tag_name === 'string'
}

/** The status and headers of an HTTP error Octokit threw, and the transport failure it wraps. */
interface Thrown {
  status?: unknown
  message?: unknown
  cause?: unknown
  response?: { headers?: Record<string, string | undefined> }
}

function classify(error: unknown, options: LookupOptions, clock: Clock): Answer {
  const thrown = (isJsonObject(error) || error instanceof Error ? error : {}) as Thrown
  if (thrown.cause instanceof TransportError) {
    const { failure } = thrown.cause
    const detail = options.quote(failure.detail, 300)
    return failure.retryable
      ? { kind: 'transient', why: detail }
      : {
          kind: 'fatal',
          error: new LookupError(
            `GitHub's API at ${options.apiUrl} could not be reached: ${detail}.`,
            'Check GITHUB_API_URL, NODE_EXTRA_CA_CERTS for a private certificate authority, and HTTPS_PROXY or NO_PROXY.',
            false
          )
        }
  }
  const status = typeof thrown.status === 'number' ? thrown.status : undefined
  if (status === undefined) throw error
  const headers = thrown.response?.headers ?? {}
  const message = options.quote(typeof thrown.message === 'string' ? thrown.message : '', 200)
  const said = `HTTP ${status}${message === '' ? '' : `: ${message}`}`
  const retryAfter = Number(headers['retry-after'] ?? NaN)
  const reset = Number(headers['x-ratelimit-reset'] ?? NaN)
  if (
    (status === 403 || status === 429) &&
    (headers['x-ratelimit-remaining'] === '0' || headers['retry-after'] !== undefined)
  ) {
    return {
      kind: 'rate-limited',
      resetAt: Number.isFinite(retryAfter)
        ? clock.now() + retryAfter * 1000
        : Number.isFinite(reset)
          ? reset * 1000
          : clock.now() + 60_000
    }
  }
  if (status === 404) return { kind: 'missing' }
  if (status === 401) {
    return {
      kind: 'fatal',
      error: new LookupError(
        `GitHub refused the token in \`github-token\` (${said}).`,
        'Leave `github-token` at its default, `${{ github.token }}`, or give a token that is still valid.',
        false
      )
    }
  }
  if (status === 403) return { kind: 'fatal', error: noAccess(options, said) }
  if (status >= 500 || status === 429) return { kind: 'transient', why: said }
  return {
    kind: 'fatal',
    error: new LookupError(
      `GitHub's API answered ${said} to a request for a release.`,
      'Check GITHUB_API_URL: it must be the REST API of the GitHub that runs the workflow.',
      false
    )
  }
}

function noAccess(options: LookupOptions, said: string): LookupError {
  return new LookupError(
    `The token in \`github-token\` may not read the releases of ${options.repository} (${said}).`,
    'Give the job `permissions: contents: read` (or a token that can read the repository in `github-token`).',
    false
  )
}

/**
 * The failure for a release that does not exist, after waiting. GitHub answers 404 as well to a
 * token that may not see the repository: one more request for its recent releases tells the two
 * apart, and names them.
 */
async function notFound(
  octokit: Client,
  owner: string,
  repo: string,
  options: LookupOptions
): Promise<LookupError> {
  let recent: string[] | undefined
  try {
    const { data } = await octokit.rest.repos.listReleases({ owner, repo, per_page: RECENT })
    recent = (data as unknown[])
      .filter((item): item is JsonObject => isRelease(item) && item.draft !== true)
      .map((item) => options.quote(String(item.tag_name), 60))
  } catch (error) {
    const status = (error as Thrown | undefined)?.status
    if (status === 404 || status === 403) return noAccess(options, `HTTP ${status}`)
  }
  const { wanted } = options
  const waited =
    options.need.required && options.need.waitMs > 0
      ? ` after waiting ${seconds(options.need.waitMs)}`
      : ''
  const latest =
    recent === undefined || recent.length === 0 ? '' : ` Its latest: ${recent.join(', ')}.`
  return wanted === 'latest'
    ? new LookupError(
        `${options.repository} has no published release that is not a pre-release (\`release-tag: latest\`)${waited}.${latest}`,
        'Publish a release, or name one by its tag in `release-tag`.',
        true
      )
    : new LookupError(
        `${options.repository} has no published release with the tag ${options.quote(wanted.tag, 100)} (\`release-tag\`)${waited}.${latest}`,
        'Check `release-tag`; a draft is never announced. If the release is made by another job, make this one wait for it (`needs:`), or raise `release-wait-seconds`.',
        true
      )
}

/** A request that got no whole answer, as `fetch` rejects: the failure is its cause. */
class TransportError extends Error {
  constructor(readonly failure: TransportFailure) {
    super(failure.detail)
    this.name = new.target.name
  }
}

/** Answers that carry no body, which a `Response` refuses one for. */
const NULL_BODY = new Set([101, 103, 204, 205, 304])

/**
 * A `fetch` for Octokit over the action's own requests: the same hard deadline over every phase
 * (`timeoutMs`), the same connections and proxies as a request to Tencent, and no redirect
 * followed (the token is in a header). The lookups only read, so no body is sent. A request that
 * gets no whole answer rejects with a `TransportError`, which Octokit keeps as its error's cause.
 */
function fetchOver(options: LookupOptions, timeoutMs: number): typeof fetch {
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input))
    const headers = Object.fromEntries(new Headers(init?.headers).entries())
    const result = await options.request(
      url,
      { method: init?.method ?? 'GET', headers },
      { timeoutMs, ...(options.pool ? { pool: options.pool } : {}) }
    )
    if (!result.ok) throw new TransportError(result)
    const answerHeaders = new Headers()
    for (const [name, value] of Object.entries(result.headers)) {
      for (const one of [value ?? []].flat()) answerHeaders.append(name, one)
    }
    return new Response(NULL_BODY.has(result.status) ? null : result.text, {
      status: result.status,
      headers: answerHeaders
    })
  }
}
