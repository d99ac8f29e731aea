import { describe, expect, it } from 'vitest'
import { counted } from '../src/prose.js'

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
