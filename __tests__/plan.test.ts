import { describe, expect, it } from 'vitest'
import { ConfigError, parseConfig } from '../src/inputs/config.js'
import type { EventContext } from '../src/gather/event.js'
import { InputError, InvalidInput } from '../src/inputs/input-error.js'
import { type RawInputs } from '../src/inputs/inputs.js'
import { MessageTooLargeError } from '../src/plan/message.js'
import { EACH_LIVE_ROOM, groupBody } from '../src/deliver/groups.js'
import { TARGETS } from '../src/deliver/targets.js'
import { plan as planned, type Plan } from '../src/plan/plan.js'
import { contextOf, payload, variant } from './helpers/events.js'
import { rawInputs } from './helpers/inputs.js'

const raw = rawInputs

/** The inputs read and checked, then the plan or why there is none. */
const planOrSkip = (given: RawInputs, event: EventContext) =>
  planned(parseConfig(given), { event, release: undefined })

/** The plan, for events that are announced, with the body its target shows and sends. */
function plan(given: RawInputs, event: EventContext) {
  const result = planOrSkip(given, event)
  if ('skip' in result) throw new Error(result.skip)
  return withBodies(result)
}

/** A plan with the body its target previews, and any group's body. */
function withBodies(result: Plan) {
  const { body } = TARGETS[result.config.target].preview(result)
  return {
    ...result,
    body: body as ReturnType<typeof groupBody>,
    bodyFor: (groupId: string) =>
      groupBody(result.message, {
        ...result.bodyOptions,
        groupId,
        priority: result.config.priority
      })
  }
}

const release = contextOf('release', payload('release-published'), { ref: 'refs/tags/v2.3.0' })

describe('plan', () => {
  it('turns the inputs and a published release into the request to make', () => {
    const planned = plan(raw(), release)
    expect(planned.announcement).toMatchObject({ kind: 'release', version: 'v2.3.0' })
    expect(planned.bases.map((url) => url.host)).toEqual([
      'console.tim.qq.com',
      'adminapi.my-imcloud.com'
    ])
    expect(Object.keys(planned.body)).toEqual(['Random', 'MsgBody'])
    expect(planned.body.MsgBody).toEqual(planned.message.msgBody)
    expect(planned.body.MsgBody[0]).toMatchObject({
      MsgType: 'TIMCustomElem',
      MsgContent: { Desc: 'octo-org/live-app v2.3.0 released', Ext: 'release' }
    })
    expect(planned.message.truncated).toBe(false)
  })

  it('plans nothing for an event that is not announced, and says why', () => {
    const created = contextOf(
      'release',
      variant('release-published', (p) => {
        p.action = 'created'
      })
    )
    const skipped = planOrSkip(raw(), created)
    // A skip is one shape wherever it is decided: why, and nothing else.
    expect(Object.keys(skipped)).toEqual(['skip'])
    expect(skipped).toMatchObject({
      skip: 'Nothing was sent: this release event is `created`, and `release-actions` announces only `published`. Add `created` to `release-actions` to announce it.'
    })
    expect(plan(raw({ 'release-actions': 'published,created' }), created).announcement.desc).toBe(
      'octo-org/live-app v2.3.0 release created'
    )
  })

  it('stops with an input error when a manual event has nothing to say', () => {
    expect(() => plan(raw(), contextOf('schedule', payload('schedule')))).toThrow(
      'Input `title` or input `message` is required: a `schedule` event has nothing of its own to announce.'
    )
  })

  it('plans the same bytes for the same inputs and event, whenever it runs', () => {
    const first = plan(raw(), release)
    const second = plan(raw(), structuredClone(release))
    expect(JSON.stringify(second.body)).toBe(JSON.stringify(first.body))
  })

  it('applies title, desc, the sender, CloudCustomData, random and the endpoint', () => {
    const planned = plan(
      raw({
        title: '{{ release.tag_name }} is live',
        desc: 'Update now',
        'from-account': 'release-bot',
        'cloud-custom-data': '{"p":1}',
        random: '77',
        endpoint: 'http://127.0.0.1:8080',
        'text-element': 'true'
      }),
      release
    )
    expect(planned.announcement.title).toBe('v2.3.0 is live')
    expect(planned.message.desc).toBe('Update now')
    expect(planned.body).toMatchObject({
      From_Account: 'release-bot',
      Random: 77,
      CloudCustomData: '{"p":1}'
    })
    expect(planned.body.MsgBody).toHaveLength(2)
    expect(planned.bases.map((url) => url.href)).toEqual(['http://127.0.0.1:8080/'])
  })

  it('fits long notes to max-bytes and says so', () => {
    const long = contextOf(
      'release',
      variant('release-published', (p) => {
        ;(p.release as { body: string }).body = 'word '.repeat(3000)
      })
    )
    const planned = plan(raw({ 'max-bytes': '2000' }), long)
    expect(planned.message.truncated).toBe(true)
    expect(Buffer.byteLength(JSON.stringify(planned.body.MsgBody))).toBeLessThanOrEqual(2000)
  })

  it.each([
    ['a bad input', raw({ region: 'mars' }), ConfigError],
    ['an unknown placeholder path', raw({ desc: '{{ release.tagname }}' }), InvalidInput],
    [
      'fixed fields over the budget',
      raw({ data: JSON.stringify({ numbers: Array(600).fill(1) }), 'max-bytes': '1024' }),
      MessageTooLargeError
    ]
  ])('stops with an input error on %s', (_what, given, kind) => {
    expect(() => plan(given, release)).toThrow(kind)
    expect(() => plan(given, release)).toThrow(InputError)
  })
})

describe('plan, for groups', () => {
  it('for named groups: each group its own body, the dry run shows the first one’s', () => {
    const planned = plan(
      raw({ target: 'groups', 'group-ids': '@TGS#aRoomA\n@TGS#aRoomB', priority: 'Normal' }),
      release
    )
    expect(planned.body).toEqual(planned.bodyFor('@TGS#aRoomA'))
    expect(planned.body).toMatchObject({ GroupId: '@TGS#aRoomA', MsgPriority: 'Normal' })
    const other = planned.bodyFor('@TGS#aRoomB')
    expect(other.GroupId).toBe('@TGS#aRoomB')
    expect(other.Random).not.toBe(planned.body.Random)
    expect(other.MsgBody).toEqual(planned.message.msgBody)
  })

  it('for every live room: the body shown stands for each room, which is not known yet', () => {
    const planned = plan(raw({ target: 'live-rooms' }), release)
    expect(planned.body).toMatchObject({ GroupId: EACH_LIVE_ROOM, MsgPriority: 'High' })
    expect(EACH_LIVE_ROOM).toBe('<each AVChatRoom>')
  })

  it('the same body for a group on every plan: a retry or re-run repeats its Random', () => {
    const inputs = raw({ target: 'live-rooms' })
    expect(plan(inputs, release).bodyFor('@TGS#aRoomC')).toEqual(
      plan(inputs, structuredClone(release)).bodyFor('@TGS#aRoomC')
    )
  })
})
