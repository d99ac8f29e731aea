import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Ajv2020 } from 'ajv/dist/2020.js'
import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import { ROOT } from './helpers/action-process.mjs'
import { templateContext, type Announcement } from '../src/plan/announcement.js'
import type { EventContext } from '../src/gather/event.js'
import type { JsonObject } from '../src/json.js'
import { broadcastBody } from '../src/deliver/broadcast.js'
import { groupBody } from '../src/deliver/groups.js'
import { isGroupId } from '../src/inputs/inputs.js'
import {
  MessageTooLargeError,
  renderMessage,
  type MessageOptions,
  type MsgElement
} from '../src/plan/message.js'
import { announced, contextOf, payload, variant } from './helpers/events.js'

const releaseWith = (notes: string): EventContext =>
  contextOf(
    'release',
    variant('release-published', (p) => ((p.release as JsonObject).body = notes))
  )

function render(event: EventContext, options: Partial<MessageOptions> = {}) {
  const defaults = announced(event)
  return {
    announcement: defaults,
    ...renderMessage(defaults, {
      dataTemplate: undefined,
      context: templateContext(event, defaults),
      textElement: false,
      maxBytes: 12_000,
      ...options
    })
  }
}

function custom(msgBody: MsgElement[]) {
  const element = msgBody.find((e) => e.MsgType === 'TIMCustomElem')
  if (element?.MsgType !== 'TIMCustomElem') throw new Error('no TIMCustomElem')
  return { ...element.MsgContent, data: JSON.parse(element.MsgContent.Data) as JsonObject }
}

/** The size as Tencent counts it, computed here independently of the code under test. */
const bytesOf = (msgBody: unknown) => Buffer.byteLength(JSON.stringify(msgBody), 'utf8')

const graphemeEnds = (text: string) =>
  new Set(
    [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text)].map(
      (s) => s.index + s.segment.length
    )
  )

/** The cut text without its ellipsis, checked to be a clean prefix of the original. */
function expectCleanCut(original: string, cut: string) {
  expect(cut).toMatch(/…$/)
  const kept = cut.replace(/\n?…$/, '')
  expect(original.startsWith(kept)).toBe(true)
  if (kept.length > 0) expect(graphemeEnds(original).has(kept.length)).toBe(true)
}

describe('the default message', () => {
  it('is one TIMCustomElem with the Data object, a push line and the kind', () => {
    const { msgBody, truncated, bytes } = render(contextOf('release', payload('release-published')))
    expect(msgBody).toHaveLength(1)
    const element = custom(msgBody)
    expect(element.Desc).toBe('octo-org/live-app v2.3.0 released')
    expect(element.Ext).toBe('release')
    expect(element.data).toMatchObject({
      v: 1,
      kind: 'release',
      version: 'v2.3.0',
      truncated: false
    })
    expect(truncated).toBe(false)
    expect(bytes).toBe(bytesOf(msgBody))
  })

  it('adds a readable TIMTextElem on request', () => {
    const { msgBody } = render(contextOf('release', payload('release-published')), {
      textElement: true
    })
    expect(msgBody[1]).toEqual({
      MsgType: 'TIMTextElem',
      MsgContent: {
        Text: 'octo-org/live-app v2.3.0 released https://github.com/octo-org/live-app/releases/tag/v2.3.0'
      }
    })
  })

  it('keeps Desc to one line of at most 150 characters', () => {
    const event = contextOf('release', payload('release-published'))
    const defaults = { ...announced(event), desc: `\n  ${'长'.repeat(300)}\nsecond` }
    const { msgBody, desc } = renderMessage(defaults, {
      dataTemplate: undefined,
      context: {},
      textElement: false,
      maxBytes: 12_000
    })
    expect(custom(msgBody).Desc).toBe(`${'长'.repeat(149)}…`)
    expect(desc).toBe(`${'长'.repeat(149)}…`)
  })

  it.each([
    ['release', 'release-published'],
    ['push', 'push-tag'],
    ['deployment', 'deployment-created'],
    ['deployment_status', 'deployment-status-success'],
    ['workflow_dispatch', 'workflow-dispatch'],
    ['repository_dispatch', 'repository-dispatch'],
    ['schedule', 'schedule']
  ])('for %s matches the committed JSON Schema', (name, file) => {
    const schema = JSON.parse(
      readFileSync(join(ROOT, 'schema', 'announcement-v1.schema.json'), 'utf8')
    ) as object
    const validate = new Ajv2020({ strict: true, validateFormats: false }).compile(schema)
    const ref = file === 'push-tag' ? 'refs/tags/v2.3.1' : 'refs/heads/main'
    const { msgBody } = render(contextOf(name, payload(file), { ref }))
    const data = custom(msgBody).data
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true)
  })

  it('renders the same bytes whenever it runs: nothing comes from the clock', () => {
    const event = contextOf('release', payload('release-published'))
    vi.useFakeTimers({ now: new Date('2030-01-01T00:00:00Z') })
    const first = JSON.stringify(render(event).msgBody)
    vi.setSystemTime(new Date('2031-06-01T12:34:56Z'))
    const second = JSON.stringify(render(event).msgBody)
    vi.useRealTimers()
    expect(second).toBe(first)
  })
})

describe('the byte budget', () => {
  it('cuts long notes at a line end, keeps the link and marks the message', () => {
    const lines = Array.from(
      { length: 400 },
      (_, i) => `- Fixed issue number ${i} in the "chat" panel`
    )
    const { msgBody, truncated, bytes } = render(releaseWith(lines.join('\n')))
    expect(truncated).toBe(true)
    expect(bytes).toBeLessThanOrEqual(12_000)
    expect(bytes).toBeGreaterThan(11_000)
    const { data } = custom(msgBody)
    expect(data.truncated).toBe(true)
    expect(data.url).toBe('https://github.com/octo-org/live-app/releases/tag/v2.3.0')
    expect(data.version).toBe('v2.3.0')
    const text = data.text as string
    expect(text).toMatch(/\n…$/)
    expect(text.split('\n').at(-2)).toMatch(/^• Fixed issue number \d+ in the "chat" panel$/)
  })

  it('honours a lower limit', () => {
    const { bytes, truncated } = render(releaseWith('word '.repeat(2000)), { maxBytes: 2000 })
    expect(truncated).toBe(true)
    expect(bytes).toBeLessThanOrEqual(2000)
  })

  it('never splits an emoji sequence or a CJK character', () => {
    const family = '👨‍👩‍👧‍👦'
    const text = `${'直播'.repeat(10)}${family.repeat(2000)}`
    const { msgBody } = render(releaseWith(text), { maxBytes: 3000 })
    // The notes have no Markdown: the text is the notes themselves.
    expectCleanCut(text, custom(msgBody).data.text as string)
  })

  it('fails when the fixed fields alone are over the limit', () => {
    const event = contextOf(
      'release',
      variant('release-published', (p) => ((p.release as JsonObject).tag_name = 'v'.repeat(5000)))
    )
    expect(() => render(event, { maxBytes: 4000 })).toThrow(MessageTooLargeError)
    expect(() => render(event, { maxBytes: 4000 })).toThrow(/shorten `title`, `desc` or `data`/)
  })

  it('cuts the longest leaf of a custom shape and keeps the link in it', () => {
    const event = releaseWith('notes '.repeat(5000))
    const defaults = announced(event)
    const { msgBody, truncated, bytes } = renderMessage(defaults, {
      dataTemplate: { type: 1, content: '{{ event.release.body }}', tag: '{{ release.tag_name }}' },
      context: templateContext(event, defaults),
      textElement: false,
      maxBytes: 4000
    })
    expect(truncated).toBe(true)
    expect(bytes).toBeLessThanOrEqual(4000)
    const { data } = custom(msgBody)
    expect(data.type).toBe(1)
    expect(data.tag).toBe('v2.3.0')
    expect(data).not.toHaveProperty('truncated')
    expect(data.content).toMatch(
      /^notes notes .*… https:\/\/github\.com\/octo-org\/live-app\/releases\/tag\/v2\.3\.0$/
    )
  })
})

describe('cutting a custom Data shape', () => {
  const longNotes = (length: number) => releaseWith('n'.repeat(length))
  const renderShape = (event: EventContext, dataTemplate: JsonObject, maxBytes: number) => {
    const defaults = announced(event)
    return renderMessage(defaults, {
      dataTemplate,
      context: templateContext(event, defaults),
      textElement: false,
      maxBytes
    })
  }

  it('cuts a leaf inside lists and nested mappings, and leaves the others whole', () => {
    const { msgBody, truncated } = renderShape(
      longNotes(6000),
      {
        items: [{ kind: 'notes', note: '{{ event.release.body }}' }, 'fixed'],
        tag: '{{ release.tag_name }}',
        link: '{{ release.html_url }}',
        none: null,
        count: 3
      },
      2000
    )
    expect(truncated).toBe(true)
    const { data } = custom(msgBody)
    // Still a list: a cut inside it must not turn it into a mapping.
    expect(Array.isArray(data.items)).toBe(true)
    const items = data.items as [{ kind: string; note: string }, string]
    expect(items[0].kind).toBe('notes')
    expect(items[0].note).toMatch(/^n+…$/)
    expect(items[1]).toBe('fixed')
    expect(data).toMatchObject({ none: null, count: 3 })
    expect(data.tag).toBe('v2.3.0')
    expect(data.link).toBe('https://github.com/octo-org/live-app/releases/tag/v2.3.0')
    expect(bytesOf(msgBody)).toBeLessThanOrEqual(2000)
  })

  it('empties the longest leaf and cuts the next when one is not enough', () => {
    const event = longNotes(6000)
    const { msgBody } = renderShape(
      event,
      { a: '{{ event.release.body }}', b: `${'m'.repeat(5000)} {{ release.tag_name }}` },
      3000
    )
    const { data } = custom(msgBody)
    expect(data.a).toBe('')
    // The shape carries no link, so the cut text ends with it.
    expect(data.b).toMatch(
      /^m+… https:\/\/github\.com\/octo-org\/live-app\/releases\/tag\/v2\.3\.0$/
    )
  })

  it('never cuts the version or the URL, however long', () => {
    const event = contextOf(
      'release',
      variant('release-published', (p) => {
        const release = p.release as JsonObject
        release.tag_name = `v${'9'.repeat(1500)}`
        release.body = 'x'.repeat(1000)
      })
    )
    const { msgBody } = renderShape(
      event,
      { v: '{{ announcement.version }}', notes: '{{ announcement.text }}' },
      2200
    )
    const { data } = custom(msgBody)
    expect(data.v).toBe(`v${'9'.repeat(1500)}`)
    expect(data.notes).toMatch(/^x*…/)
  })

  it('keeps a URL longer than every other leaf whole, and cuts the next', () => {
    const url = `https://live.octo.example/${'u'.repeat(1600)}`
    const event = contextOf(
      'release',
      variant('release-published', (p) => {
        const release = p.release as JsonObject
        release.html_url = url
        release.body = 'x'.repeat(1000)
      })
    )
    const { msgBody } = renderShape(
      event,
      { link: '{{ announcement.url }}', notes: '{{ announcement.text }}' },
      2200
    )
    const { data } = custom(msgBody)
    expect(data.link).toBe(url)
    expect(data.notes).toMatch(/^x+…$/)
    expect(bytesOf(msgBody)).toBeLessThanOrEqual(2200)
  })
})

describe('cutting the default shape', () => {
  it('empties the notes, then cuts the title when the notes were not enough', () => {
    const event = contextOf(
      'release',
      variant('release-published', (p) => {
        const release = p.release as JsonObject
        release.name = 'T'.repeat(3000)
        release.body = 'x'.repeat(3000)
      })
    )
    const { msgBody } = render(event, { maxBytes: 2000 })
    const { data } = custom(msgBody)
    expect(data.text).toBe('')
    // Data carries the link in `url`: the cut title needs none.
    expect(data.title).toMatch(/^T+…$/)
  })

  it('does not cut a message that fits to the byte', () => {
    const event = releaseWith('word '.repeat(500))
    const whole = render(event)
    const exact = render(event, { maxBytes: whole.bytes })
    expect(exact.truncated).toBe(false)
    expect(exact.msgBody).toEqual(whole.msgBody)
    expect(render(event, { maxBytes: whole.bytes - 1 }).truncated).toBe(true)
  })

  it('ends a cut message with a bare ellipsis when there is no link to give', () => {
    const event = contextOf('workflow_dispatch', payload('workflow-dispatch'))
    const defaults = announced(event)
    const long = { ...defaults, text: 'word '.repeat(800) }
    const { msgBody, truncated } = renderMessage(long, {
      dataTemplate: undefined,
      context: templateContext(event, defaults),
      textElement: false,
      maxBytes: 2000
    })
    expect(truncated).toBe(true)
    expect(custom(msgBody).data.text).toMatch(/^[word ]+…$/)
  })

  it('gives the text element the push line alone when there is no link', () => {
    const { msgBody } = render(contextOf('workflow_dispatch', payload('workflow-dispatch')), {
      textElement: true
    })
    expect(msgBody[1]).toEqual({
      MsgType: 'TIMTextElem',
      MsgContent: { Text: 'octo-org/live-app announcement' }
    })
  })
})

describe('property: any release notes', () => {
  const piece = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 20 }),
    fc.constantFrom(
      '👨‍👩‍👧‍👦',
      '🇨🇳🇯🇵',
      '👍🏽',
      '直播间',
      '한국어',
      'é',
      '"',
      '\\',
      '\n',
      '\r\n',
      '\t',
      '\u0000',
      '\u001f',
      '\u2028',
      '</script>',
      '## Heading\n',
      '- **bold** item\n',
      '[link](https://x.test/a)',
      '```\ncode\n```\n'
    )
  )
  const notes = fc
    .tuple(fc.array(piece, { maxLength: 30 }), fc.integer({ min: 1, max: 4000 }))
    .map(([pieces, times]) => pieces.join('').repeat(times).slice(0, 200_000))

  it('give a valid body within the budget that still carries the version and the URL', () => {
    fc.assert(
      fc.property(notes, fc.integer({ min: 1000, max: 12_000 }), (text, maxBytes) => {
        const { msgBody, bytes, truncated, announcement } = render(releaseWith(text), { maxBytes })
        expect(bytes).toBe(bytesOf(msgBody))
        expect(bytes).toBeLessThanOrEqual(maxBytes)
        const parsed = JSON.parse(JSON.stringify(msgBody)) as MsgElement[]
        const { data } = custom(parsed)
        expect(data.version).toBe('v2.3.0')
        expect(data.url).toBe('https://github.com/octo-org/live-app/releases/tag/v2.3.0')
        expect(data.truncated).toBe(truncated)
        if (truncated) expectCleanCut(announcement.text, data.text as string)
        else expect(data.text).toBe(announcement.text)
      }),
      { numRuns: 60 }
    )
  })
})

describe('a custom Announcement', () => {
  it('keeps the title when only the notes need cutting', () => {
    const a: Announcement = {
      ...announced(releaseWith('')),
      text: 'x'.repeat(20_000)
    }
    const result = renderMessage(a, {
      dataTemplate: undefined,
      context: {},
      textElement: true,
      maxBytes: 12_000
    })
    expect(custom(result.msgBody).data.title).toBe(a.title)
  })
})

describe('the request body', () => {
  const message = {
    msgBody: [{ MsgType: 'TIMTextElem' as const, MsgContent: { Text: 'v2.3.0 is out' } }]
  }
  const origin = { repository: 'octo-org/live-app', runId: '9876543210', job: 'announce' }
  const body = (changes: Partial<Parameters<typeof broadcastBody>[1]> = {}) =>
    broadcastBody(message, {
      fromAccount: undefined,
      cloudCustomData: undefined,
      random: undefined,
      origin,
      ...changes
    })

  it('holds the message and a Random, and no optional field that was not given', () => {
    const sent = body()
    expect(Object.keys(sent)).toEqual(['Random', 'MsgBody'])
    expect(sent.MsgBody).toBe(message.msgBody)
    expect(Number.isInteger(sent.Random)).toBe(true)
    expect(sent.Random).toBeGreaterThanOrEqual(0)
    expect(sent.Random).toBeLessThanOrEqual(0xffffffff)
  })

  it('carries the sender and CloudCustomData when given, in the documented order', () => {
    const sent = body({ fromAccount: 'release-bot', cloudCustomData: '{"k":1}', random: 7 })
    expect(sent).toEqual({
      From_Account: 'release-bot',
      Random: 7,
      MsgBody: message.msgBody,
      CloudCustomData: '{"k":1}'
    })
    expect(Object.keys(sent)).toEqual(['From_Account', 'Random', 'MsgBody', 'CloudCustomData'])
  })

  it('derives the same Random for the same run, job and content: a re-run repeats it', () => {
    // The first four bytes, big-endian, of the SHA-256 of
    // ["octo-org/live-app","9876543210","announce",{"msgBody":[…]}]: pinned, so that a re-run
    // after an upgrade of the action still repeats the first run's Random.
    expect(body().Random).toBe(1075401903)
    expect(body().Random).toBe(body().Random)
  })

  it.each([
    ['another run', { origin: { ...origin, runId: '9876543211' } }],
    ['another job', { origin: { ...origin, job: 'announce-2' } }],
    ['another repository', { origin: { ...origin, repository: 'octo-org/other' } }],
    ['another sender', { fromAccount: 'bot' }],
    ['other CloudCustomData', { cloudCustomData: 'x' }]
  ])('derives another Random for %s', (_what, changes) => {
    expect(body(changes).Random).not.toBe(body().Random)
  })

  it('uses the `random` input as it is, 0 included', () => {
    expect(body({ random: 0 }).Random).toBe(0)
    expect(body({ random: 4294967295 }).Random).toBe(4294967295)
  })
})

describe('a group’s request body', () => {
  const message = {
    msgBody: [{ MsgType: 'TIMTextElem' as const, MsgContent: { Text: 'v2.3.0 is out' } }]
  }
  const origin = { repository: 'octo-org/live-app', runId: '9876543210', job: 'announce' }
  const body = (changes: Partial<Parameters<typeof groupBody>[1]> = {}) =>
    groupBody(message, {
      groupId: '@TGS#aRoomA',
      priority: 'High',
      fromAccount: undefined,
      cloudCustomData: undefined,
      random: undefined,
      origin,
      ...changes
    })

  it('names the group and the priority, in the documented order', () => {
    const sent = body({ fromAccount: 'release-bot', cloudCustomData: '{"k":1}' })
    expect(Object.keys(sent)).toEqual([
      'GroupId',
      'Random',
      'MsgPriority',
      'MsgBody',
      'From_Account',
      'CloudCustomData'
    ])
    expect(sent).toMatchObject({
      GroupId: '@TGS#aRoomA',
      MsgPriority: 'High',
      From_Account: 'release-bot',
      CloudCustomData: '{"k":1}'
    })
    expect(Object.keys(body())).toEqual(['GroupId', 'Random', 'MsgPriority', 'MsgBody'])
  })

  it('gives each group its own Random, the same on every run of the same run and job', () => {
    // SHA-256 of ["octo-org/live-app","9876543210","announce",{"msgBody":[…],"groupId":…}], its
    // first four bytes big-endian: pinned, so an upgrade of the action keeps re-runs repeats.
    expect(body().Random).toBe(8494085)
    expect(body({ groupId: '@TGS#aRoomB' }).Random).toBe(286258242)
  })

  it('mixes the `random` input into each group’s Random instead of using it as it is', () => {
    // One number for every group would make Tencent see the second group's message as a repeat
    // of the first, if its window is app-wide.
    expect(body({ random: 7 }).Random).toBe(4090437052)
    expect(body({ random: 7, groupId: '@TGS#aRoomB' }).Random).not.toBe(4090437052)
  })

  it.each([
    ['another run', { origin: { ...origin, runId: '9876543211' } }],
    ['another sender', { fromAccount: 'bot' }],
    ['other CloudCustomData', { cloudCustomData: 'x' }]
  ])('derives another Random for %s', (_what, changes) => {
    expect(body(changes).Random).not.toBe(body().Random)
  })

  it('leaves the priority out of the Random: it changes how, not what, is said', () => {
    expect(body({ priority: 'Low' }).Random).toBe(body().Random)
  })
})

describe('isGroupId', () => {
  it.each(['@TGS#aRoomA', 'community-lounge', 'x'.repeat(48), '直播间'.repeat(5)])(
    'accepts %s',
    (id) => {
      expect(isGroupId(id)).toBe(true)
    }
  )

  it.each([
    ['empty', ''],
    ['49 bytes', 'x'.repeat(49)],
    ['17 CJK characters: 51 bytes', '直'.repeat(17)],
    ['a line break', 'room\n::stop-commands::x'],
    ['a carriage return', 'room\r'],
    ['a line separator', 'room\u2028'],
    ['a NUL', 'room\u0000']
  ])('refuses %s', (_what, id) => {
    expect(isGroupId(id)).toBe(false)
  })
})
