import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { field, isJson, isJsonObject, nonEmpty, topLevelInteger } from '../src/json.js'

describe('JSON helpers', () => {
  it('isJsonObject accepts only plain objects', () => {
    expect(isJsonObject({})).toBe(true)
    expect(isJsonObject([])).toBe(false)
    expect(isJsonObject(null)).toBe(false)
    expect(isJsonObject('{}')).toBe(false)
  })

  it('field follows a path of keys, and is undefined where one is missing', () => {
    const value = { a: { b: { c: 1 } }, list: [{ x: 1 }] }
    expect(field(value, 'a', 'b', 'c')).toBe(1)
    expect(field(value, 'a', 'x', 'c')).toBeUndefined()
    expect(field(value, 'a', 'b', 'c', 'd')).toBeUndefined()
    expect(field(value, 'list', '0')).toBeUndefined()
    expect(field(value)).toBe(value)
  })

  it('nonEmpty treats an empty string and null as not given', () => {
    expect(nonEmpty('x')).toBe('x')
    expect(nonEmpty('')).toBeUndefined()
    expect(nonEmpty(null)).toBeUndefined()
    expect(nonEmpty(5)).toBeUndefined()
  })

  it('isJson tells JSON text from other text', () => {
    expect(isJson('{"a": 1}')).toBe(true)
    expect(isJson('3')).toBe(true)
    expect(isJson('a: 1')).toBe(false)
    expect(isJson('')).toBe(false)
  })
})

describe('topLevelInteger', () => {
  it('gives the digits as written, where a number would round them', () => {
    const text = '{"ActionStatus":"OK","Next":1152921504606847049,"GroupIdList":[]}'
    expect(topLevelInteger(text, 'Next')).toBe('1152921504606847049')
    expect(String((JSON.parse(text) as { Next: number }).Next)).not.toBe('1152921504606847049')
  })

  it.each([
    ['a key of a nested object or array', '{"a":{"Next":5},"b":[{"Next":6}],"Next":7}', '7'],
    ['a string that looks like a key', '{"s":"\\"Next\\":9","t":"{[","Next":3}', '3'],
    ['the value "Next"', '{"x":"Next","Next":4}', '4'],
    ['whitespace around the colon and the number', '{ "Next" :\n 12 \n}', '12'],
    ['the key written with escapes', '{"N\\u0065xt":8}', '8'],
    ['the last of repeated keys, as JSON.parse reads it', '{"Next":1,"Next":2}', '2'],
    ['zero', '{"Next":0}', '0']
  ])('finds the key at the top level only, whatever surrounds it: %s', (_, text, digits) => {
    expect(JSON.parse(text)).toBeTypeOf('object')
    expect(topLevelInteger(text, 'Next')).toBe(digits)
  })

  it.each([
    ['absent', '{"GroupIdList":[]}'],
    ['only nested', '{"page":{"Next":5}}'],
    ['a fraction', '{"Next":1.5}'],
    ['an exponent', '{"Next":1e3}'],
    ['negative', '{"Next":-1}'],
    ['a string', '{"Next":"5"}'],
    ['null', '{"Next":null}']
  ])('is undefined when the top-level value is not a whole number: %s', (_, text) => {
    expect(topLevelInteger(text, 'Next')).toBeUndefined()
  })

  it('reads back any unsigned 64-bit cursor from any object JSON.stringify writes', () => {
    const SLOT = '\u0000cursor\u0000'
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.string().filter((k) => k !== 'Next'),
          fc.jsonValue()
        ),
        fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }),
        (others, cursor) => {
          const text = JSON.stringify({ ...others, Next: SLOT }).replace(
            JSON.stringify(SLOT),
            cursor.toString()
          )
          expect(topLevelInteger(text, 'Next')).toBe(cursor.toString())
        }
      )
    )
  })
})
