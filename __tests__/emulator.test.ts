import { request as httpsRequest } from 'node:https'
import { Api } from 'tls-sig-api-v2'
import { afterEach, describe, expect, it } from 'vitest'
import { parseFault } from '../emulator/src/faults.js'
import {
  BROADCAST_PATH,
  DEMO_APP,
  startEmulator,
  STATE_PATH,
  type Emulator
} from '../emulator/src/index.js'

const sig = (id: string = DEMO_APP.admin, key: string = DEMO_APP.key) =>
  new Api(DEMO_APP.sdkAppId, key).genUserSig(id, 300)

const custom = (data: string) => ({
  MsgType: 'TIMCustomElem',
  MsgContent: { Data: data, Desc: 'd' }
})

let emulator: Emulator | undefined
afterEach(async () => {
  await emulator?.close()
  emulator = undefined
})

async function start(options: Parameters<typeof startEmulator>[0] = {}): Promise<Emulator> {
  emulator = await startEmulator(options)
  return emulator
}

async function post(
  em: Emulator,
  body: unknown,
  query: Record<string, string> = {}
): Promise<Record<string, unknown>> {
  const params = new URLSearchParams({
    sdkappid: String(DEMO_APP.sdkAppId),
    identifier: DEMO_APP.admin,
    usersig: sig(),
    random: '42',
    contenttype: 'json',
    ...query
  })
  const response = await fetch(`${em.url}${BROADCAST_PATH}?${params.toString()}`, {
    method: 'POST',
    body: typeof body === 'string' ? body : JSON.stringify(body)
  })
  expect(response.status).toBe(200)
  return (await response.json()) as Record<string, unknown>
}

describe('the emulator', () => {
  it('delivers a broadcast to every live room with an increasing MsgSeq', async () => {
    let now = 1_795_000_000_000
    const em = await start({ now: () => now })
    const first = await post(em, { Random: 1, MsgBody: [custom('a')] })
    now += 1000
    const second = await post(em, { Random: 2, MsgBody: [custom('b')] })
    expect(first).toEqual({ ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '', MsgSeq: 1 })
    expect(second).toMatchObject({ ErrorCode: 0, MsgSeq: 2 })
    const rooms = em.rooms()
    expect(Object.keys(rooms)).toEqual(['@TGS#aLiveRoomA', '@TGS#aLiveRoomB', '@TGS#aLiveRoomC'])
    // The Public group of the demo app is no live room: a broadcast does not reach it.
    expect(em.groups()['community-lounge']).toEqual([])
    for (const messages of Object.values(rooms)) {
      expect(messages.map((m) => m.msgSeq)).toEqual([1, 2])
      expect(messages[0]?.msgBody).toEqual([custom('a')])
    }
  })

  it('discards a repeat of the same Random and content within five minutes', async () => {
    let now = 1_795_000_000_000
    const em = await start({ now: () => now })
    const body = { Random: 7, MsgBody: [custom('same')] }
    expect(await post(em, body)).toMatchObject({ MsgSeq: 1 })
    now += 2000
    expect(await post(em, body, { random: '43' })).toMatchObject({ ErrorCode: 0, MsgSeq: 1 })
    now += 2000
    expect(await post(em, { ...body, Random: 8 })).toMatchObject({ MsgSeq: 2 })
    now += 5 * 60_000
    expect(await post(em, body)).toMatchObject({ MsgSeq: 3 })
    expect(em.broadcasts.map((b) => b.msgSeq)).toEqual([1, 2, 3])
    expect(em.requests.map((r) => r.repeat)).toEqual([false, true, false, false])
  })

  it('limits each app to its rate of calls per second (10023)', async () => {
    let now = 1_795_000_000_000
    const em = await start({ now: () => now })
    expect(await post(em, { Random: 1, MsgBody: [custom('a')] })).toMatchObject({ ErrorCode: 0 })
    now += 999
    expect(await post(em, { Random: 2, MsgBody: [custom('b')] })).toMatchObject({
      ActionStatus: 'FAIL',
      ErrorCode: 10023
    })
    now += 1
    expect(await post(em, { Random: 2, MsgBody: [custom('b')] })).toMatchObject({ ErrorCode: 0 })
    em.service.configure(DEMO_APP.sdkAppId, { rate: 5 })
    const codes = []
    for (let i = 0; i < 6; i++)
      codes.push((await post(em, { Random: 10 + i, MsgBody: [custom(`${i}`)] })).ErrorCode)
    expect(codes).toEqual([0, 0, 0, 0, 10023, 10023])
  })

  it.each([
    ['a GET', {}, 'GET', 60002],
    ['no sdkappid', { sdkappid: '' }, 'POST', 60012],
    ['an unknown SDKAppID', { sdkappid: '1400000001' }, 'POST', 70020],
    ['no usersig', { usersig: '' }, 'POST', 70002],
    ['a garbage usersig', { usersig: 'garbage' }, 'POST', 70003],
    ['a usersig signed with another key', { usersig: sig(DEMO_APP.admin, 'other') }, 'POST', 70009],
    ['an identifier the usersig was not signed for', { identifier: 'someone' }, 'POST', 70013],
    [
      'an identifier that is not the admin',
      { identifier: 'viewer', usersig: sig('viewer') },
      'POST',
      10007
    ],
    ['a contenttype other than json', { contenttype: 'xml' }, 'POST', 60002],
    ['a random over u32', { random: '4294967296' }, 'POST', 60002]
  ])('answers %s with its documented code', async (_what, query, method, code) => {
    const em = await start()
    const params = new URLSearchParams({
      sdkappid: String(DEMO_APP.sdkAppId),
      identifier: DEMO_APP.admin,
      usersig: sig(),
      random: '1',
      contenttype: 'json',
      ...query
    })
    const response = await fetch(`${em.url}${BROADCAST_PATH}?${params.toString()}`, {
      method,
      ...(method === 'POST' ? { body: JSON.stringify({ Random: 1, MsgBody: [custom('x')] }) } : {})
    })
    expect(await response.json()).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: code })
    expect(em.broadcasts).toHaveLength(0)
  })

  it('accepts a usersig whose * arrives percent-encoded as %2A', async () => {
    const em = await start()
    let ticket = sig()
    while (!ticket.includes('*')) ticket = sig() // the time in it varies the bytes
    const query = `sdkappid=${DEMO_APP.sdkAppId}&identifier=${DEMO_APP.admin}&usersig=${ticket.replaceAll('*', '%2A')}&random=1&contenttype=json`
    const response = await fetch(`${em.url}${BROADCAST_PATH}?${query}`, {
      method: 'POST',
      body: JSON.stringify({ Random: 1, MsgBody: [custom('x')] })
    })
    expect(await response.json()).toMatchObject({ ErrorCode: 0 })
  })

  it('answers 10007 when broadcast messaging is switched off in the console', async () => {
    const em = await start({ apps: [{ ...DEMO_APP, broadcast: false }] })
    expect(await post(em, { Random: 1, MsgBody: [custom('x')] })).toMatchObject({
      ErrorCode: 10007
    })
  })

  it.each([
    ['not JSON', '{"Random": 1,', 60003],
    ['a Random that is not u32', { Random: -1, MsgBody: [custom('x')] }, 10004],
    ['a Random that is a string', { Random: '1', MsgBody: [custom('x')] }, 10004],
    ['no MsgBody', { Random: 1 }, 10004],
    ['an empty MsgBody', { Random: 1, MsgBody: [] }, 10004],
    [
      'an unknown element',
      { Random: 1, MsgBody: [{ MsgType: 'TIMBogusElem', MsgContent: {} }] },
      10004
    ],
    [
      'a text element without Text',
      { Random: 1, MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: {} }] },
      10004
    ],
    [
      'a custom element with a numeric Data',
      { Random: 1, MsgBody: [{ MsgType: 'TIMCustomElem', MsgContent: { Data: 1 } }] },
      10004
    ],
    ['two custom elements', { Random: 1, MsgBody: [custom('a'), custom('b')] }, 10004],
    [
      'a From_Account that does not exist',
      { From_Account: 'ghost', Random: 1, MsgBody: [custom('x')] },
      10004
    ],
    ['a message over 12,000 bytes', { Random: 1, MsgBody: [custom('x'.repeat(12_000))] }, 10004]
  ])('rejects a body with %s', async (_what, body, code) => {
    const em = await start()
    expect(await post(em, body)).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: code })
    expect(em.broadcasts).toHaveLength(0)
  })

  it('counts the 12,000 bytes on the serialized MsgBody, in UTF-8', async () => {
    const em = await start({ apps: [{ ...DEMO_APP, rate: 5 }] })
    const room = 12_000 - JSON.stringify([custom('')]).length
    const text = 'é'.repeat(Math.floor(room / 2)) + 'x'.repeat(room % 2)
    const fits = { Random: 1, MsgBody: [custom(text)] }
    expect(Buffer.byteLength(JSON.stringify(fits.MsgBody))).toBe(12_000)
    expect(await post(em, fits)).toMatchObject({ ErrorCode: 0 })
    const over = { Random: 2, MsgBody: [custom(`${text}x`)] }
    expect(await post(em, over)).toMatchObject({ ErrorCode: 10004 })
  })

  it('accepts text, face and location elements beside one custom element', async () => {
    const em = await start({ apps: [{ ...DEMO_APP, accounts: ['release-bot'] }] })
    const body = {
      From_Account: 'release-bot',
      Random: 1,
      MsgBody: [
        { MsgType: 'TIMTextElem', MsgContent: { Text: 'hi' } },
        { MsgType: 'TIMFaceElem', MsgContent: { Index: 1, Data: 'smile' } },
        { MsgType: 'TIMLocationElem', MsgContent: { Desc: 'here', Latitude: 1.5, Longitude: 2.5 } },
        custom('x')
      ],
      CloudCustomData: 'cc'
    }
    expect(await post(em, body)).toMatchObject({ ErrorCode: 0 })
    expect(em.broadcasts[0]).toMatchObject({ fromAccount: 'release-bot', cloudCustomData: 'cc' })
  })

  it('keeps requests without their UserSig and shows its state over HTTP', async () => {
    const em = await start()
    await post(em, { Random: 1, MsgBody: [custom('x')] })
    expect(em.requests[0]?.query).not.toHaveProperty('usersig')
    const state = (await (await fetch(`${em.url}/__emulator/state`)).json()) as {
      broadcasts: unknown[]
      rooms: Record<string, Record<string, unknown[]>>
    }
    expect(state.broadcasts).toHaveLength(1)
    expect(Object.values(state.rooms[String(DEMO_APP.sdkAppId)] ?? {})).toHaveLength(3)
  })

  it('shows each message as @tencentcloud/chat hands it to an app in each room', async () => {
    const em = await start({ apps: [{ ...DEMO_APP, rate: 100, accounts: ['release-bot'] }] })
    await post(em, {
      Random: 1,
      MsgBody: [{ MsgType: 'TIMCustomElem', MsgContent: { Data: '{}' } }]
    })
    await post(em, {
      Random: 2,
      From_Account: 'release-bot',
      MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'hi' } }, custom('x')],
      CloudCustomData: 'cc'
    })
    const state = (await (await fetch(`${em.url}${STATE_PATH}`)).json()) as {
      inApp: Record<string, Record<string, unknown[]>>
    }
    const rooms = state.inApp[String(DEMO_APP.sdkAppId)] ?? {}
    expect(Object.keys(rooms)).toEqual(
      expect.arrayContaining(['@TGS#aLiveRoomA', 'community-lounge'])
    )
    expect(rooms['community-lounge']).toEqual([])
    expect(rooms['@TGS#aLiveRoomA']).toEqual([
      {
        type: 'TIMCustomElem',
        // The SDK gives a custom element's absent Desc and Ext as ''.
        payload: { data: '{}', description: '', extension: '' },
        to: '@TGS#aLiveRoomA',
        from: DEMO_APP.admin,
        time: expect.any(Number) as number,
        isBroadcastMessage: true,
        cloudCustomData: '',
        sequence: 1
      },
      expect.objectContaining({
        // The SDK's type and payload are the first element's.
        type: 'TIMTextElem',
        payload: { text: 'hi' },
        from: 'release-bot',
        cloudCustomData: 'cc',
        sequence: 2
      })
    ])
  })

  it('takes scripted faults over HTTP, and clears them', async () => {
    const em = await start({ apps: [{ ...DEMO_APP, rate: 100 }] })
    const control = (method: string, body?: unknown) =>
      fetch(`${em.url}/__emulator/faults`, {
        method,
        ...(body === undefined ? {} : { body: JSON.stringify(body) })
      })
    expect((await control('POST', { kind: 'code', code: 10002, times: 2 })).status).toBe(200)
    expect(await post(em, { Random: 1, MsgBody: [custom('x')] })).toMatchObject({
      ErrorCode: 10002
    })
    expect(await post(em, { Random: 1, MsgBody: [custom('x')] })).toMatchObject({
      ErrorCode: 10002
    })
    expect(await post(em, { Random: 1, MsgBody: [custom('x')] })).toMatchObject({ ErrorCode: 0 })
    await control('POST', { kind: 'code', code: 70500, times: 5 })
    await control('DELETE')
    expect(await post(em, { Random: 2, MsgBody: [custom('y')] })).toMatchObject({ ErrorCode: 0 })
    const bad = await control('POST', { kind: 'teleport' })
    expect(bad.status).toBe(400)
    const refused = (await bad.json()) as { ok: boolean; error: string }
    expect(refused.ok).toBe(false)
    expect(refused.error).toMatch(/"kind" must be/)
    expect(em.requests.map((r) => r.fault)).toEqual(['code', 'code', undefined, undefined])
  })

  it('serves HTTPS with a self-signed certificate a client can trust', async () => {
    const em = await start({ https: true })
    expect(em.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/)
    const answer = await new Promise<string>((resolve, reject) => {
      const req = httpsRequest(
        `${em.url}${BROADCAST_PATH}?sdkappid=1&identifier=a&usersig=x&random=1&contenttype=json`,
        { method: 'POST', ca: em.certificate },
        (res) => {
          let text = ''
          res.on('data', (chunk: Buffer) => (text += chunk.toString()))
          res.on('end', () => {
            resolve(text)
          })
        }
      )
      req.on('error', reject)
      req.end('{}')
    })
    expect(JSON.parse(answer)).toMatchObject({ ErrorCode: 70020 })
  })

  it('answers a scripted JSON answer, after processing the message when told', async () => {
    const em = await start({ apps: [{ ...DEMO_APP, rate: 100 }] })
    em.inject({ kind: 'answer', answer: { ActionStatus: 'FAIL', ErrorCode: 0 } })
    expect(await post(em, { Random: 1, MsgBody: [custom('a')] })).toEqual({
      ActionStatus: 'FAIL',
      ErrorCode: 0
    })
    expect(em.broadcasts).toHaveLength(0)
    em.inject({ kind: 'answer', answer: { odd: true }, processed: true })
    expect(await post(em, { Random: 2, MsgBody: [custom('b')] })).toEqual({ odd: true })
    expect(em.broadcasts).toHaveLength(1)
  })

  it('redirects, and processes nothing', async () => {
    const em = await start()
    em.inject({ kind: 'redirect', status: 308, location: 'https://elsewhere.example/v4' })
    const response = await fetch(`${em.url}${BROADCAST_PATH}`, {
      method: 'POST',
      body: '{}',
      redirect: 'manual'
    })
    expect(response.status).toBe(308)
    expect(response.headers.get('location')).toBe('https://elsewhere.example/v4')
    expect(em.requests[0]?.fault).toBe('redirect')
  })

  it('cuts an answer in half and closes, after processing the message when told', async () => {
    const em = await start()
    em.inject({ kind: 'cut', processed: true })
    await expect(post(em, { Random: 1, MsgBody: [custom('a')] })).rejects.toThrow()
    expect(em.broadcasts).toHaveLength(1)
    expect(em.requests[0]).toMatchObject({ fault: 'cut', code: 0, msgSeq: 1 })
  })

  it('stalls the next connection, and only that one', async () => {
    const em = await start()
    em.inject({ kind: 'stall' })
    const stalled = fetch(`${em.url}${STATE_PATH}`, { signal: AbortSignal.timeout(300) })
    await expect(stalled).rejects.toThrow()
    expect((await fetch(`${em.url}${STATE_PATH}`)).status).toBe(200)
  })

  it('leaves a stall queued for a connection, whatever requests come first', async () => {
    const em = await start({ apps: [{ ...DEMO_APP, rate: 100 }] })
    em.inject({ kind: 'code', code: 10002 })
    em.inject({ kind: 'stall' })
    // One connection, kept alive: its second request finds the stall at the head, and goes on.
    expect(await post(em, { Random: 1, MsgBody: [custom('a')] })).toMatchObject({
      ErrorCode: 10002
    })
  })
})

describe('parseFault', () => {
  it.each([
    [
      { kind: 'code', code: 10002, info: 'x', times: 2 },
      { kind: 'code', code: 10002, info: 'x' },
      2
    ],
    [
      { kind: 'http', status: 502, processed: true },
      { kind: 'http', status: 502, processed: true },
      1
    ],
    [{ kind: 'reset' }, { kind: 'reset' }, 1],
    [{ kind: 'hang', processed: 'yes' }, { kind: 'hang', processed: false }, 1],
    [{ kind: 'not-json' }, { kind: 'not-json' }, 1],
    [{ kind: 'cut', processed: true }, { kind: 'cut', processed: true }, 1],
    [{ kind: 'latency', ms: 50 }, { kind: 'latency', ms: 50 }, 1],
    [{ kind: 'answer', answer: null }, { kind: 'answer', answer: null }, 1],
    [
      { kind: 'redirect', status: 301, location: '/x' },
      { kind: 'redirect', status: 301, location: '/x' },
      1
    ],
    [{ kind: 'slow-headers', intervalMs: 10 }, { kind: 'slow-headers', intervalMs: 10 }, 1],
    [{ kind: 'trickle' }, { kind: 'trickle' }, 1],
    [{ kind: 'stall', times: 3 }, { kind: 'stall' }, 3],
    [
      { kind: 'reset', api: 'send_group_msg', group: '@TGS#aLiveRoomB' },
      { kind: 'reset', api: 'send_group_msg', group: '@TGS#aLiveRoomB' },
      1
    ]
  ])('reads %j', (value, fault, times) => {
    expect(parseFault(value)).toEqual({ fault, times })
  })

  it.each([
    [null, /expected a JSON object/],
    [{ kind: 'code' }, /a code fault needs a numeric "code"/],
    [{ kind: 'http', status: '502' }, /a http fault needs a numeric "status"/],
    [{ kind: 'latency' }, /a latency fault needs a numeric "ms"/],
    [{ kind: 'answer' }, /an answer fault needs an "answer"/],
    [{ kind: 'redirect', status: 301 }, /a redirect fault needs a "location"/],
    [{ kind: 'trickle', intervalMs: 'fast' }, /a trickle fault needs a numeric "intervalMs"/],
    [{ kind: 'reset', api: 7 }, /"api" must be a string/],
    [{ kind: 'reset', group: ['a'] }, /"group" must be a string/],
    [
      { kind: 'teleport' },
      /"kind" must be code, http, reset, hang, not-json, latency, answer, redirect, slow-headers, trickle, cut or stall/
    ]
  ])('refuses %j', (value, message) => {
    expect(() => parseFault(value)).toThrow(message)
  })
})
