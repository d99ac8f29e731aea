import type { Env } from '../dependencies.js'
import { InputError } from '../inputs/input-error.js'
import { field, isJsonObject, nonEmpty, type JsonObject } from '../json.js'
import { messageOf } from '../prose.js'

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

/**
 * Reads the event context the runner provides: its GITHUB_* variables and the event file. Where a
 * variable is missing (a local run), the payload stands in for it.
 */
export function readEventContext(env: Env, readFile: (path: string) => string): EventContext {
  const payload = readPayload(env.GITHUB_EVENT_PATH, readFile)
  const repository =
    nonEmpty(env.GITHUB_REPOSITORY) ??
    nonEmpty(field(payload, 'repository', 'full_name')) ??
    'unknown/unknown'
  const serverUrl = (nonEmpty(env.GITHUB_SERVER_URL) ?? 'https://github.com').replace(/\/+$/, '')
  const runId = env.GITHUB_RUN_ID ?? ''
  return {
    name: nonEmpty(env.GITHUB_EVENT_NAME) ?? 'unknown',
    payload,
    repository,
    serverUrl,
    sha: nonEmpty(env.GITHUB_SHA) ?? nonEmpty(field(payload, 'after')) ?? '',
    ref: nonEmpty(env.GITHUB_REF) ?? nonEmpty(field(payload, 'ref')) ?? '',
    actor: nonEmpty(env.GITHUB_ACTOR) ?? nonEmpty(field(payload, 'sender', 'login')) ?? '',
    runId,
    job: env.GITHUB_JOB ?? '',
    runUrl: runId === '' ? undefined : `${serverUrl}/${repository}/actions/runs/${runId}`
  }
}

/**
 * The webhook payload. Without GITHUB_EVENT_PATH (outside a runner) there is none; a file the
 * runner named but that cannot be read as a JSON object is an error: announcing from a guess
 * would be worse than not announcing.
 */
function readPayload(path: string | undefined, readFile: (path: string) => string): JsonObject {
  if (!path) return {}
  const unusable = (why: string) =>
    new InputError(
      `The event file GITHUB_EVENT_PATH names ${why}`,
      'The runner writes this file: check that no earlier step changed or replaced it. Nothing was sent.'
    )
  let text: string
  try {
    text = readFile(path)
  } catch (error) {
    const reason = messageOf(error)
    throw unusable(`cannot be read: ${reason}`)
  }
  let payload: unknown
  try {
    payload = JSON.parse(text)
  } catch (error) {
    const reason = text.trim() === '' ? 'it is empty' : (error as Error).message
    throw unusable(`is not JSON: ${reason}.`)
  }
  if (!isJsonObject(payload)) {
    throw unusable('does not hold a JSON object.')
  }
  return payload
}
