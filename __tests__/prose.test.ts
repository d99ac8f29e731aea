import { describe, expect, it } from 'vitest'
import { counted, thousands } from '../src/prose.js'

describe('counted', () => {
  it.each([
    [0, '0 tries'],
    [1, '1 try'],
    [2, '2 tries'],
    [1000, '1000 tries']
  ])('writes %i with its noun in the number it takes: %s', (count, text) => {
    expect(counted(count, 'try', 'tries')).toBe(text)
  })
})

describe('thousands', () => {
  it.each([
    [0, '0'],
    [999, '999'],
    [1000, '1,000'],
    [12000, '12,000'],
    [1234567, '1,234,567']
  ])('writes %i with separators: %s', (value, text) => {
    expect(thousands(value)).toBe(text)
  })
})
