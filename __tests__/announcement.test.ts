import { describe, expect, it } from 'vitest'
import { announce, announcementData, applyOverrides, templateContext } from '../src/announcement.js'
import type { JsonObject } from '../src/json.js'
import { contextOf, payload, variant } from './helpers/events.js'

const release = (change: (release: JsonObject) => void = () => undefined) =>
  variant('release-published', (p) => change(p.release as JsonObject))

describe('a release event', () => {
  it('announces the tag, name, readable notes, link, author and action', () => {
    const a = announce(contextOf('release', payload('release-published')), 'auto')
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
      timestamp: '2026-11-24T09:00:00Z',
      repository: 'octo-org/live-app',
      actor: 'mona',
      runUrl: 'https://github.com/octo-org/live-app/actions/runs/9876543210'
    })
    expect(a.text).toContain('• Co-host mode: invite a second streamer on stage')
    expect(a.text).not.toMatch(/\*\*|##/)
  })

  it.each([
    ['published', {}, 'octo-org/live-app v2.3.0 released'],
    ['released', {}, 'octo-org/live-app v2.3.0 released'],
    ['prereleased', { prerelease: true }, 'octo-org/live-app v2.3.0 pre-released'],
    ['published', { prerelease: true }, 'octo-org/live-app v2.3.0 pre-released'],
    ['created', { draft: true, published_at: null }, 'octo-org/live-app v2.3.0 release drafted'],
    ['edited', {}, 'octo-org/live-app v2.3.0 release notes updated'],
    ['deleted', {}, 'octo-org/live-app v2.3.0 release withdrawn'],
    ['unpublished', {}, 'octo-org/live-app v2.3.0 release unpublished']
  ] as [string, JsonObject, string][])('%s %j reads "%s"', (action, fields, desc) => {
    const event = release((r) => Object.assign(r, fields))
    event.action = action
    const a = announce(contextOf('release', event), 'auto')
    expect(a.kind).toBe('release')
    expect(a.action).toBe(action)
    expect(a.desc).toBe(desc)
    expect(a.timestamp).toBe(
      fields.published_at === null ? '2026-11-24T08:58:12Z' : '2026-11-24T09:00:00Z'
    )
  })

  it('falls back to the tag when the release has no name or notes', () => {
    const a = announce(
      contextOf(
        'release',
        release((r) => Object.assign(r, { name: null, body: null }))
      ),
      'auto'
    )
    expect(a.title).toBe('v2.3.0')
    expect(a.text).toBe('')
  })
})

describe('a tag push', () => {
  it('is a release with the tag as version and the commit message as text', () => {
    const a = announce(
      contextOf('push', payload('push-tag'), { ref: 'refs/tags/v2.3.1', sha: '9a1f2ce' }),
      'auto'
    )
    expect(a).toMatchObject({
      kind: 'release',
      version: 'v2.3.1',
      title: 'v2.3.1',
      desc: 'octo-org/live-app v2.3.1 released',
      url: 'https://github.com/octo-org/live-app/tree/v2.3.1',
      timestamp: '2026-11-24T11:30:00+08:00'
    })
    expect(a.text).toBe(
      "Fix the gift counter on reconnect\n\nThe counter now resumes from the server's total."
    )
  })

  it('of a branch is a manual announcement', () => {
    const a = announce(contextOf('push', payload('push-tag'), { ref: 'refs/heads/main' }), 'auto')
    expect(a.kind).toBe('manual')
    expect(a.timestamp).toBe('2026-11-24T11:30:00+08:00')
  })
})

describe('a deployment', () => {
  const status = (fields: JsonObject) =>
    variant('deployment-status-success', (p) =>
      Object.assign(p.deployment_status as JsonObject, fields)
    )

  it.each([
    ['success', {}, 'octo-org/live-app v2.3.0 deployed to production', 'https://live.octo.example'],
    [
      'failure',
      { environment_url: '' },
      'octo-org/live-app v2.3.0 failed to deploy to production',
      'https://github.com/octo-org/live-app/actions/runs/9876543210'
    ],
    [
      'error',
      { environment_url: null, target_url: null },
      'octo-org/live-app v2.3.0 failed to deploy to production',
      'https://github.com/octo-org/live-app/actions/runs/9876543210'
    ],
    [
      'in_progress',
      {},
      'octo-org/live-app v2.3.0 deploying to production',
      'https://live.octo.example'
    ],
    ['queued', {}, 'octo-org/live-app v2.3.0 deploying to production', 'https://live.octo.example'],
    [
      'inactive',
      {},
      'octo-org/live-app deployment to production is inactive',
      'https://live.octo.example'
    ]
  ])('status %s reads "%s"', (state, fields, title, url) => {
    const a = announce(contextOf('deployment_status', status({ state, ...fields })), 'auto')
    expect(a).toMatchObject({
      kind: 'deploy',
      title,
      desc: title,
      url,
      state,
      environment: 'production',
      author: 'deploy-bot[bot]',
      text: 'Deployed v2.3.0 to 12 edge regions',
      timestamp: '2026-11-24T09:12:41Z'
    })
  })

  it('created is announced as starting, with its own description and time', () => {
    const a = announce(contextOf('deployment', payload('deployment-created')), 'auto')
    expect(a).toMatchObject({
      kind: 'deploy',
      state: 'created',
      title: 'octo-org/live-app v2.3.0 deploying to production',
      text: 'Roll out v2.3.0 to the live servers',
      url: undefined,
      timestamp: '2026-11-24T09:05:00Z'
    })
  })

  it('shortens a full commit SHA used as the ref', () => {
    const event = variant('deployment-status-success', (p) => {
      ;(p.deployment as JsonObject).ref = '6113728f27ae82c7b1a177c8d03f9e96e0adf246'
    })
    expect(announce(contextOf('deployment_status', event), 'auto').title).toBe(
      'octo-org/live-app 6113728 deployed to production'
    )
  })
})

describe('manual announcements', () => {
  it.each([
    ['workflow_dispatch', 'workflow-dispatch'],
    ['repository_dispatch', 'repository-dispatch'],
    ['schedule', 'schedule'],
    ['issues', 'schedule']
  ])('%s is manual and has no clock time', (name, file) => {
    const a = announce(contextOf(name, payload(file)), 'auto')
    expect(a).toMatchObject({
      kind: 'manual',
      title: 'octo-org/live-app announcement',
      timestamp: undefined
    })
  })

  it('takes title and message from the inputs, filled from the workflow inputs', () => {
    const event = contextOf('workflow_dispatch', payload('workflow-dispatch'))
    const defaults = announce(event, 'auto')
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

  it('reads a repository_dispatch client_payload as inputs', () => {
    const event = contextOf('repository_dispatch', payload('repository-dispatch'))
    const defaults = announce(event, 'auto')
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
    expect(announce(event, 'release')).toMatchObject({ kind: 'release', version: 'v9.9.9' })
    expect(announce(event, 'deploy').kind).toBe('deploy')
    expect(announce(contextOf('release', payload('release-published')), 'manual').kind).toBe(
      'manual'
    )
  })
})

describe('desc and overrides on a release', () => {
  it('replaces Desc, title and text only where given', () => {
    const event = contextOf('release', payload('release-published'))
    const defaults = announce(event, 'auto')
    const a = applyOverrides(
      defaults,
      { title: '', message: '', desc: '🎉 {{ release.tag_name }} is live' },
      templateContext(event, defaults)
    )
    expect(a.desc).toBe('🎉 v2.3.0 is live')
    expect(a.title).toBe(defaults.title)
    expect(a.text).toBe(defaults.text)
  })
})

describe('Data v1', () => {
  it('leaves out what does not apply and always says whether it was cut', () => {
    const a = announce(contextOf('workflow_dispatch', payload('workflow-dispatch')), 'auto')
    const data = JSON.parse(JSON.stringify(announcementData(a))) as JsonObject
    expect(data).toEqual({
      v: 1,
      kind: 'manual',
      event: 'workflow_dispatch',
      title: 'octo-org/live-app announcement',
      text: 'octo-org/live-app announcement',
      truncated: false,
      repository: 'octo-org/live-app',
      sha: '6113728f27ae82c7b1a177c8d03f9e96e0adf246',
      ref: 'refs/heads/main',
      actor: 'mona',
      run_url: 'https://github.com/octo-org/live-app/actions/runs/9876543210'
    })
  })
})
