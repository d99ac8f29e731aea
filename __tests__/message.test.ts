import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Ajv2020 } from 'ajv/dist/2020.js'
import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import { ROOT } from '../scripts/action-process.mjs'
import { announce, templateContext, type Announcement } from '../src/announcement.js'
import { cutToFit, MAX_MESSAGE_BYTES, oneLine, serializedBytes } from '../src/budget.js'
import type { EventContext, JsonObject } from '../src/event.js'
import { markdownToText } from '../src/markdown.js'
import {
  MessageTooLargeError,
  renderMessage,
  type MessageOptions,
  type MsgElement
} from '../src/message.js'
import { contextOf, payload, variant } from './helpers/events.js'

const releaseWith = (notes: string): EventContext =>
  contextOf(
    'release',
    variant('release-published', (p) => ((p.release as JsonObject).body = notes))
  )

function render(event: EventContext, options: Partial<MessageOptions> = {}) {
  const defaults = announce(event, 'auto')
  return {
    announcement: defaults,
    ...renderMessage(defaults, {
      dataTemplate: undefined,
      context: templateContext(event, defaults),
      textElement: false,
      maxBytes: MAX_MESSAGE_BYTES,
      ...options
    })
  }
}

function custom(msgBody: MsgElement[]) {
  const element = msgBody.find((e) => e.MsgType === 'TIMCustomElem')
  if (element?.MsgType !== 'TIMCustomElem') throw new Error('no TIMCustomElem')
  return { ...element.MsgContent, data: JSON.parse(element.MsgContent.Data) as JsonObject }
}

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
    expect(bytes).toBe(serializedBytes(msgBody))
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

  it('keeps Desc to one short line', () => {
    const { msgBody } = render(contextOf('workflow_dispatch', payload('workflow-dispatch')), {})
    expect(custom(msgBody).Desc).toBe('octo-org/live-app announcement')
    expect(oneLine(`\n  ${'长'.repeat(300)}\nsecond`, 150)).toBe(`${'长'.repeat(149)}…`)
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
    expectCleanCut(markdownToText(text), custom(msgBody).data.text as string)
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
    const defaults = announce(event, 'auto')
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

  it('cutToFit gives back the text that fits whole, and nothing when not even … fits', () => {
    expect(cutToFit('short', () => true)).toBe('short')
    expect(cutToFit('short', () => false)).toBeUndefined()
    expect(cutToFit('abcdef', (t) => t.length <= 4)).toBe('abc…')
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
        expect(bytes).toBe(serializedBytes(msgBody))
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
      ...announce(releaseWith(''), 'auto'),
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
