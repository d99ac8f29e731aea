import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { ROOT } from './action-process.mjs'
import {
  announce,
  type Announcement,
  type ReleaseAction,
  type TemplateChoice
} from '../../src/plan/announcement.js'
import type { EventContext } from '../../src/gather/event.js'
import type { JsonObject } from '../../src/json.js'

/** A webhook payload from __fixtures__/events, built from GitHub's documented shapes. */
export function payload(name: string): JsonObject {
  return JSON.parse(
    readFileSync(join(ROOT, '__fixtures__', 'events', `${name}.json`), 'utf8')
  ) as JsonObject
}

/** A payload with some of its fields changed, for the other actions of the same event. */
export function variant(name: string, change: (payload: JsonObject) => void): JsonObject {
  const copy = payload(name)
  change(copy)
  return copy
}

/** The event context a runner would give for this payload. */
export function contextOf(
  name: string,
  event: JsonObject,
  extra: Partial<EventContext> = {}
): EventContext {
  return {
    name,
    payload: event,
    repository: 'octo-org/live-app',
    serverUrl: 'https://github.com',
    sha: '6113728f27ae82c7b1a177c8d03f9e96e0adf246',
    ref: 'refs/heads/main',
    actor: 'mona',
    runId: '9876543210',
    job: 'announce',
    runUrl: 'https://github.com/octo-org/live-app/actions/runs/9876543210',
    ...extra
  }
}

/** The default announcement of an event; a test that expects one fails on a skip. */
export function announced(
  event: EventContext,
  template: TemplateChoice = 'auto',
  releaseActions: ReleaseAction[] = ['published']
): Announcement {
  const result = announce(event, { template, releaseActions })
  if ('skip' in result) throw new Error(`the event was skipped: ${result.skip}`)
  return result
}

/** GitHub's own example payloads for an event, from the npm package @octokit/webhooks-examples. */
export function githubExamples(name: string): JsonObject[] {
  const all = createRequire(import.meta.url)('@octokit/webhooks-examples') as {
    name: string
    examples: JsonObject[]
  }[]
  const found = all.find((entry) => entry.name === name)
  if (!found) throw new Error(`no examples of ${name}`)
  return found.examples
}
