import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  announce,
  announcementData,
  applyOverrides,
  RELEASE_ACTIONS,
  templateContext,
  type ReleaseAction
} from '../src/plan/announcement.js'
import type { EventContext } from '../src/gather/event.js'
import { InputError } from '../src/inputs/input-error.js'
import type { JsonObject } from '../src/json.js'
import { fillTree } from '../src/plan/template.js'
import { ROOT } from './helpers/action-process.mjs'
import { announced, contextOf, githubExamples, payload, variant } from './helpers/events.js'

const release = (change: (release: JsonObject) => void = () => undefined) =>
  variant('release-published', (p) => {
    change(p.release as JsonObject)
  })

/** The event context the runner gives for a GitHub example payload. */
function runnerContext(name: string, event: JsonObject): EventContext {
  const ref =
    name === 'push'
      ? String(event.ref)
      : name === 'release'
        ? `refs/tags/${String((event.release as JsonObject).tag_name)}`
        : 'refs/heads/main'
  return contextOf(name, event, { ref })
}

const schema = JSON.parse(
  readFileSync(join(ROOT, 'schema', 'announcement-v1.schema.json'), 'utf8')
) as { properties: Record<string, unknown> }

describe('a release event', () => {
  it('announces the tag, name, readable notes, link, author, action and subject', () => {
    const a = announced(contextOf('release', payload('release-published')))
    expect(a).toMatchObject({
      kind: 'release',
      event: 'release',
      version: 'v2.3.0',
      title: 'v2.3.0 — Co-host mode',
      url: 'https://github.com/octo-org/live-app/releases/tag/v2.3.0',
      desc: 'octo-org/live-app v2.3.0 released',
      prerelease: false,
      author: 'mona',
      action: 'published',
      subject: 'release/184467441',
      timestamp: '2026-11-24T09:00:00Z',
      repository: 'octo-org/live-app',
      actor: 'mona',
      runUrl: 'https://github.com/octo-org/live-app/actions/runs/9876543210'
    })
    expect(a.text).toBe(
      'What\'s new\n• Co-host mode: invite a second streamer on stage\n• Gift animations run at 60 fps\n\nFixes\n• Chat no longer scrolls back when a "super fan" badge appears (#412)\n\nFull Changelog: https://github.com/octo-org/live-app/compare/v2.2.1...v2.3.0'
    )
  })

  it.each<[ReleaseAction, JsonObject, string]>([
    ['published', {}, 'octo-org/live-app v2.3.0 released'],
    ['published', { prerelease: true }, 'octo-org/live-app v2.3.0 pre-released'],
    ['released', {}, 'octo-org/live-app v2.3.0 released'],
    ['prereleased', { prerelease: true }, 'octo-org/live-app v2.3.0 pre-released'],
    ['created', {}, 'octo-org/live-app v2.3.0 release created'],
    ['created', { draft: true, published_at: null }, 'octo-org/live-app v2.3.0 release drafted'],
    ['edited', {}, 'octo-org/live-app v2.3.0 release notes updated']
  ])('%s %j, chosen in release-actions, reads "%s"', (action, fields, desc) => {
    const event = release((r) => Object.assign(r, fields))
    event.action = action
    const a = announced(contextOf('release', event), 'auto', [action])
    expect(a).toMatchObject({ kind: 'release', action, desc })
    expect(a.prerelease).toBe(fields.prerelease === true || action === 'prereleased')
    expect(a.timestamp).toBe(
      fields.published_at === null ? '2026-11-24T08:58:12Z' : '2026-11-24T09:00:00Z'
    )
  })

  it.each<[ReleaseAction, string, string]>([
    ['deleted', 'octo-org/live-app v2.3.0 release withdrawn', 'v2.3.0 was withdrawn.'],
    ['unpublished', 'octo-org/live-app v2.3.0 release unpublished', 'v2.3.0 was unpublished.']
  ])('%s says so, without the notes, and links the releases that remain', (action, desc, text) => {
    const event = release()
    event.action = action
    expect(announced(contextOf('release', event), 'auto', [action])).toMatchObject({
      desc,
      text,
      url: 'https://github.com/octo-org/live-app/releases'
    })
  })

  it.each(['created', 'released', 'edited', 'deleted', 'prereleased', 'unpublished'])(
    'skips `%s` unless release-actions names it, and says how to opt in',
    (action) => {
      const event = release()
      event.action = action
      expect(
        announce(contextOf('release', event), { template: 'auto', releaseActions: ['published'] })
      ).toEqual({
        skip: `Nothing was sent: this release event is \`${action}\`, and \`release-actions\` announces only \`published\`. Add \`${action}\` to \`release-actions\` to announce it.`
      })
    }
  )

  it('skips a release action that is not chosen whatever `template` forces', () => {
    const event = release()
    event.action = 'created'
    expect(
      announce(contextOf('release', event), { template: 'manual', releaseActions: ['published'] })
    ).toHaveProperty('skip')
  })

  it('falls back to the tag when the release has no name or notes', () => {
    const a = announced(
      contextOf(
        'release',
        release((r) => Object.assign(r, { name: null, body: null }))
      )
    )
    expect(a.title).toBe('v2.3.0')
    expect(a.text).toBe('')
  })

  it.each<[ReleaseAction, JsonObject, string]>([
    ['edited', { prerelease: true }, 'octo-org/live-app v2.3.0 release notes updated'],
    ['edited', { draft: true }, 'octo-org/live-app v2.3.0 release notes updated'],
    ['deleted', { draft: true }, 'octo-org/live-app v2.3.0 release withdrawn'],
    ['prereleased', { prerelease: false }, 'octo-org/live-app v2.3.0 pre-released']
  ])('%s %j says what was done, not what the release is', (action, fields, desc) => {
    const event = release((r) => Object.assign(r, fields))
    event.action = action
    const a = announced(contextOf('release', event), 'auto', [action])
    expect(a.desc).toBe(desc)
    expect(a.prerelease).toBe(action === 'prereleased' || fields.prerelease === true)
  })

  it('names a withdrawn release that has no tag at all', () => {
    const event = release((r) => Object.assign(r, { tag_name: '' }))
    event.action = 'deleted'
    expect(
      announced(contextOf('release', event, { ref: 'refs/heads/main' }), 'auto', ['deleted'])
    ).toMatchObject({
      text: 'The release was withdrawn.',
      desc: 'octo-org/live-app release withdrawn'
    })
  })

  it('lists every chosen action when it skips one, and adds none when the event has no action', () => {
    const choices = {
      template: 'auto' as const,
      releaseActions: ['published', 'released'] as ReleaseAction[]
    }
    const edited = release()
    edited.action = 'edited'
    expect(announce(contextOf('release', edited), choices)).toEqual({
      skip: 'Nothing was sent: this release event is `edited`, and `release-actions` announces only `published`, `released`. Add `edited` to `release-actions` to announce it.'
    })
    const bare = release()
    delete bare.action
    expect(announce(contextOf('release', bare), choices)).toEqual({
      skip: 'Nothing was sent: this release event has no action, and `release-actions` announces only `published`, `released`.'
    })
  })

  it('forced on an event with neither release nor tag, names the repository and links nothing', () => {
    const a = announced(contextOf('workflow_dispatch', payload('workflow-dispatch')), 'release')
    expect(a).toMatchObject({
      kind: 'release',
      title: 'octo-org/live-app',
      desc: 'octo-org/live-app released',
      text: '',
      version: undefined,
      prerelease: false,
      url: undefined,
      subject: undefined
    })
  })

  it('announces one of the three events GitHub sends for one published release', () => {
    const fired = githubExamples('release').filter((event) =>
      ['created', 'published', 'released'].includes(String(event.action))
    )
    const outcomes = fired.map((event) =>
      announce(runnerContext('release', event), { template: 'auto', releaseActions: ['published'] })
    )
    const announcedOnes = outcomes.filter((outcome) => !('skip' in outcome))
    expect(announcedOnes.length).toBe(fired.filter((event) => event.action === 'published').length)
    expect(announcedOnes.every((a) => 'action' in a && a.action === 'published')).toBe(true)
  })

  it('never calls a created release released, in any of GitHub’s examples', () => {
    for (const event of githubExamples('release')) {
      const a = announce(runnerContext('release', event), {
        template: 'auto',
        releaseActions: RELEASE_ACTIONS
      })
      if ('skip' in a) throw new Error(a.skip)
      if (event.action === 'created') expect(a.desc).toMatch(/release (created|drafted)$/)
    }
  })
})

describe('a push', () => {
  it('of a tag is a release with the tag as version and the commit message as text', () => {
    const a = announced(
      contextOf('push', payload('push-tag'), { ref: 'refs/tags/v2.3.1', sha: '9a1f2ce' })
    )
    expect(a).toMatchObject({
      kind: 'release',
      version: 'v2.3.1',
      title: 'v2.3.1',
      desc: 'octo-org/live-app v2.3.1 released',
      url: 'https://github.com/octo-org/live-app/tree/v2.3.1',
      subject: 'tag/v2.3.1',
      timestamp: '2026-11-24T11:30:00+08:00'
    })
    expect(a.text).toBe(
      "Fix the gift counter on reconnect\n\nThe counter now resumes from the server's total."
    )
  })

  it('of a branch is a manual announcement', () => {
    expect(announced(contextOf('push', payload('push-tag'), { ref: 'refs/heads/main' })).kind).toBe(
      'manual'
    )
  })

  it.each([
    ['deleted', { deleted: true }],
    ['an all-zero after', { after: '0000000000000000000000000000000000000000' }]
  ])('that deletes a tag (%s) is skipped, not released', (_what, fields) => {
    const event = variant('push-tag', (p) => Object.assign(p, fields))
    expect(
      announce(contextOf('push', event, { ref: 'refs/tags/v2.3.1' }), {
        template: 'auto',
        releaseActions: ['published']
      })
    ).toEqual({
      skip: 'Nothing was sent: this push deleted refs/tags/v2.3.1; a deletion is not a release.'
    })
  })

  it.each([
    ['starts', '0000000abc1f2ce4b7d3e6f8a0c1b2d3e4f5a6b7'],
    ['ends', '9a1f2ce4b7d3e6f8a0c1b2d3e4f5a6b7c0000000']
  ])(
    'whose new commit only %s with zeros is released, not taken for a deletion',
    (_where, after) => {
      const event = variant('push-tag', (p) => Object.assign(p, { after }))
      expect(announced(contextOf('push', event, { ref: 'refs/tags/v2.3.1' })).kind).toBe('release')
    }
  )

  it('says “a ref” when a deleting push names none', () => {
    const event = variant('push-tag', (p) => Object.assign(p, { deleted: true }))
    expect(
      announce(contextOf('push', event, { ref: '' }), {
        template: 'auto',
        releaseActions: ['published']
      })
    ).toEqual({ skip: 'Nothing was sent: this push deleted a ref; a deletion is not a release.' })
  })

  it('only a push of a tag is a release: another event run on a tag is manual', () => {
    const event = contextOf('workflow_dispatch', payload('workflow-dispatch'), {
      ref: 'refs/tags/v2.3.1'
    })
    expect(announced(event).kind).toBe('manual')
  })

  it('is skipped for every deletion among GitHub’s examples, and announced otherwise', () => {
    for (const event of githubExamples('push')) {
      const a = announce(runnerContext('push', event), {
        template: 'auto',
        releaseActions: ['published']
      })
      expect('skip' in a, String(event.ref)).toBe(event.deleted === true)
    }
  })
})

describe('a deployment', () => {
  const status = (fields: JsonObject) =>
    variant('deployment-status-success', (p) =>
      Object.assign(p.deployment_status as JsonObject, fields)
    )

  it.each([
    ['success', 'octo-org/live-app v2.3.0 deployed to production'],
    ['failure', 'octo-org/live-app v2.3.0 failed to deploy to production'],
    ['error', 'octo-org/live-app v2.3.0 failed to deploy to production'],
    ['in_progress', 'octo-org/live-app v2.3.0 deploying to production'],
    ['queued', 'octo-org/live-app v2.3.0 deploying to production'],
    ['inactive', 'octo-org/live-app deployment to production is inactive']
  ])('status %s reads "%s"', (state, title) => {
    const a = announced(contextOf('deployment_status', status({ state })))
    expect(a).toMatchObject({
      kind: 'deploy',
      title,
      desc: title,
      url: 'https://live.octo.example',
      state,
      environment: 'production',
      author: 'deploy-bot[bot]',
      text: 'Deployed v2.3.0 to 12 edge regions',
      subject: 'deployment/1712345678',
      timestamp: '2026-11-24T09:12:41Z'
    })
  })

  it.each([
    [{}, 'https://live.octo.example'],
    [{ environment_url: '' }, 'https://github.com/octo-org/live-app/actions/runs/9876543210'],
    [{ environment_url: '', target_url: 'https://ci.example/target' }, 'https://ci.example/target'],
    [
      { environment_url: null, target_url: '', log_url: 'https://ci.example/log' },
      'https://ci.example/log'
    ],
    [
      { environment_url: '', target_url: '', log_url: '' },
      'https://github.com/octo-org/live-app/actions/runs/9876543210'
    ]
  ])('links the environment, else the target, else the log, else the run (%j)', (fields, url) => {
    expect(announced(contextOf('deployment_status', status(fields))).url).toBe(url)
  })

  it.each([
    [
      { environment_url: 'javascript:alert(1)' },
      'https://github.com/octo-org/live-app/actions/runs/9876543210'
    ],
    [
      { environment_url: 'live.octo.example', target_url: 'HTTPS://ci.example' },
      'https://github.com/octo-org/live-app/actions/runs/9876543210'
    ],
    [
      { environment_url: 'https://a b', target_url: '', log_url: 'http://ci.example/log' },
      'http://ci.example/log'
    ],
    [
      { environment_url: 'data:text/html,x', target_url: 'https://ci.example/t' },
      'https://ci.example/t'
    ]
  ])('links only an http(s) URL an app can open (%j)', (fields, url) => {
    expect(announced(contextOf('deployment_status', status(fields))).url).toBe(url)
  })

  it('gives no run_url and no url that is not http(s), whatever the runner says', () => {
    const event = contextOf('workflow_dispatch', payload('workflow-dispatch'), {
      runUrl: 'javascript:alert(1)//actions/runs/1'
    })
    const a = announced(event)
    expect(a.runUrl).toBeUndefined()
    const release = variant('release-published', (p) => {
      ;(p.release as JsonObject).html_url = 'javascript:alert(1)'
    })
    expect(announced(contextOf('release', release, { ref: 'refs/tags/v2.3.0' })).url).toBe(
      'https://github.com/octo-org/live-app/tree/v2.3.0'
    )
  })

  it('always has a link in GitHub’s examples, where the URLs arrive empty', () => {
    for (const event of githubExamples('deployment_status')) {
      expect(announced(runnerContext('deployment_status', event)).url).toMatch(/^https:\/\//)
    }
  })

  it('falls back to the deployment for what the status lacks', () => {
    const event = variant('deployment-status-success', (p) => {
      const s = p.deployment_status as JsonObject
      delete s.creator
      delete s.environment
      delete s.description
      delete s.updated_at
    })
    expect(announced(contextOf('deployment_status', event))).toMatchObject({
      author: 'deploy-bot[bot]',
      environment: 'production',
      text: 'Roll out v2.3.0 to the live servers',
      timestamp: '2026-11-24T09:12:41Z'
    })
    const bare = variant('deployment-status-success', (p) => {
      const s = p.deployment_status as JsonObject
      delete s.updated_at
      delete s.created_at
      delete s.environment
      ;(p.deployment as JsonObject).environment = ''
    })
    expect(announced(contextOf('deployment_status', bare))).toMatchObject({
      environment: 'an environment',
      timestamp: '2026-11-24T09:05:00Z'
    })
  })

  it('created is announced as starting, with its own description and time', () => {
    expect(announced(contextOf('deployment', payload('deployment-created')))).toMatchObject({
      kind: 'deploy',
      state: 'created',
      title: 'octo-org/live-app v2.3.0 deploying to production',
      text: 'Roll out v2.3.0 to the live servers',
      url: 'https://github.com/octo-org/live-app/actions/runs/9876543210',
      timestamp: '2026-11-24T09:05:00Z'
    })
  })

  it('shortens a full commit SHA used as the ref, and only that', () => {
    const withRef = (ref: string) =>
      announced(
        contextOf(
          'deployment_status',
          variant('deployment-status-success', (p) => {
            ;(p.deployment as JsonObject).ref = ref
          })
        )
      ).title
    expect(withRef('6113728f27ae82c7b1a177c8d03f9e96e0adf246')).toBe(
      'octo-org/live-app 6113728 deployed to production'
    )
    expect(withRef('x6113728f27ae82c7b1a177c8d03f9e96e0adf246')).toBe(
      'octo-org/live-app x6113728f27ae82c7b1a177c8d03f9e96e0adf246 deployed to production'
    )
    expect(withRef('6113728f27ae82c7b1a177c8d03f9e96e0adf2467')).toBe(
      'octo-org/live-app 6113728f27ae82c7b1a177c8d03f9e96e0adf2467 deployed to production'
    )
  })

  it('prefers what the status says over what the deployment said', () => {
    const event = status({
      environment: 'staging',
      creator: { login: 'release-bot' },
      updated_at: '2026-11-24T09:14:00Z'
    })
    expect(announced(contextOf('deployment_status', event))).toMatchObject({
      action: 'created',
      environment: 'staging',
      author: 'release-bot',
      title: 'octo-org/live-app v2.3.0 deployed to staging',
      timestamp: '2026-11-24T09:14:00Z'
    })
  })

  it('forced on an event with no deployment, claims no state, ref or subject', () => {
    const a = announced(contextOf('workflow_dispatch', payload('workflow-dispatch')), 'deploy')
    expect(a).toMatchObject({
      kind: 'deploy',
      title: 'octo-org/live-app deploying to an environment',
      environment: 'an environment',
      state: undefined,
      subject: undefined,
      url: 'https://github.com/octo-org/live-app/actions/runs/9876543210'
    })
  })
})

describe('a workflow run', () => {
  it('that completed is announced like a deploy: the workflow, its conclusion, branch, commit, link', () => {
    const a = announced(contextOf('workflow_run', payload('workflow-run-completed')))
    expect(a).toMatchObject({
      kind: 'deploy',
      event: 'workflow_run',
      title: 'octo-org/live-app main: Deploy succeeded',
      desc: 'octo-org/live-app main: Deploy succeeded',
      text: 'Roll out v2.3.0 to the live servers',
      url: 'https://github.com/octo-org/live-app/actions/runs/7712345601',
      state: 'success',
      workflow: 'Deploy',
      action: 'completed',
      author: 'mona',
      sha: '9a1f2ce4b7d3e6f8a0c1b2d3e4f5a6b7c8d9e0f1',
      ref: 'refs/heads/main',
      subject: 'workflow_run/7712345601',
      timestamp: '2026-11-24T09:26:31Z'
    })
  })

  it.each([
    ['failure', 'octo-org/live-app main: Deploy failed'],
    ['cancelled', 'octo-org/live-app main: Deploy was cancelled'],
    ['timed_out', 'octo-org/live-app main: Deploy timed out'],
    ['something_new', 'octo-org/live-app main: Deploy finished (something_new)']
  ])('that ended in %s reads "%s"', (conclusion, title) => {
    const event = variant('workflow-run-completed', (p) => {
      ;(p.workflow_run as JsonObject).conclusion = conclusion
    })
    expect(announced(contextOf('workflow_run', event))).toMatchObject({ title, state: conclusion })
  })

  it.each([
    ['skipped', 'was skipped'],
    ['action_required', 'needs an action'],
    ['startup_failure', 'failed to start'],
    ['stale', 'went stale'],
    ['neutral', 'finished']
  ])('that ended %s says it %s', (conclusion, words) => {
    const event = variant('workflow-run-completed', (p) => {
      ;(p.workflow_run as JsonObject).conclusion = conclusion
    })
    expect(announced(contextOf('workflow_run', event)).title).toBe(
      `octo-org/live-app main: Deploy ${words}`
    )
  })

  it('names the run and who started it, over its workflow and its first actor', () => {
    const event = variant('workflow-run-completed', (p) => {
      ;(p.workflow as JsonObject).name = 'deploy.yml'
      ;(p.workflow_run as JsonObject).triggering_actor = { login: 'hubot' }
    })
    expect(announced(contextOf('workflow_run', event))).toMatchObject({
      workflow: 'Deploy',
      author: 'hubot'
    })
  })

  it('falls back field by field on what GitHub may leave out', () => {
    const event = variant('workflow-run-completed', (p) => {
      const run = p.workflow_run as JsonObject
      run.name = ''
      run.conclusion = null
      run.display_title = ''
      run.triggering_actor = null
      run.head_branch = 'release/2.3'
    })
    expect(announced(contextOf('workflow_run', event))).toMatchObject({
      workflow: 'Deploy',
      state: 'completed',
      ref: 'refs/heads/release/2.3',
      title: 'octo-org/live-app release/2.3: Deploy finished (completed)',
      text: 'Release v2.3.0',
      author: 'mona'
    })
  })

  it('with nothing known about the run, announces this run on this commit', () => {
    const event = { action: 'completed', workflow_run: {} }
    expect(announced(contextOf('workflow_run', event, { ref: 'refs/heads/ops' }))).toMatchObject({
      workflow: 'A workflow',
      state: undefined,
      title: 'octo-org/live-app: A workflow finished',
      text: 'octo-org/live-app: A workflow finished',
      url: 'https://github.com/octo-org/live-app/actions/runs/9876543210',
      author: undefined,
      subject: undefined,
      sha: '6113728f27ae82c7b1a177c8d03f9e96e0adf246',
      ref: 'refs/heads/ops',
      timestamp: undefined
    })
  })

  it('says “the workflow” and “unknown” when a run that is skipped names neither', () => {
    expect(
      announce(contextOf('workflow_run', { workflow_run: {} }), {
        template: 'auto',
        releaseActions: ['published']
      })
    ).toEqual({
      skip: 'Nothing was sent: the run of the workflow is `unknown`; it is announced when it is `completed`.'
    })
  })

  it.each(['requested', 'in_progress'])('that is %s is skipped until it completes', (action) => {
    const event = variant('workflow-run-completed', (p) => {
      p.action = action
    })
    expect(
      announce(contextOf('workflow_run', event), {
        template: 'auto',
        releaseActions: ['published']
      })
    ).toEqual({
      skip: `Nothing was sent: the run of Deploy is \`${action}\`; it is announced when it is \`completed\`.`
    })
  })

  it('follows GitHub’s examples: completed runs announced, others skipped', () => {
    for (const event of githubExamples('workflow_run')) {
      const a = announce(runnerContext('workflow_run', event), {
        template: 'auto',
        releaseActions: ['published']
      })
      expect('skip' in a).toBe(event.action !== 'completed')
      if (!('skip' in a)) expect(a.url).toMatch(/^https:\/\/github\.com\/.*\/actions\/runs\/\d+$/)
    }
  })
})

describe('manual announcements', () => {
  it.each([
    ['workflow_dispatch', 'workflow-dispatch'],
    ['repository_dispatch', 'repository-dispatch'],
    ['schedule', 'schedule'],
    ['pull_request', 'schedule']
  ])('%s is manual, about this run, and has no clock time', (name, file) => {
    expect(announced(contextOf(name, payload(file)))).toMatchObject({
      kind: 'manual',
      title: 'octo-org/live-app announcement',
      subject: 'run/9876543210',
      timestamp: undefined
    })
  })

  it.each(['schedule', 'push', 'pull_request', 'workflow_dispatch'])(
    'refuses a %s announcement with neither title nor message: it would say nothing',
    (name) => {
      const event = contextOf(name, payload('schedule'))
      const defaults = announced(event)
      const apply = () =>
        applyOverrides(
          defaults,
          { title: '', message: '', desc: 'x' },
          templateContext(event, defaults)
        )
      expect(apply).toThrow(InputError)
      expect(apply).toThrow(
        `Input \`title\` or input \`message\` is required: a \`${name}\` event has nothing of its own to announce.`
      )
    }
  )

  it('takes title and message from the inputs, filled from the workflow inputs', () => {
    const event = contextOf('workflow_dispatch', payload('workflow-dispatch'))
    const defaults = announced(event)
    const a = applyOverrides(
      defaults,
      { title: 'Heads-up from {{ actor }}', message: '{{ inputs.message }}', desc: '' },
      templateContext(event, defaults)
    )
    expect(a.title).toBe('Heads-up from mona')
    expect(a.text).toBe(
      'Maintenance tonight 23:00–23:30 UTC+8: gifts are paused, streams keep running.'
    )
    expect(a.desc).toBe('Heads-up from mona')
  })

  it('uses a title alone as title, text and push line', () => {
    const event = contextOf('schedule', payload('schedule'))
    expect(
      applyOverrides(announced(event), { title: 'Nightly maintenance', message: '', desc: '' }, {})
    ).toMatchObject({
      title: 'Nightly maintenance',
      text: 'Nightly maintenance',
      desc: 'Nightly maintenance'
    })
  })

  it('keeps the action of a repository_dispatch', () => {
    expect(announced(contextOf('repository_dispatch', payload('repository-dispatch'))).action).toBe(
      'live-event'
    )
  })

  it('uses a message alone as text and push line', () => {
    const event = contextOf('schedule', payload('schedule'))
    const defaults = announced(event)
    expect(
      applyOverrides(defaults, { title: '', message: 'Nightly maintenance', desc: '' }, {})
    ).toMatchObject({
      title: 'octo-org/live-app announcement',
      text: 'Nightly maintenance',
      desc: 'Nightly maintenance'
    })
  })

  it('reads a repository_dispatch client_payload as inputs', () => {
    const event = contextOf('repository_dispatch', payload('repository-dispatch'))
    const defaults = announced(event)
    const a = applyOverrides(
      defaults,
      {
        title: '',
        message: '{{ inputs.title }} in {{ client_payload.room_count }} rooms',
        desc: ''
      },
      templateContext(event, defaults)
    )
    expect(a.text).toBe('Finals start in 10 minutes in 42 rooms')
    expect(a.desc).toBe('Finals start in 10 minutes in 42 rooms')
  })
})

describe('the template input', () => {
  it('forces a kind whatever the event', () => {
    const event = contextOf('workflow_dispatch', payload('workflow-dispatch'), {
      ref: 'refs/tags/v9.9.9'
    })
    expect(announced(event, 'release')).toMatchObject({ kind: 'release', version: 'v9.9.9' })
    expect(announced(event, 'deploy').kind).toBe('deploy')
    expect(announced(contextOf('release', payload('release-published')), 'manual').kind).toBe(
      'manual'
    )
  })
})

describe('overrides on an event with content of its own', () => {
  it('replace Desc, title and text only where given', () => {
    const event = contextOf('release', payload('release-published'))
    const defaults = announced(event)
    const context = templateContext(event, defaults)
    expect(
      applyOverrides(
        defaults,
        { title: '', message: '', desc: '🎉 {{ release.tag_name }} is live' },
        context
      )
    ).toEqual({ ...defaults, desc: '🎉 v2.3.0 is live' })
    expect(applyOverrides(defaults, { title: 'New!', message: '', desc: '' }, context)).toEqual({
      ...defaults,
      title: 'New!'
    })
  })
})

describe('the template context', () => {
  const kinds: [string, JsonObject][] = [
    ['release', payload('release-published')],
    ['push', payload('push-tag')],
    ['deployment', payload('deployment-created')],
    ['deployment_status', payload('deployment-status-success')],
    ['workflow_run', payload('workflow-run-completed')],
    ['workflow_dispatch', payload('workflow-dispatch')],
    ['schedule', payload('schedule')]
  ]

  it.each(kinds)(
    'has every field of the Data schema for %s, empty where it does not apply',
    (name, event) => {
      const context = runnerContext(name, event)
      const { announcement } = templateContext(context, announced(context)) as {
        announcement: JsonObject
      }
      expect(Object.keys(announcement).sort()).toEqual(Object.keys(schema.properties).sort())
      for (const value of Object.values(announcement)) expect(value).not.toBeUndefined()
    }
  )

  it('has empty values of the right type where a field does not apply', () => {
    const context = contextOf('schedule', payload('schedule'), { runId: '', runUrl: undefined })
    const { announcement } = templateContext(context, announced(context)) as {
      announcement: JsonObject
    }
    expect(announcement).toMatchObject({
      url: '',
      version: '',
      prerelease: false,
      action: '',
      author: '',
      environment: '',
      state: '',
      workflow: '',
      subject: '',
      run_url: '',
      timestamp: null
    })
    expect(templateContext(context, announced(context)).run_url).toBe('')
  })

  it('fills the README’s deploy example for every deployment_status GitHub sends', () => {
    const data = {
      type: 2,
      content: '{{ deployment.ref }} is live',
      link: '{{ announcement.url }}'
    }
    for (const event of githubExamples('deployment_status')) {
      const context = runnerContext('deployment_status', event)
      const filled = fillTree(
        data,
        templateContext(context, announced(context)),
        'data'
      ) as JsonObject
      expect(filled.link).toMatch(/^https:\/\//)
    }
  })

  it('offers the deployment and its status of a deployment_status event', () => {
    const context = contextOf('deployment_status', payload('deployment-status-success'))
    const filled = fillTree(
      { state: '{{ deployment_status.state }}', ref: '{{ deployment.ref }}' },
      templateContext(context, announced(context)),
      'data'
    )
    expect(filled).toEqual({ state: 'success', ref: 'v2.3.0' })
  })

  it('offers the workflow run of a workflow_run event', () => {
    const context = contextOf('workflow_run', payload('workflow-run-completed'))
    const filled = fillTree(
      { name: '{{ workflow_run.name }}', n: '{{ workflow_run.run_number }}' },
      templateContext(context, announced(context)),
      'data'
    )
    expect(filled).toEqual({ name: 'Deploy', n: 412 })
  })
})

describe('Data v1', () => {
  it('leaves out what does not apply and always says whether it was cut', () => {
    const a = announced(contextOf('workflow_dispatch', payload('workflow-dispatch')))
    const data = JSON.parse(JSON.stringify(announcementData(a))) as JsonObject
    expect(data).toEqual({
      v: 1,
      businessID: 'github_announcement',
      kind: 'manual',
      event: 'workflow_dispatch',
      title: 'octo-org/live-app announcement',
      text: 'octo-org/live-app announcement',
      truncated: false,
      subject: 'run/9876543210',
      repository: 'octo-org/live-app',
      sha: '6113728f27ae82c7b1a177c8d03f9e96e0adf246',
      ref: 'refs/heads/main',
      actor: 'mona',
      run_url: 'https://github.com/octo-org/live-app/actions/runs/9876543210'
    })
  })
})
