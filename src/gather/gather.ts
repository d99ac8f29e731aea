import type { Config } from '../inputs/config.js'
import type { Clock, Env, Log } from '../dependencies.js'
import type { EventContext } from './event.js'
import { request, type ConnectionPool } from '../deliver/http.js'
import type { ReleaseWanted } from '../inputs/inputs.js'
import type { JsonObject } from '../json.js'
import { waitBefore } from '../deliver/retry-policy.js'
import { MIN_TRY_MS } from '../deliver/retries.js'

/**
 * What there is to announce, gathered before the announcement is planned: the event that started
 * the run, and a release looked up through the GitHub API when there is one to look up.
 */
export interface Facts {
  event: EventContext
  /** The release looked up, announced as its `published` event would be. */
  release: JsonObject | undefined
}

/** A release to look up, and whether the run needs it or may go on without it. */
export interface LookupNeed {
  wanted: ReleaseWanted
  /** `release-tag` given: the release must exist (and is waited for until `waitMs`). */
  required: boolean
  waitMs: number
}

/**
 * Whether the run looks a release up: always for `release-tag`; for a pushed tag when the
 * announcement is a release's and a token is there (releases made with the workflow's own token
 * start no `release` workflow: this is where they are found).
 */
export function lookupNeed(config: Config, event: EventContext): LookupNeed | undefined {
  if (config.releaseTag !== undefined) {
    return { wanted: config.releaseTag, required: true, waitMs: config.releaseWaitSeconds * 1000 }
  }
  const pushedTag =
    event.name === 'push' && event.ref.startsWith('refs/tags/')
      ? event.ref.slice('refs/tags/'.length)
      : undefined
  if (pushedTag === undefined || config.githubToken === undefined) return undefined
  if (config.template !== 'auto' && config.template !== 'release') return undefined
  return { wanted: { tag: pushedTag }, required: false, waitMs: 0 }
}

/** What gathering uses of the run. */
export interface GatherTools {
  env: Env
  clock: Clock
  log: Log & { notice: (message: string) => void }
  /** When the step's time runs out (ms since the epoch). */
  deadline: number
  pool: ConnectionPool
  /** Text from outside, made safe to print on one line. */
  quote: (text: string, maxLength: number) => string
}

/**
 * The facts of this run: the event, and the release `need` names, looked up with the lookup
 * chunk (loaded only now: runs without a lookup never load Octokit). A pushed tag without a
 * release is announced as the tag, with a notice that says so.
 */
export async function gather(
  config: Config,
  event: EventContext,
  need: LookupNeed | undefined,
  tools: GatherTools
): Promise<Facts> {
  if (need === undefined) return { event, release: undefined }
  const { lookUpRelease } = await import('./release-lookup.js')
  const found = await lookUpRelease({
    repository: event.repository,
    apiUrl: (tools.env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
    token: config.githubToken ?? '',
    wanted: need.wanted,
    need: need.required ? { required: true, waitMs: need.waitMs } : { required: false },
    timeoutSeconds: config.timeoutSeconds,
    retries: config.retries,
    deadline: tools.deadline,
    minTryMs: MIN_TRY_MS,
    backoffMs: (retry) => waitBefore('retry', retry, () => tools.clock.random()),
    clock: tools.clock,
    log: tools.log,
    request,
    pool: tools.pool,
    quote: tools.quote
  })
  if ('missing' in found) {
    const tag = need.wanted === 'latest' ? 'latest' : need.wanted.tag
    tools.log.notice(
      `${event.repository} has no published release for the pushed tag ${tools.quote(tag, 200)}: the tag is announced as it is. Run this step after the release is made, or give \`release-tag\` to wait for it.`
    )
    return { event, release: undefined }
  }
  return { event, release: found.release }
}
