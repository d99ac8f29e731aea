// readAnnouncement as an app meets it: every form a message arrives in, every way one is not an
// announcement, and the promise that it answers whatever it is given.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readAnnouncement } from '../src/index.js'

/** A release announcement as the action sends it, written out by hand. */
const RELEASE = {
  v: 1,
  businessID: 'github_announcement',
  kind: 'release',
  event: 'release',
  title: 'v2.3.0 — Co-host mode',
  text: 'What’s new\n• Co-host mode',
  url: 'https://github.com/octo-org/live-app/releases/tag/v2.3.0',
  truncated: false,
  version: 'v2.3.0',
  prerelease: false,
  action: 'published',
  author: 'mona',
  subject: 'release/184467441',
  repository: 'octo-org/live-app',
  sha: '6113728f27ae82c7b1a177c8d03f9e96e0adf246',
  ref: 'refs/tags/v2.3.0',
  actor: 'mona',
  run_url: 'https://github.com/octo-org/live-app/actions/runs/9876543210',
  timestamp: '2026-11-24T09:00:00Z'
}
const DATA = JSON.stringify(RELEASE)

const MANUAL = {
  v: 1,
  kind: 'manual',
  event: 'workflow_dispatch',
  title: 'Maintenance at 22:00',
  text: 'The rooms pause for ten minutes.',
  truncated: false,
  repository: 'octo-org/live-app',
  sha: '6113728f27ae82c7b1a177c8d03f9e96e0adf246',
  ref: 'refs/heads/main',
  actor: 'mona'
}

/** A Message as @tencentcloud/chat hands it to MESSAGE_RECEIVED, with the fields it always has. */
function sdkMessage(type: string, payload: unknown, isBroadcastMessage = true) {
  return {
    ID: '144115233874815003-1732438800-1',
    type,
    payload,
    conversationID: 'GROUP@TGS#aLiveRoomA',
    to: '@TGS#aLiveRoomA',
    from: 'administrator',
    flow: 'in',
    time: 1732438800,
    isBroadcastMessage
  }
}

function failure(input: unknown, options?: { businessID?: string }) {
  const read = readAnnouncement(input, options)
  if (read.ok) throw new Error('read as an announcement')
  return read
}

describe('readAnnouncement finds the Data', () => {
  it('in a broadcast Message from @tencentcloud/chat', () => {
    const message = sdkMessage('TIMCustomElem', {
      data: DATA,
      description: 'octo-org/live-app v2.3.0 released',
      extension: 'release'
    })
    expect(readAnnouncement(message)).toEqual({ ok: true, announcement: RELEASE, broadcast: true })
  })

  it('in a Message sent to one group, which is no broadcast', () => {
    const message = sdkMessage('TIMCustomElem', { data: DATA }, false)
    expect(readAnnouncement(message)).toEqual({ ok: true, announcement: RELEASE, broadcast: false })
  })

  it('in a bare TIMCustomElem as REST callbacks give it', () => {
    const element = { MsgType: 'TIMCustomElem', MsgContent: { Data: DATA, Desc: 'd', Ext: 'r' } }
    expect(readAnnouncement(element)).toEqual({ ok: true, announcement: RELEASE, broadcast: false })
  })

  it('in a MsgBody, after a text element', () => {
    const body = [
      { MsgType: 'TIMTextElem', MsgContent: { Text: 'v2.3.0 released' } },
      { MsgType: 'TIMCustomElem', MsgContent: { Data: DATA } }
    ]
    expect(readAnnouncement(body)).toMatchObject({ ok: true, announcement: RELEASE })
  })

  it('in the Data string itself', () => {
    expect(readAnnouncement(DATA)).toEqual({ ok: true, announcement: RELEASE, broadcast: false })
  })

  it('and reads an announcement without businessID, as a workflow may send it', () => {
    expect(readAnnouncement(JSON.stringify(MANUAL))).toEqual({
      ok: true,
      announcement: MANUAL,
      broadcast: false
    })
  })

  it('reads a businessID of the workflow’s own when told it', () => {
    const data = JSON.stringify({ ...RELEASE, businessID: 'live.banner' })
    expect(readAnnouncement(data, { businessID: 'live.banner' })).toMatchObject({ ok: true })
    expect(failure(data)).toEqual({
      ok: false,
      problem: 'not-ours',
      reason: 'businessID is "live.banner", not "github_announcement"'
    })
  })

  it('leaves out fields it does not know, in any kind', () => {
    const data = JSON.stringify({ ...MANUAL, banner_color: '#ff0000', later: { nested: true } })
    const read = readAnnouncement(data)
    expect(read).toEqual({ ok: true, announcement: MANUAL, broadcast: false })
  })

  it('gives a new object: changing it changes nothing the next read sees', () => {
    const first = readAnnouncement(DATA)
    if (!first.ok) throw new Error(first.reason)
    first.announcement.title = 'changed'
    expect(readAnnouncement(DATA)).toMatchObject({ announcement: { title: RELEASE.title } })
  })

  it('keeps an own field named like an Object.prototype member out of the result', () => {
    const read = readAnnouncement(`{"__proto__":{"kind":"x"},${DATA.slice(1)}`)
    expect(read).toEqual({ ok: true, announcement: RELEASE, broadcast: false })
    if (read.ok) expect(Object.getPrototypeOf(read.announcement)).toBe(Object.prototype)
  })
})

describe('readAnnouncement says why a message is not one', () => {
  it.each([
    [sdkMessage('TIMTextElem', { text: 'hi' }), 'a "TIMTextElem" message, not a TIMCustomElem'],
    [
      { MsgType: 'TIMFaceElem', MsgContent: { Index: 1 } },
      'a "TIMFaceElem" message, not a TIMCustomElem'
    ],
    [[{ MsgType: 'TIMTextElem', MsgContent: { Text: 'hi' } }], 'the MsgBody has no TIMCustomElem'],
    [[], 'the MsgBody has no TIMCustomElem'],
    [sdkMessage('TIMCustomElem', {}), 'the custom message has no payload.data string'],
    [sdkMessage('TIMCustomElem', null), 'the custom message has no payload.data string'],
    [{ MsgType: 'TIMCustomElem', MsgContent: { Data: 1 } }, 'the TIMCustomElem has no Data string'],
    [{ MsgType: 'TIMCustomElem' }, 'the TIMCustomElem has no Data string'],
    [undefined, 'expected a Message, a TIMCustomElem, a MsgBody or a Data string; got undefined'],
    [null, 'expected a Message, a TIMCustomElem, a MsgBody or a Data string; got null'],
    [42, 'expected a Message, a TIMCustomElem, a MsgBody or a Data string; got 42'],
    [
      {},
      'expected a Message, a TIMCustomElem, a MsgBody or a Data string; got an object without type or MsgType'
    ]
  ])('not a custom message: %j', (input, reason) => {
    expect(failure(input)).toEqual({ ok: false, problem: 'not-custom', reason })
  })

  it('Data that is not JSON, with what the parser said', () => {
    let said = ''
    try {
      JSON.parse('{"v":1,')
    } catch (error) {
      said = (error as Error).message
    }
    expect(said.length).toBeGreaterThan(40)
    expect(failure('{"v":1,')).toEqual({
      ok: false,
      problem: 'not-json',
      reason: `Data is not JSON: ${said.slice(0, 39)}…`
    })
  })

  it('Data of ours by its businessID alone, and nothing else: what it lacks', () => {
    expect(failure('{"businessID":"github_announcement"}')).toMatchObject({
      problem: 'invalid',
      reason: expect.stringMatching(/^v is missing; kind is missing; event is missing;/) as string
    })
  })

  it.each([
    ['[1,2]', 'Data is an array, not an object'],
    ['"text"', 'Data is "text", not an object'],
    ['null', 'Data is null, not an object'],
    ['7', 'Data is 7, not an object'],
    [
      '{"businessID":"gift","v":1,"kind":"release"}',
      'businessID is "gift", not "github_announcement"'
    ],
    ['{"businessID":7}', 'businessID is 7, not "github_announcement"'],
    ['{"type":"like","count":3}', 'Data has neither a businessID nor v and kind'],
    ['{"v":1,"title":"no kind"}', 'Data has neither a businessID nor v and kind'],
    ['{"kind":"release"}', 'Data has neither a businessID nor v and kind']
  ])('another feature’s message: %s', (data, reason) => {
    expect(failure(data)).toEqual({ ok: false, problem: 'not-ours', reason })
  })

  it('a kind that is not a text is no kind, however it is written', () => {
    expect(failure(JSON.stringify({ ...MANUAL, kind: ['release'] })).reason).toBe(
      'kind: expected one of "release", "deploy", "manual", got an array'
    )
  })

  it('a version this reader does not know, with what to do', () => {
    expect(failure(JSON.stringify({ ...RELEASE, v: 2 }))).toEqual({
      ok: false,
      problem: 'unknown-version',
      reason: 'v is 2: this reader knows version 1; update tencent-chat-announcement'
    })
  })

  it.each([
    [{ v: '1' }, 'v: expected 1, got "1"'],
    [{ v: 1.5 }, 'v: expected 1, got 1.5'],
    [{ v: 0 }, 'v: expected 1, got 0'],
    [{ kind: 'hotfix' }, 'kind: expected one of "release", "deploy", "manual", got "hotfix"'],
    [{ title: 7 }, 'title: expected a string, got 7'],
    [{ title: null }, 'title: expected a string, got null'],
    [{ title: true }, 'title: expected a string, got true'],
    [{ truncated: 'y'.repeat(38) }, `truncated: expected true or false, got "${'y'.repeat(38)}"`],
    [{ truncated: 'y'.repeat(39) }, `truncated: expected true or false, got "${'y'.repeat(38)}…`],
    [{ truncated: 'false' }, 'truncated: expected true or false, got "false"'],
    [{ prerelease: 0 }, 'prerelease: expected true or false, got 0'],
    [
      { url: 'javascript:alert(1)' },
      'url: expected a string matching ^https?://\\S+$, got "javascript:alert(1)"'
    ],
    [
      { url: 'https://a.test/x y' },
      'url: expected a string matching ^https?://\\S+$, got "https://a.test/x y"'
    ],
    [
      { url: 'HTTPS://a.test/' },
      'url: expected a string matching ^https?://\\S+$, got "HTTPS://a.test/"'
    ],
    [{ run_url: ['https://a.test'] }, 'run_url: expected a string, got an array'],
    [{ author: { login: 'mona' } }, 'author: expected a string, got an object'],
    [{ environment: 'production' }, 'environment is not part of a release'],
    [
      { workflow: 'Deploy', state: 'success' },
      'state is not part of a release; workflow is not part of a release'
    ]
  ])('a release with %j', (change, reason) => {
    expect(failure(JSON.stringify({ ...RELEASE, ...change }))).toEqual({
      ok: false,
      problem: 'invalid',
      reason
    })
  })

  it('a long wrong value, shown cut', () => {
    const title = 'x'.repeat(100)
    expect(failure(JSON.stringify({ ...RELEASE, truncated: title })).reason).toBe(
      `truncated: expected true or false, got "${'x'.repeat(38)}…`
    )
  })

  it('every problem at once, in the schema’s order', () => {
    const { title: _t, prerelease: _p, ...rest } = RELEASE
    expect(failure(JSON.stringify({ ...rest, sha: 1, state: 'x' })).reason).toBe(
      'title is missing; sha: expected a string, got 1; prerelease is missing, and a release has it; state is not part of a release'
    )
  })

  it.each([
    ['deploy', { version: 'v1' }, 'version is not part of a deploy'],
    ['deploy', { prerelease: true }, 'prerelease is not part of a deploy'],
    ['manual', { environment: 'prod' }, 'environment is not part of a manual'],
    [
      'manual',
      { version: 'v1', workflow: 'Deploy' },
      'version is not part of a manual; workflow is not part of a manual'
    ]
  ])('a %s with %j', (kind, change, reason) => {
    expect(failure(JSON.stringify({ ...MANUAL, kind, ...change })).reason).toBe(reason)
  })

  it('accepts a deploy with its own fields', () => {
    const deploy = {
      ...MANUAL,
      kind: 'deploy',
      environment: 'prod',
      state: 'success',
      workflow: 'D'
    }
    expect(readAnnouncement(JSON.stringify(deploy))).toMatchObject({
      ok: true,
      announcement: deploy
    })
  })
})

describe('readAnnouncement never throws', () => {
  it('for anything fast-check can make', () => {
    fc.assert(
      fc.property(
        fc.anything({ withBigInt: true, withMap: true, withSet: true, withTypedArray: true }),
        (input) => {
          const read = readAnnouncement(input)
          expect(read.ok).toBe(false)
        }
      )
    )
  })

  it('for any Data string, and answers ok only with every required field', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (data) => {
        const read = readAnnouncement(data)
        if (read.ok) expect(read.announcement.v).toBe(1)
        else expect(read.reason.length).toBeGreaterThan(0)
      })
    )
  })

  it('for objects whose properties throw, and proxies that were revoked', () => {
    const throwing = new Proxy(
      {},
      {
        get() {
          throw new Error('boom')
        },
        has() {
          throw new Error('boom')
        }
      }
    )
    const { proxy, revoke } = Proxy.revocable({}, {})
    revoke()
    const getter = {
      type: 'TIMCustomElem',
      get payload(): unknown {
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- what hostile code throws
        throw throwing
      }
    }
    for (const input of [
      throwing,
      proxy,
      getter,
      [throwing],
      { MsgType: 'TIMCustomElem', MsgContent: throwing }
    ]) {
      expect(readAnnouncement(input)).toEqual({
        ok: false,
        problem: 'not-custom',
        reason: 'could not be read: a property threw'
      })
    }
  })

  it('for symbols, functions and big numbers where a value is shown', () => {
    expect(failure(Symbol('x')).reason).toMatch(/got symbol$/)
    expect(failure(() => 1).reason).toMatch(/got function$/)
    expect(failure(10n).reason).toMatch(/got bigint$/)
    expect(failure(sdkMessage(Symbol('x') as unknown as string, {})).reason).toBe(
      'a symbol message, not a TIMCustomElem'
    )
  })
})
