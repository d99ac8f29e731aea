// Every bad input ends in one clear ::error naming it, and no request at all.
import { afterAll, beforeAll, expect, it } from 'vitest'
import { runAction } from '../scripts/action-process.mjs'
import { startEmulator, type Emulator } from '../src/emulator/index.js'
import { emulatorInputs, errorLines } from './helpers/action.js'
import { payload } from './helpers/events.js'

const release = payload('release-published')

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(async () => {
  await emulator.close()
})

it.each<[string, Record<string, string>, RegExp]>([
  ['a non-numeric sdk-app-id', { 'sdk-app-id': 'my-app' }, /`sdk-app-id` must be .*digits only/],
  ['an empty sdk-app-id', { 'sdk-app-id': '' }, /`sdk-app-id` is required/],
  [
    'an unknown region',
    { region: 'hong-kong', endpoint: '' },
    /`region` must be one of china, singapore/
  ],
  [
    'an endpoint that is not http(s)',
    { endpoint: 'ws://127.0.0.1:1' },
    /`endpoint` must be an http:\/\/ or https:\/\/ base URL/
  ],
  [
    'an endpoint with a query',
    { endpoint: 'http://127.0.0.1:1/?usersig=x' },
    /`endpoint` must be a plain base URL/
  ],
  ['a random over u32', { random: '4294967296' }, /`random` must be an unsigned 32-bit integer/],
  ['a negative random', { random: '-5' }, /`random` must be an unsigned 32-bit integer/],
  [
    'a ttl of 0',
    { 'user-sig-ttl': '0' },
    /`user-sig-ttl` must be a whole number of seconds from 1 to 86400/
  ],
  ['a ttl over a day', { 'user-sig-ttl': '86401' }, /`user-sig-ttl` must be/],
  [
    'a timeout of 0',
    { 'timeout-seconds': '0' },
    /`timeout-seconds` must be a whole number of seconds from 1 to 120/
  ],
  [
    'negative retries',
    { retries: '-1' },
    /`retries` must be a whole number of retries from 0 to 20/
  ],
  [
    'fail-on-error that is not a boolean',
    { 'fail-on-error': 'yes' },
    /`fail-on-error` must be `true` or `false`; got "yes"/
  ],
  [
    'text-element that is not a boolean',
    { 'text-element': '1' },
    /`text-element` must be `true` or `false`/
  ],
  ['data that is a list', { data: '[1, 2]' }, /`data` must be a JSON or YAML object/],
  [
    'data that is not JSON or YAML',
    { data: '{"type": 1, "content": "x"' },
    /`data` (is neither valid JSON nor valid YAML|must be a JSON or YAML object)/
  ],
  [
    'a placeholder that is not a path',
    { title: '{{ process.env.HOME }}x{{ a b }}' },
    /`title` has the placeholder \{\{ a b \}\}/
  ],
  [
    'both secret-key and user-sig',
    { 'user-sig': 'eJw1' },
    /`secret-key` and input `user-sig` are both set/
  ],
  [
    'neither secret-key nor user-sig',
    { 'secret-key': '' },
    /`secret-key` or input `user-sig` is required/
  ],
  [
    'an unknown template',
    { template: 'hotfix' },
    /`template` must be one of auto, release, deploy, manual/
  ],
  [
    'a max-bytes over 12000',
    { 'max-bytes': '20000' },
    /`max-bytes` must be a whole number of bytes from 256 to 12000/
  ],
  [
    'an admin identifier with a space',
    { 'admin-identifier': 'ops admin' },
    /`admin-identifier` must be a Tencent Chat account ID/
  ],
  [
    'an unknown placeholder path',
    { desc: '{{ release.tagname }} is out' },
    /`desc` refers to \{\{ release\.tagname \}\}.*tag_name/
  ]
])('%s', async (_what, bad, message) => {
  const before = emulator.requests.length
  const run = await runAction({
    inputs: emulatorInputs(emulator, bad),
    event: release
  })
  expect(run.code).toBe(1)
  const errors = errorLines(run.stdout)
  expect(errors).toHaveLength(1)
  expect(errors[0]).toMatch(message)
  expect(emulator.requests.length - before).toBe(0)
  expect(run.outputs.status).toBe('failed')
})
