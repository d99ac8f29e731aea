import { describe, expect, it } from 'vitest'
import { field, isJson, isJsonObject, nonEmpty } from '../src/json.js'

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
