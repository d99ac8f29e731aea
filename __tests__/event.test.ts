import { describe, expect, it } from 'vitest'
import { readEventContext } from '../src/gather/event.js'
import { InputError } from '../src/inputs/input-error.js'

const payload = {
  action: 'published',
  ref: 'refs/tags/from-payload',
  after: 'aaaa1111',
  repository: { full_name: 'payload-org/payload-repo' },
  sender: { login: 'payload-user' }
}
const file = (text: string) => (path: string) => {
  if (path !== '/runner/event.json') throw new Error(`ENOENT: no such file, open '${path}'`)
  return text
}

describe('readEventContext', () => {
  it('reads what the runner sets, and the event file it names', () => {
    const context = readEventContext(
      {
        GITHUB_EVENT_NAME: 'release',
        GITHUB_EVENT_PATH: '/runner/event.json',
        GITHUB_REPOSITORY: 'octo-org/live-app',
        GITHUB_SERVER_URL: 'https://ghe.example.com//',
        GITHUB_SHA: '6113728f27ae82c7b1a177c8d03f9e96e0adf246',
        GITHUB_REF: 'refs/tags/v2.3.0',
        GITHUB_ACTOR: 'mona',
        GITHUB_RUN_ID: '42',
        GITHUB_JOB: 'announce'
      },
      file(JSON.stringify(payload))
    )
    expect(context).toEqual({
      name: 'release',
      payload,
      repository: 'octo-org/live-app',
      serverUrl: 'https://ghe.example.com',
      sha: '6113728f27ae82c7b1a177c8d03f9e96e0adf246',
      ref: 'refs/tags/v2.3.0',
      actor: 'mona',
      runId: '42',
      job: 'announce',
      runUrl: 'https://ghe.example.com/octo-org/live-app/actions/runs/42'
    })
  })

  it('takes from the payload what a local run does not set', () => {
    const context = readEventContext(
      { GITHUB_EVENT_PATH: '/runner/event.json' },
      file(JSON.stringify(payload))
    )
    expect(context).toMatchObject({
      name: 'unknown',
      repository: 'payload-org/payload-repo',
      serverUrl: 'https://github.com',
      sha: 'aaaa1111',
      ref: 'refs/tags/from-payload',
      actor: 'payload-user',
      runId: '',
      job: '',
      runUrl: undefined
    })
  })

  it('has an empty payload and placeholders outside a runner', () => {
    expect(readEventContext({}, file(''))).toMatchObject({
      payload: {},
      repository: 'unknown/unknown',
      sha: '',
      ref: '',
      actor: ''
    })
  })

  it.each([
    ['missing', '/elsewhere.json', '', /cannot be read: ENOENT/],
    ['empty', '/runner/event.json', ' \n', /is not JSON: it is empty\./],
    ['malformed', '/runner/event.json', '{"action": "publ', /is not JSON: /],
    ['not an object', '/runner/event.json', '[1, 2]', /does not hold a JSON object/]
  ])('refuses an event file that is %s, as an input error', (_what, path, text, message) => {
    const read = () => readEventContext({ GITHUB_EVENT_PATH: path }, file(text))
    expect(read).toThrow(InputError)
    expect(read).toThrow(message)
    expect(read).toThrow(/^The event file GITHUB_EVENT_PATH names /)
  })

  it('says why a malformed file is not JSON, and what to check', () => {
    try {
      readEventContext({ GITHUB_EVENT_PATH: '/runner/event.json' }, file('{"action": "publ'))
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(InputError)
      expect((error as InputError).message).not.toMatch(/empty/)
      expect((error as InputError).remedy).toBe(
        'The runner writes this file: check that no earlier step changed or replaced it. Nothing was sent.'
      )
    }
  })
})
