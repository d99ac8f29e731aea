import { context } from '@actions/github'

export type JsonObject = Record<string, unknown>

/** What the workflow run tells about itself: the event that triggered it and where it runs. */
export interface EventContext {
  /** `GITHUB_EVENT_NAME`, such as `release` or `workflow_dispatch`. */
  name: string
  /** The webhook payload from the file `GITHUB_EVENT_PATH` names; `{}` when there is none. */
  payload: JsonObject
  /** `owner/repo`. */
  repository: string
  /** `https://github.com`, or the GitHub Enterprise Server's URL. */
  serverUrl: string
  sha: string
  ref: string
  actor: string
  runId: string
  job: string
  /** Link to the workflow run, when the run is known. */
  runUrl: string | undefined
}

/** Reads the event context the runner provides (environment and event file). */
export function readEventContext(): EventContext {
  const payload = (context.payload as JsonObject | undefined) ?? {}
  const env = process.env
  const repository =
    env.GITHUB_REPOSITORY ?? text(field(payload, 'repository', 'full_name')) ?? 'unknown/unknown'
  const serverUrl = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, '')
  const runId = env.GITHUB_RUN_ID ?? ''
  return {
    name: context.eventName || 'unknown',
    payload,
    repository,
    serverUrl,
    sha: context.sha || text(field(payload, 'after')) || '',
    ref: context.ref || text(field(payload, 'ref')) || '',
    actor: context.actor || text(field(payload, 'sender', 'login')) || '',
    runId,
    job: context.job || '',
    runUrl: runId === '' ? undefined : `${serverUrl}/${repository}/actions/runs/${runId}`
  }
}

/** Follows a path of keys through nested JSON objects; `undefined` where any step is missing. */
export function field(value: unknown, ...path: string[]): unknown {
  let current = value
  for (const key of path) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined
    current = (current as JsonObject)[key]
  }
  return current
}

/** A non-empty string, or `undefined`. */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}
