// Every input's validation, in one table: each bad value is reported as one sentence that names
// the input and says what it accepts. The process-level tests check one case per error class.
import { describe, expect, it } from 'vitest'
import { ConfigError, parseConfig } from '../src/inputs/config.js'
import { type RawInputs } from '../src/inputs/inputs.js'
import { dataParserFor } from '../src/plan/template.js'
import { rawInputs } from './helpers/inputs.js'

const parseYaml = await dataParserFor('yaml: loaded')
const raw = rawInputs

function problems(overrides: Partial<RawInputs>): string[] {
  try {
    parseConfig(raw(overrides), parseYaml)
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
      target: 'broadcast',
      groupIds: [],
      priority: 'High',
      fromAccount: undefined,
      cloudCustomData: undefined,
      random: undefined,
      userSigTtl: 300,
      timeoutSeconds: 10,
      template: 'auto',
      releaseActions: ['published'],
      releaseTag: undefined,
      releaseWaitSeconds: 120,
      githubToken: undefined,
      overrides: { title: '', message: '', desc: '' },
      dataTemplate: undefined,
      businessId: 'github_announcement',
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
        target: 'groups',
        'group-ids': '@TGS#1, room-2\n@TGS#1',
        priority: 'Lowest',
        'from-account': 'release-bot',
        'cloud-custom-data': '{"priority":"high"}',
        random: '4294967295',
        'user-sig-ttl': '86400',
        'timeout-seconds': '120',
        template: 'release',
        'release-actions': 'published, edited\nedited,',
        'release-tag': 'refs/tags/v2.3.0',
        'release-wait-seconds': '900',
        'github-token': 'ghs_token',
        title: 'T {{ actor }}',
        message: 'M',
        desc: 'D',
        data: 'type: 1',
        'business-id': 'live.banner/v1',
        'text-element': 'True',
        'max-bytes': '1024',
        retries: '0',
        'fail-on-error': 'FALSE',
        'dry-run': 'true'
      }),
      parseYaml
    )
    expect(config).toEqual({
      sdkAppId: 1400000000,
      credentials: { kind: 'user-sig', userSig: 'eJw1jt*sig' },
      adminIdentifier: 'ops_admin',
      region: 'silicon-valley',
      endpoint: new URL('https://proxy.example.test/tencent'),
      target: 'groups',
      groupIds: ['@TGS#1', 'room-2'],
      priority: 'Lowest',
      fromAccount: 'release-bot',
      cloudCustomData: '{"priority":"high"}',
      random: 4294967295,
      userSigTtl: 86400,
      timeoutSeconds: 120,
      template: 'release',
      releaseActions: ['published', 'edited'],
      releaseTag: { tag: 'v2.3.0' },
      releaseWaitSeconds: 900,
      githubToken: 'ghs_token',
      overrides: { title: 'T {{ actor }}', message: 'M', desc: 'D' },
      dataTemplate: { type: 1 },
      businessId: 'live.banner/v1',
      textElement: true,
      maxBytes: 1024,
      retries: 0,
      failOnError: false,
      dryRun: true
    })
  })

  it.each([
    ['the smallest values', { random: '0', 'user-sig-ttl': '1', 'timeout-seconds': '1' }],
    ['an IPv4 loopback endpoint with a path', { endpoint: 'http://127.0.0.1:8080/tencent' }],
    ['an account of exactly 32 bytes', { 'admin-identifier': 'a'.repeat(32) }],
    ['a non-ASCII account within 32 bytes', { 'from-account': '管理员'.repeat(3) }],
    ['a business-id of exactly 64 characters', { 'business-id': 'b'.repeat(64) }]
  ])('accepts %s', (_what, overrides) => {
    expect(() => parseConfig(raw(overrides))).not.toThrow()
  })

  it('reads YAML that JSON can hold, keys that are numbers or booleans as text', () => {
    expect(
      parseConfig(raw({ data: 'a: !!omap [b: 1]\n1: x\ntrue: y\nz: 0x1F\nn: ~' }), parseYaml)
        .dataTemplate
    ).toEqual({ a: { b: 1 }, 1: 'x', true: 'y', z: 31, n: null })
  })

  it('reads data nested exactly as deep as allowed', () => {
    const deep = `{"a":${'['.repeat(31)}1${']'.repeat(31)}}`
    expect(parseConfig(raw({ data: deep })).dataTemplate).toEqual(JSON.parse(deep))
  })

  it('accepts a group ID of exactly 48 bytes, and IDs in any of Tencent’s forms', () => {
    expect(
      parseConfig(raw({ target: 'groups', 'group-ids': `@TGS#2J4SZEAEL,${'g'.repeat(48)},直播间` }))
        .groupIds
    ).toEqual(['@TGS#2J4SZEAEL', 'g'.repeat(48), '直播间'])
  })

  it.each([
    ['a tag', 'v2.3.0', { tag: 'v2.3.0' }],
    ['a tag as a ref', 'refs/tags/release/2026.12', { tag: 'release/2026.12' }],
    ['the latest release', 'latest', 'latest'],
    ['a tag named latest', 'refs/tags/latest', { tag: 'latest' }],
    ['a tag in any script', '版本-2', { tag: '版本-2' }]
  ])('reads release-tag: %s', (_what, given, wanted) => {
    const config = parseConfig(raw({ 'release-tag': given, 'github-token': 'ghs_t' }))
    expect(config.releaseTag).toEqual(wanted)
  })

  it('needs no credential in a dry run', () => {
    expect(parseConfig(raw({ 'secret-key': '', 'dry-run': 'true' })).credentials).toBeUndefined()
  })

  it.each<[string, Partial<RawInputs>, RegExp]>([
    ['sdk-app-id', { 'sdk-app-id': '' }, /^Input `sdk-app-id` is required: the SDKAppID/],
    ['sdk-app-id', { 'sdk-app-id': 'abc' }, /`sdk-app-id` must be .*digits only; got "abc"\.$/],
    ['sdk-app-id', { 'sdk-app-id': '14OOOOOOOO' }, /`sdk-app-id` must be/],
    ['sdk-app-id', { 'sdk-app-id': '14e8' }, /`sdk-app-id` must be/],
    ['sdk-app-id', { 'sdk-app-id': '-1400000000' }, /`sdk-app-id` must be/],
    ['sdk-app-id', { 'sdk-app-id': '0' }, /`sdk-app-id` must be .*; got "0"/],
    ['sdk-app-id', { 'sdk-app-id': '4294967296' }, /`sdk-app-id` must be/],
    [
      'secret-key',
      { 'secret-key': '', 'user-sig': '' },
      /^Input `secret-key` or input `user-sig` is required: give the app key/
    ],
    ['secret-key', { 'user-sig': 'sig' }, /`secret-key` and input `user-sig` are both set/],
    [
      'admin-identifier',
      { 'admin-identifier': 'ops admin' },
      /^Input `admin-identifier` must be a Tencent Chat account ID: at most 32 bytes, no spaces or control characters; got "ops admin"\.$/
    ],
    ['admin-identifier', { 'admin-identifier': 'a'.repeat(33) }, /`admin-identifier` must be/],
    ['admin-identifier', { 'admin-identifier': '管理员'.repeat(4) }, /`admin-identifier` must/],
    [
      'region',
      { region: 'hongkong' },
      /^Input `region` must be one of china, singapore, seoul, tokyo, frankfurt, mumbai, silicon-valley, jakarta; got "hongkong"\.$/
    ],
    ['region', { region: 'China' }, /`region` must be one of/],
    [
      'endpoint',
      { endpoint: 'ftp://127.0.0.1' },
      /^Input `endpoint` must be an http:\/\/ or https:\/\/ base URL; got "ftp:\/\/127\.0\.0\.1"\.$/
    ],
    ['endpoint', { endpoint: 'ws://127.0.0.1:1' }, /`endpoint` must be an http:\/\/ or https/],
    ['endpoint', { endpoint: '127.0.0.1:8080' }, /`endpoint` must be an http:\/\/ or https/],
    ['endpoint', { endpoint: 'http://127.0.0.1/?sdkappid=1' }, /`endpoint` must be a plain base/],
    ['endpoint', { endpoint: 'http://127.0.0.1/#top' }, /`endpoint` must be a plain base URL/],
    ['endpoint', { endpoint: 'https://user:pw@proxy.test' }, /`endpoint` must be a plain base/],
    ['endpoint', { endpoint: 'https://:pw@proxy.test' }, /`endpoint` must be a plain base URL/],
    ['endpoint', { endpoint: 'https://ops@proxy.test' }, /`endpoint` must be a plain base URL/],
    ['from-account', { 'from-account': 'bot\u0000' }, /`from-account` must be a Tencent Chat/],
    ['from-account', { 'from-account': 'bot\tone' }, /`from-account` must be a Tencent Chat/],
    [
      'random',
      { random: '4294967296' },
      /^Input `random` must be an unsigned 32-bit integer, 0 to 4294967295; got "4294967296"\.$/
    ],
    ['random', { random: '-1' }, /`random` must be an unsigned 32-bit integer/],
    ['random', { random: '1.5' }, /`random` must be/],
    [
      'user-sig-ttl',
      { 'user-sig-ttl': '0' },
      /^Input `user-sig-ttl` must be a whole number of seconds from 1 to 86400; got "0"\.$/
    ],
    ['user-sig-ttl', { 'user-sig-ttl': '86401' }, /`user-sig-ttl` must be/],
    ['user-sig-ttl', { 'user-sig-ttl': '5m' }, /`user-sig-ttl` must be/],
    [
      'timeout-seconds',
      { 'timeout-seconds': '0' },
      /^Input `timeout-seconds` must be a whole number of seconds from 1 to 120; got "0"\.$/
    ],
    ['timeout-seconds', { 'timeout-seconds': '121' }, /`timeout-seconds` must be/],
    [
      'template',
      { template: 'hotfix' },
      /^Input `template` must be one of auto, release, deploy, manual; got "hotfix"\.$/
    ],
    [
      'target',
      { target: 'rooms' },
      /^Input `target` must be one of broadcast, groups, live-rooms; got "rooms"\.$/
    ],
    // Which target was meant is unknown, so `group-ids` is not second-guessed.
    ['target', { target: 'rooms', 'group-ids': '@TGS#1' }, /^Input `target` must be one of/],
    [
      'group-ids',
      { target: 'groups' },
      /^Input `group-ids` is required with `target: groups`: the IDs of the groups/
    ],
    [
      'group-ids',
      { target: 'groups', 'group-ids': ' ,\n ' },
      /^Input `group-ids` must name at least one item/
    ],
    [
      'group-ids',
      { target: 'groups', 'group-ids': `ok, ${'x'.repeat(49)}` },
      /^Input `group-ids` has "x{49}": a group ID is at most 48 bytes, with no control characters\.$/
    ],
    [
      'group-ids',
      { target: 'groups', 'group-ids': 'a\u0007b' },
      /^Input `group-ids` has "a\\u0007b"/
    ],
    [
      'group-ids',
      { 'group-ids': '@TGS#1' },
      /^Input `group-ids` is read only with `target: groups`; with `target: broadcast` it would be ignored\./
    ],
    [
      'group-ids',
      { target: 'live-rooms', 'group-ids': '@TGS#1' },
      /with `target: live-rooms` it would be ignored/
    ],
    [
      'priority',
      { priority: 'high' },
      /^Input `priority` must be one of High, Normal, Low, Lowest; got "high"\.$/
    ],
    [
      'release-actions',
      { 'release-actions': 'published, shipped' },
      /^Input `release-actions` must be one of published, released, prereleased, created, edited, deleted, unpublished; got "shipped"\.$/
    ],
    [
      'release-actions',
      { 'release-actions': ' , \n' },
      /^Input `release-actions` must name at least one item; it is empty\.$/
    ],
    [
      'release-tag',
      { 'release-tag': 'v2.3.0 final', 'github-token': 't' },
      /^Input `release-tag` must be a tag \(`v2\.3\.0` or `refs\/tags\/v2\.3\.0`\) or `latest`; got "v2\.3\.0 final"\.$/
    ],
    [
      'release-tag',
      { 'release-tag': 'refs/tags/', 'github-token': 't' },
      /`release-tag` must be a tag/
    ],
    ['release-tag', { 'release-tag': 'v1..2', 'github-token': 't' }, /`release-tag` must be a tag/],
    ['release-tag', { 'release-tag': 'v1\u0000', 'github-token': 't' }, /`release-tag` must be/],
    [
      'release-tag',
      { 'release-tag': 'v2.3.0', template: 'deploy', 'github-token': 't' },
      /^Input `release-tag` announces a release; with `template: deploy` it would announce something else\. Remove one of them\.$/
    ],
    [
      'github-token',
      { 'release-tag': 'latest' },
      /^Input `github-token` is empty, and `release-tag` looks the release up through the GitHub API: leave `github-token` at its default, `\$\{\{ github\.token \}\}`, and give the job `permissions: contents: read`\.$/
    ],
    [
      'release-wait-seconds',
      { 'release-tag': 'latest', 'github-token': 't', 'release-wait-seconds': '901' },
      /^Input `release-wait-seconds` must be a whole number of seconds from 0 to 900; got "901"\.$/
    ],
    [
      'release-wait-seconds',
      { 'release-wait-seconds': '60' },
      /^Input `release-wait-seconds` is read only with `release-tag`; without it nothing is waited for\./
    ],
    [
      'title',
      { title: '{{ process.env.HOME }}x{{ a b }}' },
      /^Input `title` has the placeholder \{\{ a b \}\}, which is not a path/
    ],
    [
      'message',
      { message: '{{ a + b }}' },
      /^Input `message` has the placeholder \{\{ a \+ b \}\}/
    ],
    ['desc', { desc: '{{}}' }, /^Input `desc` has the placeholder \{\{\}\}/],
    ['data', { data: '[1, 2]' }, /^Input `data` must be a JSON or YAML object/],
    ['data', { data: 'a: [1, 2\nb: 3' }, /^Input `data` is neither valid JSON nor valid YAML/],
    ['data', { data: '{"v": "{{ a..b }}"}' }, /^Input `data` has the placeholder \{\{ a\.\.b \}\}/],
    [
      'data',
      { data: `{"a":${'['.repeat(40)}${']'.repeat(40)}}` },
      /^Input `data` nests deeper than 32 levels\.$/
    ],
    [
      'data',
      { data: `${'{"a":'.repeat(40)}1${'}'.repeat(40)}` },
      /^Input `data` nests deeper than 32 levels\.$/
    ],
    [
      'data',
      { data: `{"a":${'['.repeat(5000)}${']'.repeat(5000)}}` },
      /^Input `data` nests deeper than 32 levels\.$/
    ],
    [
      'data',
      { data: `a:${' ['.repeat(3000)}${']'.repeat(3000)}` },
      /^Input `data` nests deeper than 32 levels\.$/
    ],
    [
      'data',
      { data: 'a: !!binary aGVsbG8=' },
      /^Input `data` holds binary data \(!!binary\), which JSON cannot hold; write it as text\.$/
    ],
    ['data', { data: 'a: !!set {x, y}' }, /^Input `data` holds a set \(!!set\), which JSON/],
    ['data', { data: 'a: !!timestamp 2001-12-14' }, /^Input `data` holds a timestamp, which JSON/],
    ['data', { data: 'a: .inf' }, /^Input `data` holds the number Infinity, which JSON/],
    ['data', { data: 'a: .nan' }, /^Input `data` holds the number NaN, which JSON/],
    [
      'data',
      { data: '? [a, b]\n: 1' },
      /^Input `data` has a key that is a collection; keys must be text\.$/
    ],
    [
      'data',
      { data: '? {a: 1}\n: 2' },
      /^Input `data` has a key that is a collection; keys must be text\.$/
    ],
    [
      'data',
      { data: 'a: !custom 1' },
      /^Input `data` is neither valid JSON nor valid YAML: Unresolved tag: !custom/
    ],
    [
      'data',
      { data: 'a: 1\na: 2' },
      /^Input `data` is neither valid JSON nor valid YAML: Map keys must be unique/
    ],
    [
      'text-element',
      { 'text-element': '1' },
      /^Input `text-element` must be `true` or `false`; got "1"\.$/
    ],
    [
      'max-bytes',
      { 'max-bytes': '20000' },
      /^Input `max-bytes` must be a whole number of bytes from 1024 to 12000; got "20000"\.$/
    ],
    ['max-bytes', { 'max-bytes': '1023' }, /`max-bytes` must be a whole number of bytes from 1024/],
    [
      'retries',
      { retries: '-1' },
      /^Input `retries` must be a whole number of retries from 0 to 20; got "-1"\.$/
    ],
    ['retries', { retries: '21' }, /`retries` must be/],
    [
      'fail-on-error',
      { 'fail-on-error': 'yes' },
      /^Input `fail-on-error` must be `true` or `false`; got "yes"\.$/
    ],
    [
      'business-id',
      { 'business-id': 'github announcement' },
      /^Input `business-id` must be a key of at most 64 characters without spaces, such as `github_announcement`; got "github announcement"\.$/
    ],
    ['business-id', { 'business-id': 'a\u0085b' }, /`business-id` must be a key/],
    ['business-id', { 'business-id': 'b'.repeat(65) }, /`business-id` must be a key/],
    ['dry-run', { 'dry-run': 'on' }, /^Input `dry-run` must be `true` or `false`; got "on"\.$/],
    ['text-element', { 'text-element': 'true!' }, /`text-element` must be `true` or `false`/],
    ['text-element', { 'text-element': 'not true' }, /`text-element` must be `true` or/],
    ['fail-on-error', { 'fail-on-error': 'falsey' }, /`fail-on-error` must be `true` or/],
    ['fail-on-error', { 'fail-on-error': 'is false' }, /`fail-on-error` must be `true` or/]
  ])('rejects a bad %s with one sentence naming it (%j)', (_name, overrides, message) => {
    const found = problems(overrides)
    expect(found).toHaveLength(1)
    expect(found[0]).toMatch(message)
  })

  it('shows a rejected value of 80 characters whole', () => {
    const [problem] = problems({ region: 'x'.repeat(80) })
    expect(problem).toMatch(new RegExp(`got "${'x'.repeat(80)}"\\.$`))
  })

  it('shows a long rejected value cut, so the message stays readable', () => {
    const [problem] = problems({ region: 'x'.repeat(200) })
    expect(problem).toBe(
      `Input \`region\` must be one of china, singapore, seoul, tokyo, frankfurt, mumbai, silicon-valley, jakarta; got "${'x'.repeat(80)}…".`
    )
  })

  it('reports every bad input at once, in the order of action.yml', () => {
    const found = problems({
      'sdk-app-id': 'x',
      'secret-key': '',
      region: 'mars',
      'user-sig-ttl': '0',
      'dry-run': 'false'
    })
    expect(found.map((p) => /`([a-z-]+)`/.exec(p)?.[1])).toEqual([
      'sdk-app-id',
      'region',
      'user-sig-ttl',
      'secret-key'
    ])
  })

  it('never quotes a credential in an error', () => {
    const found = problems({ 'secret-key': 'super-secret-value', 'user-sig': 'sig-secret-value' })
    expect(found).toEqual([
      'Input `secret-key` and input `user-sig` are both set: give exactly one of them.'
    ])
  })
})
