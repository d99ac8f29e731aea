// Every body the action sends reads back, through the reader, as the very object in its Data: for
// each event kind (our fixtures and GitHub's own example payloads), a release looked up, notes cut
// to fit, the text element, the overrides and the business-id input. A custom `data` shape is
// another feature's message as far as the reader is concerned.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { broadcastBody } from '../../src/deliver/broadcast.js'
import { groupBody } from '../../src/deliver/groups.js'
import type { EventContext } from '../../src/gather/event.js'
import { parseConfig } from '../../src/inputs/config.js'
import type { RawInputs } from '../../src/inputs/inputs.js'
import type { JsonObject } from '../../src/json.js'
import { plan } from '../../src/plan/plan.js'
import { dataParserFor } from '../../src/plan/template.js'
import { contextOf, githubExamples, payload, variant } from '../../__tests__/helpers/events.js'
import { rawInputs } from '../../__tests__/helpers/inputs.js'
import { readAnnouncement } from '../src/index.js'

const parseYaml = await dataParserFor('yaml: loaded')

/** The bodies the action sends for this event and these inputs: a broadcast and a group's. */
function bodies(event: EventContext, given: Partial<RawInputs> = {}, release?: JsonObject) {
  const planned = plan(parseConfig(rawInputs(given), parseYaml), { event, release })
  if ('skip' in planned) throw new Error(planned.skip)
  return [
    broadcastBody(planned.message, planned.bodyOptions),
    groupBody(planned.message, { ...planned.bodyOptions, groupId: '@TGS#a', priority: 'High' })
  ]
}

/** The Data object as JSON.parse gives it: what the reader must give back. */
function dataOf(msgBody: { MsgType: string; MsgContent: object }[]): JsonObject {
  const custom = msgBody.find((element) => element.MsgType === 'TIMCustomElem')
  return JSON.parse((custom?.MsgContent as { Data: string }).Data) as JsonObject
}

/** Reads the body in each form an app or a server meets it, and expects the Data back. */
function expectReadBack(event: EventContext, given: Partial<RawInputs> = {}, release?: JsonObject) {
  for (const { MsgBody } of bodies(event, given, release)) {
    const data = dataOf(MsgBody)
    const [custom] = MsgBody
    const sdk = {
      type: custom?.MsgType,
      payload: { data: JSON.stringify(data), description: '', extension: '' },
      isBroadcastMessage: true
    }
    for (const form of [MsgBody, custom, sdk]) {
      expect(readAnnouncement(form)).toMatchObject({ ok: true, announcement: data })
    }
  }
}

// A manual announcement has nothing of its own to say: the workflow gives the title.
const TITLED = { title: 'Maintenance at 22:00' }
const FIXTURES: [string, string, Partial<EventContext>, Partial<RawInputs>][] = [
  ['release', 'release-published', { ref: 'refs/tags/v2.3.0' }, {}],
  ['push', 'push-tag', { ref: 'refs/tags/v2.3.1' }, {}],
  ['deployment', 'deployment-created', {}, {}],
  ['deployment_status', 'deployment-status-success', {}, {}],
  ['workflow_run', 'workflow-run-completed', {}, {}],
  ['workflow_dispatch', 'workflow-dispatch', {}, TITLED],
  ['repository_dispatch', 'repository-dispatch', {}, TITLED],
  ['schedule', 'schedule', {}, TITLED]
]

describe('what the action sends reads back as its Data', () => {
  it.each(FIXTURES)('for %s (%s)', (name, file, extra, given) => {
    expectReadBack(contextOf(name, payload(file), extra), given)
  })

  it.each([
    ['release', 'published'],
    ['deployment_status', undefined],
    ['workflow_run', 'completed'],
    ['push', undefined]
  ])('for GitHub’s own %s examples', (name, action) => {
    let read = 0
    for (const example of githubExamples(name)) {
      if (action !== undefined && example.action !== action) continue
      if (example.deleted === true) continue
      expectReadBack(contextOf(name, example, { ref: 'refs/tags/v1.0.0' }))
      read++
    }
    expect(read).toBeGreaterThan(0)
  })

  it('for a release looked up, announced from a tag push', () => {
    const found = payload('release-published').release as JsonObject
    expectReadBack(contextOf('push', payload('push-tag'), { ref: 'refs/tags/v2.3.0' }), {}, found)
  })

  it('for notes cut to fit, with the mark that says so', () => {
    const long = variant('release-published', (p) => {
      ;(p.release as JsonObject).body = '• A line of the changelog that goes on\n'.repeat(400)
    })
    const event = contextOf('release', long, { ref: 'refs/tags/v2.3.0' })
    const [broadcast] = bodies(event, { 'max-bytes': '1024' })
    expect(dataOf(broadcast?.MsgBody ?? [])).toMatchObject({ truncated: true })
    expectReadBack(event, { 'max-bytes': '1024', 'text-element': 'true' })
  })

  it('for the overrides and a text element', () => {
    expectReadBack(contextOf('workflow_dispatch', payload('workflow-dispatch')), {
      title: 'Maintenance {{ actor }}',
      message: 'Rooms pause at 22:00.\nBack at 22:10.',
      desc: 'Maintenance',
      'text-element': 'true'
    })
  })

  it('for any release notes and title, whatever their characters', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 300 }),
        fc.string({ unit: 'binary', maxLength: 60 }),
        (notes, name) => {
          const event = variant('release-published', (p) => {
            Object.assign(p.release as JsonObject, { body: notes, name })
          })
          expectReadBack(contextOf('release', event, { ref: 'refs/tags/v2.3.0' }))
        }
      ),
      { numRuns: 60 }
    )
  })
})

describe('the business-id input', () => {
  const event = contextOf('release', payload('release-published'), { ref: 'refs/tags/v2.3.0' })

  it('is read when the app names it, and is another feature’s message otherwise', () => {
    const [broadcast] = bodies(event, { 'business-id': 'live.banner' })
    const msgBody = broadcast?.MsgBody ?? []
    expect(readAnnouncement(msgBody, { businessID: 'live.banner' })).toMatchObject({
      ok: true,
      announcement: { businessID: 'live.banner', kind: 'release' }
    })
    expect(readAnnouncement(msgBody)).toMatchObject({ ok: false, problem: 'not-ours' })
  })
})

describe('a custom data shape', () => {
  it.each([
    ['{"type": "banner", "text": "{{ announcement.title }}"}', 'not-ours'],
    ['{"businessID": "banner", "v": 1, "kind": "release"}', 'not-ours'],
    // Ours in name only: the reader says what it lacks rather than show half an announcement.
    ['{"v": 1, "kind": "release", "title": "{{ announcement.title }}"}', 'invalid']
  ])('%s is not read as an announcement', (data, problem) => {
    const [broadcast] = bodies(contextOf('release', payload('release-published')), { data })
    expect(readAnnouncement(broadcast?.MsgBody)).toMatchObject({ ok: false, problem })
  })
})
