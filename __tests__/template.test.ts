import { describe, expect, it } from 'vitest'
import { templateContext } from '../src/plan/announcement.js'
import type { JsonObject } from '../src/json.js'
import { renderMessage } from '../src/plan/message.js'
import {
  dataParserFor,
  fillText,
  fillTree,
  parseDataTemplate as parseWith,
  parseJson
} from '../src/plan/template.js'
import { InvalidInput } from '../src/inputs/input-error.js'
import { announced, contextOf, payload, variant } from './helpers/events.js'

const parseYaml = await dataParserFor('yaml: is needed')
const parseDataTemplate = (text: string, input: string) => parseWith(text, input, parseYaml)

function dataOf(template: string, event = contextOf('release', payload('release-published'))) {
  const defaults = announced(event)
  const message = renderMessage(defaults, {
    dataTemplate: parseDataTemplate(template, 'data'),
    context: templateContext(event, defaults),
    textElement: false,
    maxBytes: 12_000
  })
  const element = message.msgBody[0]
  if (element?.MsgType !== 'TIMCustomElem') throw new Error('no custom element')
  return JSON.parse(element.MsgContent.Data) as JsonObject
}

function templateError(run: () => unknown): string {
  try {
    run()
  } catch (error) {
    if (error instanceof InvalidInput) return error.message
    throw error
  }
  throw new Error('no error')
}

describe('the data template', () => {
  it('fills a team’s own shape', () => {
    expect(dataOf('{"type":1,"content":"{{ event.release.tag_name }} is out"}')).toEqual({
      type: 1,
      content: 'v2.3.0 is out'
    })
  })

  it('keeps the type of a leaf that is exactly one placeholder', () => {
    const event = contextOf(
      'release',
      variant('release-published', (p) =>
        Object.assign(p.release as JsonObject, { prerelease: true, body_html: null })
      )
    )
    expect(
      dataOf(
        JSON.stringify({
          pre: '{{ event.release.prerelease }}',
          id: '{{event.release.id}}',
          author: '{{ event.release.author }}',
          none: '{{ event.release.body_html }}',
          text: 'id {{ event.release.id }}, pre {{ event.release.prerelease }}'
        }),
        event
      )
    ).toEqual({
      pre: true,
      id: 184467441,
      author: { login: 'mona', id: 583231, type: 'User' },
      none: null,
      text: 'id 184467441, pre true'
    })
  })

  it('keeps numbers, booleans, null and nesting as written', () => {
    expect(
      dataOf('{"type":2,"live":true,"gone":null,"meta":{"tags":["{{ release.tag_name }}",3]}}')
    ).toEqual({ type: 2, live: true, gone: null, meta: { tags: ['v2.3.0', 3] } })
  })

  it('cannot be broken by quotes, backslashes and newlines in the values', () => {
    const notes = 'He said "hi" \\o/\n}"],"x":{"evil":1\n\t\u0000 end'
    const event = contextOf(
      'release',
      variant('release-published', (p) => ((p.release as JsonObject).body = notes))
    )
    expect(
      dataOf('{"content":"{{ event.release.body }}","t":"notes: {{ event.release.body }}"}', event)
    ).toEqual({
      content: notes,
      t: `notes: ${notes}`
    })
  })

  it('reads YAML', () => {
    const yaml = [
      'type: 1',
      'content: "{{ announcement.title }}"',
      'extra:',
      '  version: "{{ announcement.version }}"',
      '  url: "{{ announcement.url }}"',
      '  flags: [live, "{{ announcement.prerelease }}"]'
    ].join('\n')
    expect(dataOf(yaml)).toEqual({
      type: 1,
      content: 'v2.3.0 — Co-host mode',
      extra: {
        version: 'v2.3.0',
        url: 'https://github.com/octo-org/live-app/releases/tag/v2.3.0',
        flags: ['live', false]
      }
    })
  })

  it('names an unknown path and the nearest known keys, and renders nothing', () => {
    const message = templateError(() => dataOf('{"v":"{{ event.release.tag_nam }}"}'))
    expect(message).toMatch(
      /^Input `data` refers to \{\{ event\.release\.tag_nam \}\}, which is not known/
    )
    expect(message).toMatch(/Nearest keys in event\.release: tag_name/)
  })

  it('says when a path goes through a value that has no keys', () => {
    expect(templateError(() => dataOf('{"v":"{{ release.tag_name.length }}"}'))).toMatch(
      /release\.tag_name is a string, with no key "length"/
    )
  })

  it('knows only the event’s own objects', () => {
    const event = contextOf('workflow_dispatch', payload('workflow-dispatch'))
    expect(templateError(() => dataOf('{"v":"{{ release.tag_name }}"}', event))).toMatch(
      /\{\{ release\.tag_name \}\}, which is not known: Nearest keys in the template context: /
    )
  })

  it.each([
    ['{{ constructor }}'],
    ['{{ __proto__ }}'],
    ['{{ event.constructor.name }}'],
    ['{{ event.toString }}']
  ])('cannot reach JavaScript internals: %s', (placeholder) => {
    expect(templateError(() => dataOf(JSON.stringify({ v: placeholder })))).toMatch(
      /which is not known/
    )
  })

  it.each([['{{ process.exit(1) }}'], ['{{ a + b }}'], ["{{ event['release'] }}"], ['{{ }}']])(
    'rejects %s as a placeholder that is not a path',
    (placeholder) => {
      expect(
        templateError(() => parseDataTemplate(JSON.stringify({ v: placeholder }), 'data'))
      ).toMatch(/is not a path such as \{\{ event\.release\.tag_name \}\}/)
    }
  )

  it.each([
    ['[1, 2]', /must be a JSON or YAML object/],
    ['"text"', /must be a JSON or YAML object/],
    ['42', /must be a JSON or YAML object/],
    ['{"a": 1', /must be a JSON or YAML object|neither valid JSON nor valid YAML/],
    ['a: [1, 2\nb: 3', /neither valid JSON nor valid YAML/],
    ['a: 1\na: 2', /neither valid JSON nor valid YAML/]
  ])('rejects %j', (text, message) => {
    expect(templateError(() => parseDataTemplate(text, 'data'))).toMatch(message)
  })

  it('loads the YAML parser only for data that is not JSON', async () => {
    expect(await dataParserFor('')).toBe(parseJson)
    expect(await dataParserFor('{"type": 1}')).toBe(parseJson)
    const yaml = await dataParserFor('type: 1')
    expect(yaml).not.toBe(parseJson)
    expect(parseWith('type: 1\nlist: [a]', 'data', yaml)).toEqual({ type: 1, list: ['a'] })
  })

  it('quotes only the first line of the YAML parser’s complaint', () => {
    expect(templateError(() => parseDataTemplate('a: [1, 2\nb: 3', 'data'))).toMatch(
      /^Input `data` is neither valid JSON nor valid YAML: [^\n]+$/
    )
  })

  it('checks placeholders in lists and nested mappings, and ignores other leaves', () => {
    expect(
      templateError(() => parseDataTemplate('{"l": [1, {"x": ["{{ a b }}"]}]}', 'data'))
    ).toMatch(/^Input `data` has the placeholder \{\{ a b \}\}/)
    expect(parseDataTemplate('{"n": 1, "b": true, "z": null, "l": []}', 'data')).toEqual({
      n: 1,
      b: true,
      z: null,
      l: []
    })
  })

  it('writes keys YAML reads as numbers, booleans or null as the text they were', () => {
    expect(parseDataTemplate('1: one\ntrue: yes\nnull: none\n2.5: half', 'data')).toEqual({
      '1': 'one',
      true: 'yes',
      null: 'none',
      '2.5': 'half'
    })
  })

  it('does not fill keys, only values', () => {
    expect(fillTree({ '{{ actor }}': '{{ actor }}' }, { actor: 'mona' }, 'data')).toEqual({
      '{{ actor }}': 'mona'
    })
  })
})

describe('filling text', () => {
  const context = {
    release: {
      tag_name: 'v2.3.0',
      id: 7,
      draft: false,
      body_html: null,
      author: { login: 'mona' }
    },
    inputs: {},
    repository: 'octo-org/live-app',
    ref: 'refs/tags/v2.3.0',
    run_url: 'https://github.com/octo-org/live-app/actions/runs/1',
    actor: 'mona',
    sha: 'abc'
  }
  const fail = (template: string) => templateError(() => fillText(template, context, 'title'))

  it('writes every kind of value as text', () => {
    expect(
      fillText(
        '{{ release.tag_name }} #{{ release.id }} {{ release.draft }} [{{ release.body_html }}] {{ release.author }}',
        context,
        'title'
      )
    ).toBe('v2.3.0 #7 false [] {"login":"mona"}')
  })

  it('takes the whole value of a lone placeholder, spaces inside the braces or not', () => {
    expect(fillTree({ a: '{{release.author}}', b: '{{ release.id }}' }, context, 'data')).toEqual({
      a: { login: 'mona' },
      b: 7
    })
  })

  it('says when a path goes through null', () => {
    expect(fail('{{ release.body_html.x }}')).toBe(
      'Input `title` refers to {{ release.body_html.x }}, but release.body_html is null, with no key "x".'
    )
  })

  it('says when the object a path goes through is empty', () => {
    expect(fail('{{ inputs.title }}')).toBe(
      'Input `title` refers to {{ inputs.title }}, which is not known: inputs is empty in this event.'
    )
  })

  it('suggests the keys that contain the typo first, then the closest by edit distance', () => {
    expect(fail('{{ re }}')).toBe(
      'Input `title` refers to {{ re }}, which is not known: Nearest keys in the template context: ref, release, repository.'
    )
    expect(fail('{{ relase }}')).toBe(
      'Input `title` refers to {{ relase }}, which is not known: Nearest keys in the template context: release, ref, sha.'
    )
    // Equally far keys come in alphabetical order.
    expect(fail('{{ release.tagname }}')).toMatch(
      /Nearest keys in release: tag_name, author, draft\.$/
    )
  })

  it('counts every character of the typo, the last one too', () => {
    // xbcd is one edit from abcd, abq two; without its last character the typo is nearer abq.
    expect(() => fillText('{{ abcd }}', { abq: 1, xbcd: 2 }, 'title')).toThrow(
      'Nearest keys in the template context: xbcd, abq.'
    )
  })
})
