import { describe, expect, it } from 'vitest'
import { ConfigError, parseConfig } from '../src/config.js'
import { INPUT_NAMES, type RawInputs } from '../src/inputs.js'

const valid = { 'sdk-app-id': '1400000000', 'secret-key': 'k3y' }

function raw(overrides: Partial<RawInputs> = {}): RawInputs {
  const inputs = Object.fromEntries(INPUT_NAMES.map((name) => [name, ''])) as RawInputs
  return { ...inputs, ...valid, ...overrides }
}

function problems(overrides: Partial<RawInputs>): string[] {
  try {
    parseConfig(raw(overrides))
  } catch (error) {
    if (error instanceof ConfigError) return error.problems
    throw error
  }
  throw new Error('the inputs were accepted')
}

describe('parseConfig', () => {
  it('applies the documented defaults to the minimal inputs', () => {
    expect(parseConfig(raw())).toEqual({
      sdkAppId: 1400000000,
      credentials: { kind: 'secret-key', secretKey: 'k3y' },
      adminIdentifier: 'administrator',
      region: 'china',
      endpoint: undefined,
      fromAccount: undefined,
      cloudCustomData: undefined,
      random: undefined,
      userSigTtl: 300,
      timeoutSeconds: 10,
      template: 'auto',
      overrides: { title: '', message: '', desc: '' },
      dataTemplate: undefined,
      textElement: false,
      maxBytes: 12000,
      retries: 5,
      failOnError: true,
      dryRun: false
    })
  })

  it('reads every input when given', () => {
    const config = parseConfig(
      raw({
        'secret-key': '',
        'user-sig': 'eJw1jt*sig',
        'admin-identifier': 'ops_admin',
        region: 'silicon-valley',
        endpoint: 'https://proxy.example.test/tencent',
        'from-account': 'release-bot',
        'cloud-custom-data': '{"priority":"high"}',
        random: '4294967295',
        'user-sig-ttl': '86400',
        'timeout-seconds': '120'
      })
    )
    expect(config).toMatchObject({
      credentials: { kind: 'user-sig', userSig: 'eJw1jt*sig' },
      adminIdentifier: 'ops_admin',
      region: 'silicon-valley',
      fromAccount: 'release-bot',
      cloudCustomData: '{"priority":"high"}',
      random: 4294967295,
      userSigTtl: 86400,
      timeoutSeconds: 120
    })
    expect(config.endpoint?.href).toBe('https://proxy.example.test/tencent')
  })

  it.each([
    ['sdk-app-id', { 'sdk-app-id': '' }, /`sdk-app-id` is required/],
    ['sdk-app-id', { 'sdk-app-id': 'abc' }, /`sdk-app-id` must be .*digits only; got "abc"/],
    ['sdk-app-id', { 'sdk-app-id': '14e8' }, /`sdk-app-id` must be/],
    ['sdk-app-id', { 'sdk-app-id': '-1400000000' }, /`sdk-app-id` must be/],
    ['sdk-app-id', { 'sdk-app-id': '0' }, /`sdk-app-id` must be/],
    ['sdk-app-id', { 'sdk-app-id': '4294967296' }, /`sdk-app-id` must be/],
    [
      'secret-key',
      { 'secret-key': '', 'user-sig': '' },
      /`secret-key` or input `user-sig` is required/
    ],
    ['secret-key', { 'user-sig': 'sig' }, /`secret-key` and input `user-sig` are both set/],
    [
      'admin-identifier',
      { 'admin-identifier': 'admin istrator' },
      /`admin-identifier` must be a Tencent Chat account ID/
    ],
    ['admin-identifier', { 'admin-identifier': 'a'.repeat(33) }, /`admin-identifier` must be/],
    [
      'region',
      { region: 'hongkong' },
      /`region` must be one of china, singapore, seoul, tokyo, frankfurt, mumbai, silicon-valley, jakarta; got "hongkong"/
    ],
    ['region', { region: 'China' }, /`region` must be one of/],
    [
      'endpoint',
      { endpoint: 'ftp://127.0.0.1' },
      /`endpoint` must be an http:\/\/ or https:\/\/ base URL/
    ],
    [
      'endpoint',
      { endpoint: '127.0.0.1:8080' },
      /`endpoint` must be an http:\/\/ or https:\/\/ base URL/
    ],
    [
      'endpoint',
      { endpoint: 'http://127.0.0.1/?sdkappid=1' },
      /`endpoint` must be a plain base URL/
    ],
    ['endpoint', { endpoint: 'https://user:pw@proxy.test' }, /`endpoint` must be a plain base URL/],
    [
      'from-account',
      { 'from-account': 'bot\u0000' },
      /`from-account` must be a Tencent Chat account ID/
    ],
    [
      'random',
      { random: '4294967296' },
      /`random` must be an unsigned 32-bit integer, 0 to 4294967295; got 4294967296/
    ],
    ['random', { random: '-1' }, /`random` must be an unsigned 32-bit integer/],
    ['random', { random: '1.5' }, /`random` must be/],
    [
      'user-sig-ttl',
      { 'user-sig-ttl': '0' },
      /`user-sig-ttl` must be a whole number of seconds from 1 to 86400; got 0/
    ],
    ['user-sig-ttl', { 'user-sig-ttl': '86401' }, /`user-sig-ttl` must be/],
    ['user-sig-ttl', { 'user-sig-ttl': '5m' }, /`user-sig-ttl` must be/],
    [
      'timeout-seconds',
      { 'timeout-seconds': '0' },
      /`timeout-seconds` must be a whole number of seconds from 1 to 120/
    ],
    ['timeout-seconds', { 'timeout-seconds': '121' }, /`timeout-seconds` must be/]
  ])('rejects a bad %s with a message naming it (%j)', (_name, overrides, message) => {
    const found = problems(overrides)
    expect(found).toHaveLength(1)
    expect(found[0]).toMatch(message)
  })

  it('reports every bad input at once', () => {
    const found = problems({ 'sdk-app-id': 'x', region: 'mars', 'user-sig-ttl': '0' })
    expect(found.map((p) => /`([a-z-]+)`/.exec(p)?.[1])).toEqual([
      'sdk-app-id',
      'region',
      'user-sig-ttl'
    ])
  })

  it('never quotes a credential in an error', () => {
    const found = problems({ 'secret-key': 'super-secret-value', 'user-sig': 'sig-secret-value' })
    expect(found.join('\n')).not.toMatch(/secret-value/)
  })
})
