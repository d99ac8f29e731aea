import { describe, expect, it } from 'vitest'
import { fakeCore } from '../__fixtures__/core.js'
import {
  describeInputs,
  INPUTS,
  parseInputs,
  readInputs,
  type RawInputs
} from '../src/inputs/inputs.js'
import { Secrets } from '../src/secrets.js'

describe('readInputs', () => {
  it('reads every input the table describes, empty when not given', () => {
    const core = fakeCore({ 'sdk-app-id': ' 1400000000 ', region: 'tokyo' })
    const raw = readInputs(core, new Secrets(core.setSecret))
    expect(Object.keys(raw)).toEqual(Object.keys(INPUTS))
    expect(raw['sdk-app-id']).toBe('1400000000')
    expect(raw.region).toBe('tokyo')
    expect(raw.endpoint).toBe('')
  })

  it('masks the credentials, and prints nothing else', () => {
    const core = fakeCore({ 'secret-key': 'the-key', 'user-sig': 'the-sig', title: 'Hi' })
    readInputs(core, new Secrets(core.setSecret))
    expect(core.log).toEqual(['::add-mask::the-key', '::add-mask::the-sig'])
  })
})

describe('describeInputs', () => {
  it('names the inputs given, credentials hidden', () => {
    const core = fakeCore({ 'secret-key': 'the-key', 'user-sig': 'the-sig', title: 'Hi' })
    expect(describeInputs(readInputs(core, new Secrets(core.setSecret)))).toBe(
      'Inputs given: secret-key=***, user-sig=***, title="Hi"'
    )
  })

  it('says when no input was given', () => {
    const core = fakeCore()
    expect(describeInputs(readInputs(core, new Secrets(core.setSecret)))).toBe('Inputs given: none')
  })
})

describe('parseInputs', () => {
  const empty = Object.fromEntries(Object.keys(INPUTS).map((name) => [name, ''])) as RawInputs

  it('reads each input on its own, defaults included, and collects every problem', () => {
    const { values, problems } = parseInputs(
      { ...empty, 'sdk-app-id': '7', retries: 'many', region: '' },
      undefined
    )
    expect(values['sdk-app-id']).toBe(7)
    expect(values.region).toBe('china')
    expect(values['timeout-seconds']).toBe(10)
    expect(values.retries).toBeUndefined()
    expect(values.endpoint).toBeUndefined()
    expect(problems).toEqual([
      'Input `retries` must be a whole number of retries from 0 to 20; got "many".'
    ])
  })
})
