import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cutToFit, MAX_MESSAGE_BYTES, oneLine, serializedBytes } from '../src/plan/fit.js'

describe('serializedBytes', () => {
  it('counts the JSON as sent, escapes included, in UTF-8', () => {
    // ["a\"é直🎉"] is 2 + 1 + 2 (\") + 2 (é) + 3 (直) + 4 (🎉) + 2 = 16 bytes.
    expect(serializedBytes(['a"é直🎉'])).toBe(16)
    // A newline is written as two characters, \n.
    expect(serializedBytes('\n')).toBe(4)
  })

  it('is Tencent’s limit of 12,000 bytes by default', () => {
    expect(MAX_MESSAGE_BYTES).toBe(12_000)
  })
})

describe('cutToFit', () => {
  const under = (max: number) => (text: string) => text.length <= max

  it('gives back the text that fits whole', () => {
    expect(cutToFit('short', () => true)).toBe('short')
  })

  it('gives nothing when not even the ellipsis fits', () => {
    expect(cutToFit('short', () => false)).toBeUndefined()
  })

  it('keeps the longest prefix that fits with the ellipsis', () => {
    expect(cutToFit('abcdef', under(4))).toBe('abc…')
    expect(cutToFit('abcdef', under(1))).toBe('…')
    expect(cutToFit('abcdef', under(5), '...')).toBe('ab...')
  })

  it('drops the spaces before the ellipsis', () => {
    expect(cutToFit('abc    defgh', under(8))).toBe('abc…')
  })

  it('cuts at a line end when one is near', () => {
    const text = `${'a'.repeat(90)}\n${'b'.repeat(30)}`
    expect(cutToFit(text, under(110))).toBe(`${'a'.repeat(90)}\n…`)
  })

  it('cuts at a line end exactly a quarter back, and drops the spaces before it', () => {
    const text = `${'a'.repeat(73)}  \n${'b'.repeat(50)}`
    // The longest cut that fits ends at 100; the line ends at 75, a quarter back.
    expect(cutToFit(text, under(101))).toBe(`${'a'.repeat(73)}\n…`)
  })

  it('cuts inside the line when the last line end is far back', () => {
    const text = `${'a'.repeat(20)}\n${'b'.repeat(100)}`
    expect(cutToFit(text, under(100))).toBe(`${'a'.repeat(20)}\n${'b'.repeat(78)}…`)
  })

  it('never splits an emoji sequence, even where the cut falls before a surrogate pair', () => {
    const family = '👨‍👩‍👧‍👦' // 👨 ZWJ 👩 ZWJ 👧 ZWJ 👦: 11 code units
    const text = family.repeat(13)
    for (let max = 1; max < text.length; max++) {
      const cut = cutToFit(text, under(max)) ?? ''
      expect((cut.length - 1) % family.length, `max ${max}`).toBe(0)
    }
  })

  it('never splits a character of a long text with no ASCII and no line break', () => {
    const family = '👨‍👩‍👧‍👦'
    const families = family.repeat(600) // 6,600 code units, more than the window segmented
    for (const max of [3000, 4321, 6000]) {
      const cut = cutToFit(families, under(max)) ?? ''
      expect((cut.length - 1) % family.length, `max ${max}`).toBe(0)
      expect(cut.length).toBeGreaterThan(max - family.length)
      expect(cut.length).toBeLessThanOrEqual(max)
    }
    const flags = '🇨🇳🇯🇵'.repeat(1000) // 8,000 code units of regional indicators
    for (const max of [2999, 3001, 5555]) {
      const cut = cutToFit(flags, under(max)) ?? ''
      expect((cut.length - 1) % 4, `max ${max}`).toBe(0)
      expect(cut.length).toBeGreaterThan(max - 4)
      expect(cut.length).toBeLessThanOrEqual(max)
    }
  })

  it('property: any text, any budget: a prefix that fits, cut at a character boundary', () => {
    // Long runs of one kind of character reach past the window segmented before a cut.
    const piece = fc.constantFrom('a', ' ', '\n', '直', 'e\u0301', '🎉', '🇨🇳', '👨‍👩‍👧‍👦', '🏳️‍🌈')
    const run = fc.tuple(piece, fc.integer({ min: 1, max: 700 })).map(([p, n]) => p.repeat(n))
    const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' })
    fc.assert(
      fc.property(
        fc.array(fc.oneof(piece, run), { minLength: 1, maxLength: 12 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (parts, share) => {
          const text = parts.join('')
          const max = Math.max(1, Math.floor(text.length * share))
          const cut = cutToFit(text, under(max))
          if (text.length <= max) {
            expect(cut).toBe(text)
            return
          }
          expect(cut).toBeDefined()
          expect(cut?.length).toBeLessThanOrEqual(max)
          const kept = (cut ?? '').replace(/\n?…$/, '')
          expect(text.startsWith(kept)).toBe(true)
          const ends = new Set([...segmenter.segment(text)].map((g) => g.index + g.segment.length))
          // Where it was cut, trailing spaces aside, a character ends.
          const at = text.slice(0, kept.length).trimEnd().length
          expect(at === 0 || ends.has(at) || ends.has(kept.length)).toBe(true)
        }
      ),
      { numRuns: 300 }
    )
  })

  it('never splits an emoji sequence, a flag or a combining mark', () => {
    const family = '👨‍👩‍👧‍👦' // 11 UTF-16 code units, one character
    expect(cutToFit(`${family}${family}`, under(20))).toBe(`${family}…`)
    expect(cutToFit('🇨🇳🇯🇵', under(5))).toBe('🇨🇳…')
    expect(cutToFit('e\u0301e\u0301e\u0301', under(5))).toBe('e\u0301e\u0301…')
  })
})

describe('oneLine', () => {
  it('takes the first line with words, trimmed', () => {
    expect(oneLine('\n   \n  Hello there  \nsecond', 150)).toBe('Hello there')
  })

  it('is empty for a text without words', () => {
    expect(oneLine(' \n \n', 150)).toBe('')
  })

  it('cuts a long line to at most `max` characters, ellipsis included', () => {
    expect(oneLine('长'.repeat(300), 150)).toBe(`${'长'.repeat(149)}…`)
    expect(oneLine('a'.repeat(150), 150)).toBe('a'.repeat(150))
  })

  it('drops the spaces before the ellipsis', () => {
    expect(oneLine(`${'a'.repeat(148)}  ${'b'.repeat(10)}`, 150)).toBe(`${'a'.repeat(148)}…`)
  })

  it('counts characters, not code units', () => {
    const thumbs = '👍🏽' // four code units, one character
    expect(oneLine(thumbs.repeat(10), 10)).toBe(thumbs.repeat(10))
    expect(oneLine(thumbs.repeat(11), 10)).toBe(`${thumbs.repeat(9)}…`)
  })
})
