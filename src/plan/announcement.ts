import { DEFAULT_BUSINESS_ID } from '../../client/src/schema.js'
import type { EventContext } from '../gather/event.js'
import { InputError } from '../inputs/input-error.js'
import { field, nonEmpty, type JsonObject } from '../json.js'
import { markdownToText } from './markdown.js'
import { fillText, type TemplateContext } from './template.js'

export const ANNOUNCEMENT_KINDS = ['release', 'deploy', 'manual'] as const
type AnnouncementKind = (typeof ANNOUNCEMENT_KINDS)[number]
/** The `template` input: `auto` picks the kind from the event. */
export type TemplateChoice = 'auto' | AnnouncementKind

/** The actions of a `release` event, and what each one says happened. */
const RELEASE_VERBS = {
  published: 'released',
  released: 'released',
  prereleased: 'pre-released',
  created: 'release created',
  edited: 'release notes updated',
  deleted: 'release withdrawn',
  unpublished: 'release unpublished'
} as const
export type ReleaseAction = keyof typeof RELEASE_VERBS
export const RELEASE_ACTIONS = Object.keys(RELEASE_VERBS) as ReleaseAction[]

/**
 * What is being announced, independent of how it is encoded. Every field comes from the event,
 * never from the clock, so that a re-run renders the same bytes and Tencent can recognise it.
 */
export interface Announcement {
  /** The key a TUIKit app dispatches the custom message to its renderer by. */
  businessID: string
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
  /** The webhook action (`published`, `edited`, `completed` …). */
  action: string | undefined
  author: string | undefined
  environment: string | undefined
  /** A deploy's state, or a workflow run's conclusion. */
  state: string | undefined
  /** The workflow whose run is announced (`workflow_run`). */
  workflow: string | undefined
  /** The same for every announcement about one thing: `release/184467441`, `deployment/42` … */
  subject: string | undefined
  repository: string
  sha: string
  ref: string
  actor: string
  runUrl: string | undefined
  timestamp: string | undefined
}

/** An event that is not announced: green, with a notice that says why and how to opt in. */
export interface Skip {
  skip: string
}

/** Which events are announced, from the inputs. */
export interface Choices {
  template: TemplateChoice
  /** The `release-actions` input: the actions of a `release` event that are announced. */
  releaseActions: readonly ReleaseAction[]
  /** The `business-id` input: the key a TUIKit app dispatches custom messages by. */
  businessId?: string
}

// `businessID` when `business-id` is not given, the key TUIKit apps register a renderer for: the
// schema's default, through the reader package's module generated from it.
export { DEFAULT_BUSINESS_ID }

const DEPLOY_EVENTS = new Set(['deployment', 'deployment_status', 'workflow_run'])

/**
 * A link an app may open: an http(s) URL and nothing else (a deployment's URLs are whatever its
 * creator wrote). The schema says the same of `url` and `run_url`.
 */
function link(value: unknown): string | undefined {
  const text = nonEmpty(value)
  return text !== undefined && /^https?:\/\/\S+$/.test(text) ? text : undefined
}

/**
 * The default announcement of an event, before any `title`, `message` or `desc` input, or why
 * the event is not announced. Whatever `template` says, a release action that is not chosen, a
 * push that deletes a ref and a workflow run that has not completed are skipped: one release
 * fires `created`, `published` and `released`, and only one of them may reach the live rooms.
 *
 * `found` is a release looked up through the GitHub API (`release-tag`, or the release of a
 * pushed tag): it is announced as its `published` event would be, whatever the event.
 */
export function announce(
  event: EventContext,
  choices: Choices,
  found?: JsonObject
): Announcement | Skip {
  const skip = skipReason(event, choices)
  if (skip !== undefined) return { skip }
  const common = {
    event: event.name,
    repository: event.repository,
    sha: event.sha,
    ref: event.ref,
    actor: event.actor,
    runUrl: link(event.runUrl),
    timestamp: nonEmpty(field(event.payload, 'head_commit', 'timestamp'))
  }
  const kind =
    found !== undefined ? 'release' : choices.template === 'auto' ? kindOf(event) : choices.template
  const specific =
    kind === 'release'
      ? release(event, found)
      : kind === 'deploy'
        ? event.name === 'workflow_run'
          ? workflowRun(event)
          : deploy(event)
        : manual(event)
  return {
    businessID: choices.businessId ?? DEFAULT_BUSINESS_ID,
    ...common,
    ...specific,
    timestamp: specific.timestamp ?? common.timestamp
  }
}

function kindOf(event: EventContext): AnnouncementKind {
  if (event.name === 'release') return 'release'
  if (event.name === 'push' && event.ref.startsWith('refs/tags/')) return 'release'
  if (DEPLOY_EVENTS.has(event.name)) return 'deploy'
  return 'manual'
}

/** Why an event is not announced (see `announce`), or `undefined` when it is. */
export function skipReason(event: EventContext, choices: Choices): string | undefined {
  const action = nonEmpty(field(event.payload, 'action'))
  if (event.name === 'release' && !choices.releaseActions.some((chosen) => chosen === action)) {
    const chosen = choices.releaseActions.map((one) => `\`${one}\``).join(', ')
    // Only an action GitHub names can be opted into; a payload without one has nothing to add.
    return action === undefined
      ? `Nothing was sent: this release event has no action, and \`release-actions\` announces only ${chosen}.`
      : `Nothing was sent: this release event is \`${action}\`, and \`release-actions\` announces only ${chosen}. Add \`${action}\` to \`release-actions\` to announce it.`
  }
  if (event.name === 'push' && deletes(event.payload)) {
    return `Nothing was sent: this push deleted ${event.ref || 'a ref'}; a deletion is not a release.`
  }
  if (event.name === 'workflow_run' && action !== 'completed') {
    const workflow = nonEmpty(field(event.payload, 'workflow_run', 'name')) ?? 'the workflow'
    return `Nothing was sent: the run of ${workflow} is \`${action ?? 'unknown'}\`; it is announced when it is \`completed\`.`
  }
  return undefined
}

/** A push that deletes its ref: `deleted`, or an `after` of all zeros. */
function deletes(payload: JsonObject): boolean {
  return field(payload, 'deleted') === true || /^0+$/.test(nonEmpty(field(payload, 'after')) ?? '')
}

type Specific = Omit<
  Announcement,
  'businessID' | 'event' | 'repository' | 'sha' | 'ref' | 'actor' | 'runUrl' | 'timestamp'
> &
  Partial<Pick<Announcement, 'sha' | 'ref' | 'timestamp'>>

const NOT_APPLICABLE = {
  version: undefined,
  prerelease: undefined,
  author: undefined,
  environment: undefined,
  state: undefined,
  workflow: undefined
} as const

function release(event: EventContext, found: JsonObject | undefined): Specific {
  const payload = event.payload
  const release = found ?? field(payload, 'release')
  const tag = event.ref.startsWith('refs/tags/') ? event.ref.slice('refs/tags/'.length) : undefined
  const version = nonEmpty(field(release, 'tag_name')) ?? tag
  // A release looked up is announced as its `published` event would be.
  const action = found === undefined ? nonEmpty(field(payload, 'action')) : 'published'
  const prerelease = field(release, 'prerelease') === true || action === 'prereleased'
  const known = action !== undefined && Object.hasOwn(RELEASE_VERBS, action)
  // Without an action (a pushed tag, or `template: release` forced on another event) nothing
  // but a release can be meant: only `release` events carry a `release` that could be a pre-release.
  const verb = !known
    ? 'released'
    : action === 'published' && prerelease
      ? 'pre-released'
      : action === 'created' && field(release, 'draft') === true
        ? 'release drafted'
        : RELEASE_VERBS[action as ReleaseAction]
  const withdrawn = action === 'deleted' || action === 'unpublished'
  const notes =
    // Only a pushed tag has a head commit; a release event's notes are its body alone.
    nonEmpty(field(release, 'body')) ?? nonEmpty(field(payload, 'head_commit', 'message')) ?? ''
  const id = field(release, 'id')
  return {
    ...NOT_APPLICABLE,
    kind: 'release',
    title: nonEmpty(field(release, 'name')) ?? version ?? event.repository,
    // A withdrawn release's notes are no news, and its page is gone: the list of releases stays.
    text: withdrawn
      ? `${version ?? 'The release'} was ${verb.replace('release ', '')}.`
      : markdownToText(notes),
    url: link(
      withdrawn
        ? `${event.serverUrl}/${event.repository}/releases`
        : (link(field(release, 'html_url')) ??
            (tag === undefined ? undefined : `${event.serverUrl}/${event.repository}/tree/${tag}`))
    ),
    desc: [event.repository, version, verb].filter(Boolean).join(' '),
    version,
    prerelease,
    action,
    author: nonEmpty(field(release, 'author', 'login')),
    subject:
      typeof id === 'number'
        ? `release/${id}`
        : version === undefined
          ? undefined
          : `tag/${version}`,
    // A release looked up from another event: its tag is the ref, as on its own event.
    ...(found === undefined || version === undefined ? {} : { ref: `refs/tags/${version}` }),
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
  const id = field(deployment, 'id')
  return {
    ...NOT_APPLICABLE,
    kind: 'deploy',
    title,
    text:
      nonEmpty(field(status, 'description')) ?? nonEmpty(field(deployment, 'description')) ?? title,
    // GitHub sends the URLs a deployment does not have as empty strings: the run always has one.
    url:
      link(field(status, 'environment_url')) ??
      link(field(status, 'target_url')) ??
      link(field(status, 'log_url')) ??
      link(event.runUrl),
    desc: title,
    action: nonEmpty(field(payload, 'action')),
    author:
      nonEmpty(field(status, 'creator', 'login')) ??
      nonEmpty(field(deployment, 'creator', 'login')),
    environment,
    state,
    subject: typeof id === 'number' ? `deployment/${id}` : undefined,
    timestamp:
      nonEmpty(field(status, 'updated_at')) ??
      nonEmpty(field(status, 'created_at')) ??
      nonEmpty(field(deployment, 'created_at'))
  }
}

/** What a workflow run's conclusion says, after "Deploy". */
const CONCLUSIONS: Record<string, string> = {
  success: 'succeeded',
  failure: 'failed',
  cancelled: 'was cancelled',
  timed_out: 'timed out',
  skipped: 'was skipped',
  action_required: 'needs an action',
  startup_failure: 'failed to start',
  stale: 'went stale',
  neutral: 'finished'
}

/** A `completed` run of another workflow, such as "Deploy": announced like a deploy. */
function workflowRun(event: EventContext): Specific {
  const run = field(event.payload, 'workflow_run')
  const workflow =
    nonEmpty(field(run, 'name')) ??
    nonEmpty(field(event.payload, 'workflow', 'name')) ??
    'A workflow'
  const conclusion = nonEmpty(field(run, 'conclusion')) ?? nonEmpty(field(run, 'status'))
  const branch = nonEmpty(field(run, 'head_branch'))
  const outcome =
    (conclusion === undefined ? undefined : CONCLUSIONS[conclusion]) ??
    `finished${conclusion === undefined ? '' : ` (${conclusion})`}`
  const title = `${event.repository}${branch === undefined ? '' : ` ${branch}`}: ${workflow} ${outcome}`
  const id = field(run, 'id')
  return {
    ...NOT_APPLICABLE,
    kind: 'deploy',
    title,
    text:
      nonEmpty(field(run, 'display_title')) ??
      nonEmpty(field(run, 'head_commit', 'message')) ??
      title,
    url: link(field(run, 'html_url')) ?? link(event.runUrl),
    desc: title,
    action: nonEmpty(field(event.payload, 'action')),
    author:
      nonEmpty(field(run, 'triggering_actor', 'login')) ?? nonEmpty(field(run, 'actor', 'login')),
    state: conclusion,
    workflow,
    subject: typeof id === 'number' ? `workflow_run/${id}` : undefined,
    // The run announced is the other workflow's: its commit and branch, not this run's.
    ...(nonEmpty(field(run, 'head_sha')) === undefined
      ? {}
      : { sha: nonEmpty(field(run, 'head_sha')) }),
    ...(branch === undefined ? {} : { ref: `refs/heads/${branch}` }),
    timestamp: nonEmpty(field(run, 'updated_at'))
  }
}

function manual(event: EventContext): Specific {
  const title = `${event.repository} announcement`
  return {
    ...NOT_APPLICABLE,
    kind: 'manual',
    title,
    text: title,
    url: undefined,
    desc: title,
    action: nonEmpty(field(event.payload, 'action')),
    subject: event.runId === '' ? undefined : `run/${event.runId}`
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
    businessID: a.businessID,
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
    workflow: a.workflow,
    subject: a.subject,
    repository: a.repository,
    sha: a.sha,
    ref: a.ref,
    actor: a.actor,
    run_url: a.runUrl,
    timestamp: a.timestamp
  }
}

/**
 * Data as templates see it (`{{ announcement.… }}`): every field of the schema, for every kind,
 * with an empty string, `false` or `null` where it does not apply. A template written for one
 * event of a kind therefore works for every event of that kind.
 */
function announcementForTemplates(a: Announcement): JsonObject {
  return {
    ...announcementData(a),
    url: a.url ?? '',
    version: a.version ?? '',
    prerelease: a.prerelease ?? false,
    action: a.action ?? '',
    author: a.author ?? '',
    environment: a.environment ?? '',
    state: a.state ?? '',
    workflow: a.workflow ?? '',
    subject: a.subject ?? '',
    run_url: a.runUrl ?? '',
    timestamp: a.timestamp ?? null
  }
}

/** What `{{ … }}` placeholders can reach (documented in the README's template reference). */
export function templateContext(
  event: EventContext,
  defaults: Announcement,
  found?: JsonObject
): TemplateContext {
  const payload = event.payload
  const optional = (key: string): JsonObject => {
    const value = field(payload, key)
    return value === undefined ? {} : { [key]: value }
  }
  return {
    event: payload,
    ...optional('release'),
    // A release looked up is `release`, as on its own event.
    ...(found === undefined ? {} : { release: found }),
    ...optional('deployment'),
    ...optional('deployment_status'),
    ...optional('workflow_run'),
    ...optional('client_payload'),
    inputs: field(payload, 'inputs') ?? field(payload, 'client_payload') ?? {},
    repository: event.repository,
    sha: event.sha,
    ref: event.ref,
    actor: event.actor,
    run_url: event.runUrl ?? '',
    announcement: announcementForTemplates(defaults)
  }
}

/** The `title`, `message` and `desc` inputs, as templates; empty ones keep the default. */
export interface Overrides {
  title: string
  message: string
  desc: string
}

/**
 * Applies the `title`, `message` and `desc` inputs, filled from the context. An event with no
 * content of its own (a schedule, a branch push, anything manual) needs `title` or `message`:
 * "octo-org/live-app announcement" in every live room says nothing.
 */
export function applyOverrides(
  defaults: Announcement,
  overrides: Overrides,
  context: TemplateContext
): Announcement {
  const manual = defaults.kind === 'manual'
  if (manual && overrides.title === '' && overrides.message === '') {
    throw new InputError(
      `Input \`title\` or input \`message\` is required: a \`${defaults.event}\` event has nothing of its own to announce.`
    )
  }
  const fill = (input: keyof Overrides): string | undefined =>
    overrides[input] === '' ? undefined : fillText(overrides[input], context, input)
  const title = fill('title')
  const message = fill('message')
  const desc = fill('desc')
  // A manual announcement has no text of its own: the inputs are its content.
  return {
    ...defaults,
    title: title ?? defaults.title,
    text: message ?? (manual ? (title ?? defaults.text) : defaults.text),
    desc: desc ?? (manual ? (title ?? message ?? defaults.desc) : defaults.desc)
  }
}
