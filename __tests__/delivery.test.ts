import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Api } from 'tls-sig-api-v2'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { fakeCore } from '../__fixtures__/core.js'
import { DEMO_APP, startEmulator, type Emulator } from '../emulator/src/index.js'
import {
  API,
  listOnce,
  redactUrl,
  requestUrl,
  sendOnce as sendTo
} from '../src/deliver/tencent-api.js'
import { connectionPool } from '../src/deliver/http.js'
import { Secrets } from '../src/secrets.js'
import { USER_AGENT } from '../src/version.js'

/** A broadcast, sent once. */
const sendOnce = (
  ...args: Parameters<typeof sendTo> extends [unknown, ...infer Rest] ? Rest : never
) => sendTo(API.broadcast, ...args)
const broadcastUrl = (target: Parameters<typeof requestUrl>[0], random: number) =>
  requestUrl(target, API.broadcast, random)

/** What sendOnce logs to and masks with, recorded. */
function context() {
  const core = fakeCore()
  return { core, log: core, secrets: new Secrets(core.setSecret) }
}

const body = {
  Random: 123,
  MsgBody: [
    { MsgType: 'TIMCustomElem' as const, MsgContent: { Data: '{}', Desc: 'd', Ext: 'release' } }
  ]
}

describe('the request URL', () => {
  it('names the API, the app, the admin, its UserSig, a nonce and the JSON content type', () => {
    const url = broadcastUrl(
      {
        base: new URL('https://console.tim.qq.com'),
        sdkAppId: 1400000000,
        identifier: 'administrator',
        userSig: 'u*s-g_'
      },
      99
    )
    expect(url.toString()).toBe(
      'https://console.tim.qq.com/v4/group_open_http_svc/send_broadcast_msg?sdkappid=1400000000&identifier=administrator&usersig=u*s-g_&random=99&contenttype=json'
    )
  })

  it('keeps an endpoint path prefix, with or without a trailing slash', () => {
    const endpoint = new URL('http://127.0.0.1:8080/tencent')
    const url = broadcastUrl({ base: endpoint, sdkAppId: 1, identifier: 'a', userSig: 's' }, 1)
    expect(url.pathname).toBe('/tencent/v4/group_open_http_svc/send_broadcast_msg')
    const slash = broadcastUrl(
      {
        base: new URL('http://127.0.0.1:8080/tencent/'),
        sdkAppId: 1,
        identifier: 'a',
        userSig: 's'
      },
      1
    )
    expect(slash.pathname).toBe('/tencent/v4/group_open_http_svc/send_broadcast_msg')
  })

  it('is shown with its UserSig redacted', () => {
    const url = broadcastUrl(
      {
        base: new URL('https://console.tim.qq.com'),
        sdkAppId: 1,
        identifier: 'a',
        userSig: 'SECRET'
      },
      5
    )
    expect(redactUrl(url)).toBe(
      'https://console.tim.qq.com/v4/group_open_http_svc/send_broadcast_msg?sdkappid=1&identifier=a&usersig=***&random=5&contenttype=json'
    )
  })
})

describe('sendOnce', () => {
  let emulator: Emulator | undefined
  let server: Server | undefined
  afterEach(async () => {
    await emulator?.close()
    emulator = undefined
    server?.closeAllConnections()
    server?.close()
    server = undefined
  })

  it('delivers to the emulator with the action user agent and masks the URL', async () => {
    emulator = await startEmulator()
    const userSig = new Api(DEMO_APP.sdkAppId, DEMO_APP.key).genUserSig(DEMO_APP.admin, 60)
    const target = {
      base: new URL(emulator.url),
      sdkAppId: DEMO_APP.sdkAppId,
      identifier: DEMO_APP.admin,
      userSig
    }
    const { core, ...rest } = context()
    expect(await sendOnce(target, body, 5000, rest)).toEqual({ ok: true, msgSeq: 1 })
    expect(emulator.requests[0]?.userAgent).toBe(USER_AGENT)
    expect(USER_AGENT).toMatch(/^tencent-chat-broadcast-action\/\d+\.\d+\.\d+/)
    const masked = core.setSecret.mock.calls.map(([value]) => value)
    expect(masked.some((value) => value.includes(`usersig=${userSig}`))).toBe(true)
    expect(core.debug.mock.calls.flat().join('\n')).toMatch(/usersig=\*\*\*/)
  })

  it('uses a fresh query random per request and keeps the body', async () => {
    emulator = await startEmulator({ apps: [{ ...DEMO_APP, rate: 5 }] })
    const userSig = new Api(DEMO_APP.sdkAppId, DEMO_APP.key).genUserSig(DEMO_APP.admin, 60)
    const target = {
      base: new URL(emulator.url),
      sdkAppId: DEMO_APP.sdkAppId,
      identifier: DEMO_APP.admin,
      userSig
    }
    await sendOnce(target, body, 5000, context())
    await sendOnce(target, body, 5000, context())
    const [a, b] = emulator.requests
    expect(a?.query.random).not.toBe(b?.query.random)
    expect(a?.body).toBe(b?.body)
  })

  it('ends a try at its deadline, and never quotes the UserSig', async () => {
    server = createServer(() => undefined)
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    const ctx = context()
    ctx.secrets.add('NEVER-PRINT-ME')
    const target = {
      base: new URL(`http://127.0.0.1:${port}`),
      sdkAppId: 1,
      identifier: 'a',
      userSig: 'NEVER-PRINT-ME'
    }
    expect(await sendOnce(target, body, 300, ctx)).toEqual({
      ok: false,
      reason: 'network',
      info: 'no answer within 0.3 s (waiting for the answer)'
    })
    expect(ctx.core.log.filter((line) => line.startsWith('::debug::'))).toEqual([
      `::debug::POST http://127.0.0.1:${port}/v4/group_open_http_svc/send_broadcast_msg?sdkappid=1&identifier=a&usersig=***&random=${/random=(\d+)/.exec(ctx.core.log.join(''))?.[1] ?? ''}&contenttype=json`,
      '::debug::No answer: no answer within 0.3 s (waiting for the answer)'
    ])
  })

  it('logs the answer for debugging, inert and without the UserSig', async () => {
    emulator = await startEmulator()
    const userSig = new Api(DEMO_APP.sdkAppId, DEMO_APP.key).genUserSig(DEMO_APP.admin, 60)
    emulator.inject({
      kind: 'answer',
      answer: { ActionStatus: 'FAIL', ErrorCode: 10004, ErrorInfo: `echo ${userSig}\n::warning::x` }
    })
    const ctx = context()
    const target = {
      base: new URL(emulator.url),
      sdkAppId: DEMO_APP.sdkAppId,
      identifier: DEMO_APP.admin,
      userSig
    }
    ctx.secrets.add(userSig)
    expect(await sendOnce(target, body, 2000, ctx)).toEqual({
      ok: false,
      reason: 'tencent',
      code: 10004,
      info: 'echo ***\\n::warning::x'
    })
    expect(ctx.core.log.at(-1)).toBe(
      '::debug::HTTP 200: {"ActionStatus":"FAIL","ErrorCode":10004,"ErrorInfo":"echo ***\\n::warning::x"}'
    )
  })
})

describe('one group’s message and one page of live rooms', () => {
  let emulator: Emulator | undefined
  afterEach(async () => {
    await emulator?.close()
    emulator = undefined
  })

  async function targetOf(options: Parameters<typeof startEmulator>[0] = {}) {
    emulator = await startEmulator(options)
    return {
      base: new URL(emulator.url),
      sdkAppId: DEMO_APP.sdkAppId,
      identifier: DEMO_APP.admin,
      userSig: new Api(DEMO_APP.sdkAppId, DEMO_APP.key).genUserSig(DEMO_APP.admin, 60)
    }
  }

  it('sends a group’s message to send_group_msg, and reads its MsgSeq', async () => {
    const target = await targetOf()
    const groupBody = { GroupId: '@TGS#aLiveRoomB', ...body, MsgPriority: 'High' }
    expect(await sendTo(API.groupMessage, target, groupBody, 5000, context())).toEqual({
      ok: true,
      msgSeq: 1
    })
    expect(emulator?.requests[0]?.path).toBe('/v4/group_open_http_svc/send_group_msg')
    expect(emulator?.groups()['@TGS#aLiveRoomB']).toHaveLength(1)
  })

  it('takes its connection from the run’s pool', async () => {
    const target = await targetOf()
    const pool = connectionPool()
    const agentFor = vi.spyOn(pool, 'agentFor')
    const groupBody = { GroupId: '@TGS#aLiveRoomB', ...body }
    await sendTo(API.groupMessage, target, groupBody, 5000, { ...context(), pool })
    await listOnce(target, '0', 5000, { ...context(), pool })
    expect(agentFor.mock.calls.map(([url]) => url.pathname)).toEqual([
      '/v4/group_open_http_svc/send_group_msg',
      '/v4/group_open_http_svc/get_appid_group_list'
    ])
  })

  it('reads a message the room dropped as dropped, not as sent', async () => {
    const target = await targetOf({ apps: [{ ...DEMO_APP, perGroupRate: 0 }] })
    const groupBody = { GroupId: '@TGS#aLiveRoomB', ...body }
    expect(await sendTo(API.groupMessage, target, groupBody, 5000, context())).toEqual({
      ok: false,
      reason: 'dropped',
      info: 'dropped: MsgFreqCtrl'
    })
  })

  it('asks for the live rooms from a cursor written back digit for digit', async () => {
    let now = 1_795_000_000_000
    const target = await targetOf({
      now: () => now,
      apps: [
        {
          ...DEMO_APP,
          pageSize: 1,
          groups: [
            { id: 'room-0', type: 'AVChatRoom' },
            { id: 'lounge', type: 'Public' },
            { id: 'room-1', type: 'AVChatRoom' }
          ]
        }
      ]
    })
    const first = await listOnce(target, '0', 5000, context())
    expect(first).toEqual({
      ok: true,
      page: { groups: [{ id: 'room-0' }], next: '1152921504606846986' }
    })
    expect(emulator?.requests[0]?.body).toBe('{"Limit":10000,"Next":0,"GroupType":"AVChatRoom"}')
    const next = first.ok ? first.page.next : ''
    now += 1000
    expect(await listOnce(target, next, 5000, context())).toEqual({
      ok: true,
      page: { groups: [{ id: 'room-1' }], next: '0' }
    })
    expect(emulator?.requests[1]?.body).toBe(
      '{"Limit":10000,"Next":1152921504606846986,"GroupType":"AVChatRoom"}'
    )
  })
})
