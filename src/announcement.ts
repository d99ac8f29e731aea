import type { EventContext } from './event.js'
import { field, nonEmpty, type JsonObject } from './json.js'
import { markdownToText } from './markdown.js'
import { fillText, type TemplateContext } from './template.js'

export const ANNOUNCEMENT_KINDS = ['release', 'deploy', 'manual'] as const
type AnnouncementKind = (typeof ANNOUNCEMENT_KINDS)[number]
/** The `template` input: `auto` picks the kind from the event. */
export type TemplateChoice = 'auto' | AnnouncementKind

/**
 * What is being announced, independent of how it is encoded. Every field comes from the event,
 * never from the clock, so that a re-run renders the same bytes and Tencent can recognise it.
 */
export interface Announcement {
  kind: AnnouncementKind
  /** GITHUB_EVENT_NAME. */
  event: string
  title: string
  /** Readable plain text: release notes without Markdown, a deploy's description, a message. */
  text: string
  url: string | undefined
  /** One human line: Desc, the offline-push text. */
  desc: string
  version: string | undefined
  prerelease: boolean | undefined
  /** The webhook action (`published`, `edited` …) or, for a deploy, its state. */
  action: string | undefined
  author: string | undefined
  environment: string | undefined
  state: string | undefined
  repository: string
  sha: string
  ref: string
  actor: string
  runUrl: string | undefined
  timestamp: string | undefined
}

type Common = Pick<
  Announcement,
  'event' | 'repository' | 'sha' | 'ref' | 'actor' | 'runUrl' | 'timestamp' | 'url'
>
type Specific = Omit<Announcement, keyof Common> & Partial<Pick<Announcement, 'url' | 'timestamp'>>

const DEPLOY_EVENTS = new Set(['deployment', 'deployment_status'])

/** The kind an event announces: `template` forces one; `auto` reads the event. */
function kindOf(event: EventContext, template: TemplateChoice): AnnouncementKind {
  if (template !== 'auto') return template
  if (event.name === 'release') return 'release'
  if (event.name === 'push' && event.ref.startsWith('refs/tags/')) return 'release'
  if (DEPLOY_EVENTS.has(event.name)) return 'deploy'
  return 'manual'
}

/** The default announcement of an event, before any `title`, `message` or `desc` input. */
export function announce(event: EventContext, template: TemplateChoice): Announcement {
  const common: Common = {
    event: event.name,
    repository: event.repository,
    sha: event.sha,
    ref: event.ref,
    actor: event.actor,
    runUrl: event.runUrl,
    url: undefined,
    timestamp: nonEmpty(field(event.payload, 'head_commit', 'timestamp'))
  }
  const kind = kindOf(event, template)
  const specific =
    kind === 'release' ? release(event) : kind === 'deploy' ? deploy(event) : manual(event)
  return {
    ...common,
    ...specific,
    url: specific.url ?? common.url,
    timestamp: specific.timestamp ?? common.timestamp
  }
}

const RELEASE_VERBS: Record<string, string> = {
  edited: 'release notes updated',
  deleted: 'release withdrawn',
  unpublished: 'release unpublished'
}

function release(event: EventContext): Specific {
  const payload = event.payload
  const release = field(payload, 'release')
  const tag = event.ref.startsWith('refs/tags/') ? event.ref.slice('refs/tags/'.length) : undefined
  const version = nonEmpty(field(release, 'tag_name')) ?? tag
  const action = nonEmpty(field(payload, 'action'))
  const prerelease = field(release, 'prerelease') === true || action === 'prereleased'
  const draft = field(release, 'draft') === true
  const verb =
    (action && RELEASE_VERBS[action]) ??
    (draft ? 'release drafted' : prerelease ? 'pre-released' : 'released')
  const notes =
    nonEmpty(field(release, 'body')) ??
    (release === undefined ? nonEmpty(field(payload, 'head_commit', 'message')) : undefined) ??
    ''
  return {
    kind: 'release',
    title: nonEmpty(field(release, 'name')) ?? version ?? event.repository,
    text: markdownToText(notes),
    url:
      nonEmpty(field(release, 'html_url')) ??
      (tag === undefined ? undefined : `${event.serverUrl}/${event.repository}/tree/${tag}`),
    desc: [event.repository, version, verb].filter(Boolean).join(' '),
    version,
    prerelease,
    action,
    author: nonEmpty(field(release, 'author', 'login')),
    environment: undefined,
    state: undefined,
    timestamp: nonEmpty(field(release, 'published_at')) ?? nonEmpty(field(release, 'created_at'))
  }
}

function deploy(event: EventContext): Specific {
  const payload = event.payload
  const deployment = field(payload, 'deployment')
  const status = field(payload, 'deployment_status')
  const environment =
    nonEmpty(field(status, 'environment')) ??
    nonEmpty(field(deployment, 'environment')) ??
    'an environment'
  const state =
    nonEmpty(field(status, 'state')) ?? (deployment === undefined ? undefined : 'created')
  const ref = nonEmpty(field(deployment, 'ref'))
  const shown = ref === undefined ? '' : ` ${/^[0-9a-f]{40}$/.test(ref) ? ref.slice(0, 7) : ref}`
  const title =
    state === 'success'
      ? `${event.repository}${shown} deployed to ${environment}`
      : state === 'failure' || state === 'error'
        ? `${event.repository}${shown} failed to deploy to ${environment}`
        : state === 'inactive'
          ? `${event.repository} deployment to ${environment} is inactive`
          : `${event.repository}${shown} deploying to ${environment}`
  return {
    kind: 'deploy',
    title,
    text:
      nonEmpty(field(status, 'description')) ?? nonEmpty(field(deployment, 'description')) ?? title,
    url:
      nonEmpty(field(status, 'environment_url')) ??
      nonEmpty(field(status, 'target_url')) ??
      nonEmpty(field(status, 'log_url')),
    desc: title,
    version: undefined,
    prerelease: undefined,
    action: nonEmpty(field(payload, 'action')),
    author:
      nonEmpty(field(status, 'creator', 'login')) ??
      nonEmpty(field(deployment, 'creator', 'login')),
    environment,
    state,
    timestamp:
      nonEmpty(field(status, 'updated_at')) ??
      nonEmpty(field(status, 'created_at')) ??
      nonEmpty(field(deployment, 'created_at'))
  }
}

function manual(event: EventContext): Specific {
  const title = `${event.repository} announcement`
  return {
    kind: 'manual',
    title,
    text: title,
    desc: title,
    version: undefined,
    prerelease: undefined,
    action: nonEmpty(field(event.payload, 'action')),
    author: undefined,
    environment: undefined,
    state: undefined
  }
}

/**
 * The Data object apps receive (schema v1, schema/announcement-v1.schema.json). Fields that do
 * not apply are left out, never sent as null. `truncated` is always present so that marking a
 * cut message does not change its size.
 */
export function announcementData(a: Announcement, truncated = false): JsonObject {
  return {
    v: 1,
    kind: a.kind,
    event: a.event,
    title: a.title,
    text: a.text,
    url: a.url,
    truncated,
    version: a.version,
    prerelease: a.prerelease,
    action: a.action,
    author: a.author,
    environment: a.environment,
    state: a.state,
    repository: a.repository,
    sha: a.sha,
    ref: a.ref,
    actor: a.actor,
    run_url: a.runUrl,
    timestamp: a.timestamp
  }
}

/** What `{{ … }}` placeholders can reach (documented in the README's template reference). */
export function templateContext(event: EventContext, defaults: Announcement): TemplateContext {
  const payload = event.payload
  const optional = (key: string): JsonObject => {
    const value = field(payload, key)
    return value === undefined ? {} : { [key]: value }
  }
  return {
    event: payload,
    ...optional('release'),
    ...optional('deployment'),
    ...optional('deployment_status'),
    ...optional('client_payload'),
    inputs: field(payload, 'inputs') ?? field(payload, 'client_payload') ?? {},
    repository: event.repository,
    sha: event.sha,
    ref: event.ref,
    actor: event.actor,
    run_url: event.runUrl ?? '',
    announcement: JSON.parse(JSON.stringify(announcementData(defaults))) as JsonObject
  }
}

/** The `title`, `message` and `desc` inputs, as templates; empty ones keep the default. */
export interface Overrides {
  title: string
  message: string
  desc: string
}

/** Applies the `title`, `message` and `desc` inputs, filled from the context. */
export function applyOverrides(
  defaults: Announcement,
  overrides: Overrides,
  context: TemplateContext
): Announcement {
  const fill = (input: keyof Overrides): string | undefined =>
    overrides[input] === '' ? undefined : fillText(overrides[input], context, input)
  const title = fill('title')
  const message = fill('message')
  const desc = fill('desc')
  // A manual announcement has no text of its own: the inputs are its content.
  const manual = defaults.kind === 'manual'
  return {
    ...defaults,
    title: title ?? defaults.title,
    text: message ?? (manual ? (title ?? defaults.text) : defaults.text),
    desc: desc ?? (manual ? (title ?? message ?? defaults.desc) : defaults.desc)
  }
}
