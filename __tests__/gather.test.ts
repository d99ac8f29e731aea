import { describe, expect, it } from 'vitest'
import { parseConfig } from '../src/inputs/config.js'
import { lookupNeed } from '../src/gather/gather.js'
import { INPUTS, type RawInputs } from '../src/inputs/inputs.js'
import { contextOf, payload } from './helpers/events.js'

const config = (given: Partial<RawInputs> = {}) =>
  parseConfig({
    ...(Object.fromEntries(Object.keys(INPUTS).map((name) => [name, ''])) as RawInputs),
    'sdk-app-id': '1400000000',
    'secret-key': 'k3y',
    'github-token': 'ghs_t',
    ...given
  })

const tagPush = contextOf('push', payload('push-tag'), { ref: 'refs/tags/v2.3.1' })
const dispatch = contextOf('workflow_dispatch', payload('workflow-dispatch'))

describe('lookupNeed', () => {
  it('looks up the release `release-tag` names on any event, and waits for it', () => {
    expect(lookupNeed(config({ 'release-tag': 'v2.3.0' }), dispatch)).toEqual({
      wanted: { tag: 'v2.3.0' },
      required: true,
      waitMs: 120_000
    })
    expect(
      lookupNeed(config({ 'release-tag': 'latest', 'release-wait-seconds': '0' }), tagPush)
    ).toEqual({ wanted: 'latest', required: true, waitMs: 0 })
  })

  it('looks up a pushed tag’s release, without waiting, when the announcement is a release', () => {
    const need = { wanted: { tag: 'v2.3.1' }, required: false, waitMs: 0 }
    expect(lookupNeed(config(), tagPush)).toEqual(need)
    expect(lookupNeed(config({ template: 'release' }), tagPush)).toEqual(need)
  })

  it.each([
    ['no token', config({ 'github-token': '' }), tagPush],
    ['a deploy asked for', config({ template: 'deploy' }), tagPush],
    ['a manual announcement asked for', config({ template: 'manual' }), tagPush],
    ['a branch push', config(), contextOf('push', payload('push-tag'), { ref: 'refs/heads/main' })],
    ['a manual run', config(), dispatch],
    [
      'a release event, which carries its release',
      config(),
      contextOf('release', payload('release-published'), { ref: 'refs/tags/v2.3.0' })
    ]
  ])('looks nothing up with %s', (_what, given, event) => {
    expect(lookupNeed(given, event)).toBeUndefined()
  })
})
