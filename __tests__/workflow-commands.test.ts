import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fakeCore } from '../__fixtures__/core.js'
import { Secrets } from '../src/secrets.js'
import { inert, safeCore } from '../src/workflow-commands.js'
import { runnerCommands } from './helpers/runner-commands.js'

/**
 * Pieces of text an attacker would combine: both markers, command names in any case, the white
 * space .NET trims, characters ICU skips, every line break, and ordinary text.
 */
const piece = fc.constantFrom(
  '::',
  ':',
  '##[',
  '#',
  '[',
  ']',
  ' ',
  'stop-commands',
  'STOP-Commands',
  'warning',
  'add-mask',
  'set-output name=x',
  'token',
  '\t',
  '\u00a0',
  '\u3000',
  '\u0085',
  '\u2028',
  '\u200b',
  '\u00ad',
  '\u2060',
  '\ufeff',
  '\u200d',
  '\u0000',
  '\u001b[31m',
  '\r',
  '\n',
  '\r\n',
  '%0A',
  'é',
  '😀',
  'text'
)
const hostile = fc.array(piece, { maxLength: 40 }).map((pieces) => pieces.join(''))

describe('inert', () => {
  it('leaves nothing the runner would read as a command, in either syntax', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        expect(runnerCommands(inert(text))).toEqual([])
      }),
      { numRuns: 2000 }
    )
  })

  it('finds the commands the model finds, so the model is not blind', () => {
    expect(runnerCommands('x ##[stop-commands]abc\n ::Warning::hi').map((c) => c.name)).toEqual([
      'stop-commands'
    ])
    expect(runnerCommands('::warning::a\n\t::ERROR file=x::b\rtext ##[add-mask]c')).toHaveLength(3)
    expect(runnerCommands('#\u00ad#[debug]x\n\u200b::debug::y')).toHaveLength(2)
  })

  it('writes each marker as an escape, and only where there is one', () => {
    expect(inert('Fix typo ##[stop-commands]abc')).toBe('Fix typo #\\u0023[stop-commands]abc')
    expect(inert('  ::warning::x')).toBe('  \\u003a:warning::x')
    expect(inert('std::vector, #1 [note]')).toBe('std::vector, #1 [note]')
    expect(inert('a\r::error::b')).toBe('a\\u000d::error::b')
    expect(inert('#\u200b#[debug]')).toBe('#\\u200b#[debug]')
    // A line without a marker keeps its zero-width joiners: an emoji stays whole.
    expect(inert('👩\u200d💻 v2 ready\n::x')).toBe('👩\u200d💻 v2 ready\n\\u003a:x')
  })

  it('changes no JSON value it is applied to', () => {
    fc.assert(
      fc.property(fc.array(hostile, { maxLength: 4 }), fc.boolean(), (texts, pretty) => {
        const value = { texts, [texts[0] ?? 'key']: texts }
        const json = pretty ? JSON.stringify(value, null, 2) : JSON.stringify(value)
        expect(JSON.parse(inert(json))).toEqual(value)
      })
    )
  })
})

describe('safeCore', () => {
  it('scrubs and makes inert every message and output, and masks unchanged', () => {
    const core = fakeCore()
    const secrets = new Secrets(core.setSecret)
    secrets.add('s3cr%t\n')
    const safe = safeCore(core, secrets)
    const quoted = 'x ##[stop-commands]t s3cr%25t%0A'
    safe.info(`a\n::warning::${quoted}`)
    safe.debug(quoted)
    safe.notice(quoted)
    safe.warning(quoted)
    safe.startGroup(quoted)
    safe.endGroup()
    safe.setFailed(quoted)
    safe.setOutput('error-info', quoted)
    expect(core.log).toEqual([
      '::add-mask::s3cr%t\n',
      '::add-mask::s3cr%25t%0A',
      'a\n\\u003a:warning::x #\\u0023[stop-commands]t ***',
      ...['debug', 'notice', 'warning', 'group'].map(
        (name) => `::${name}::x #\\u0023[stop-commands]t ***`
      ),
      '::endgroup::',
      '::error::x #\\u0023[stop-commands]t ***'
    ])
    expect(core.outputs).toEqual({ 'error-info': 'x #\\u0023[stop-commands]t ***' })
    // The runner reads the commands the action wrote, and nothing that was quoted.
    expect(runnerCommands(core.stdout.join('')).map(({ syntax, name }) => syntax + name)).toEqual(
      ['add-mask', 'add-mask', 'debug', 'notice', 'warning', 'group', 'endgroup', 'error'].map(
        (name) => `::${name}`
      )
    )
  })
})
