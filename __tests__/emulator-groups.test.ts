// The emulator's send_group_msg and get_appid_group_list, as the spec describes them: what the
// action's `target: groups` and `live-rooms` are rehearsed against.
import { Agent, request } from 'node:http'
import { Api } from 'tls-sig-api-v2'
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import {
  DEMO_APP,
  GROUP_LIST_PATH,
  GROUP_MESSAGE_PATH,
  startEmulator,
  type Emulator
} from '../emulator/src/index.js'

let emulator: Emulator | undefined
afterEach(async () => {
  await emulator?.close()
  emulator = undefined
})

/** An emulator whose clock the test moves. */
async function start(app: Partial<typeof DEMO_APP> & Record<string, unknown> = {}) {
  const clock = { now: 1_795_000_000_000 }
  emulator = await startEmulator({ now: () => clock.now, apps: [{ ...DEMO_APP, ...app }] })
  return { em: emulator, clock }
}

/** Posts a raw body to one of the APIs as the app admin, and gives back the answer's text. */
async function call(em: Emulator, path: string, body: string): Promise<string> {
  const params = new URLSearchParams({
    sdkappid: String(DEMO_APP.sdkAppId),
    identifier: DEMO_APP.admin,
    usersig: new Api(DEMO_APP.sdkAppId, DEMO_APP.key).genUserSig(DEMO_APP.admin, 300),
    random: '42',
    contenttype: 'json'
  })
  const response = await fetch(`${em.url}${path}?${params.toString()}`, { method: 'POST', body })
  expect(response.status).toBe(200)
  return response.text()
}

const element = { MsgType: 'TIMCustomElem', MsgContent: { Data: '{"v":1}', Desc: 'd' } }
const message = (groupId: string, random: number, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ GroupId: groupId, Random: random, MsgBody: [element], ...extra })
const sendTo = async (em: Emulator, body: string) =>
  JSON.parse(await call(em, GROUP_MESSAGE_PATH, body)) as Record<string, unknown>

describe('send_group_msg', () => {
  it('delivers to that group only, with the group’s own MsgSeq and the time', async () => {
    const { em } = await start()
    const first = await sendTo(em, message('@TGS#aLiveRoomA', 1, { MsgPriority: 'High' }))
    const second = await sendTo(em, message('@TGS#aLiveRoomA', 2))
    const other = await sendTo(em, message('community-lounge', 3))
    expect(first).toEqual({
      ActionStatus: 'OK',
      ErrorCode: 0,
      ErrorInfo: '',
      MsgTime: 1_795_000_000,
      MsgSeq: 1,
      MsgDropReason: ''
    })
    expect(second).toMatchObject({ MsgSeq: 2 })
    expect(other).toMatchObject({ MsgSeq: 1 })
    const groups = em.groups()
    expect(groups['@TGS#aLiveRoomA']?.map((m) => [m.random, m.priority])).toEqual([
      [1, 'High'],
      [2, 'Normal']
    ])
    expect(groups['@TGS#aLiveRoomB']).toEqual([])
    expect(groups['community-lounge']).toHaveLength(1)
    expect(em.requests[0]).toMatchObject({ groupId: '@TGS#aLiveRoomA', code: 0, msgSeq: 1 })
  })

  it('discards a repeat of Random and content in the same group within five minutes', async () => {
    const { em, clock } = await start()
    await sendTo(em, message('@TGS#aLiveRoomA', 7))
    clock.now += 299_000
    expect(await sendTo(em, message('@TGS#aLiveRoomA', 7))).toMatchObject({
      ErrorCode: 0,
      MsgSeq: 1
    })
    expect(em.requests[1]?.repeat).toBe(true)
    // Another group is another room: the same Random there is a message of its own.
    expect(await sendTo(em, message('@TGS#aLiveRoomB', 7))).toMatchObject({ MsgSeq: 1 })
    clock.now += 2000
    expect(await sendTo(em, message('@TGS#aLiveRoomA', 7))).toMatchObject({ MsgSeq: 2 })
    expect(em.groups()['@TGS#aLiveRoomA']).toHaveLength(2)
  })

  it.each([
    ['no GroupId', JSON.stringify({ Random: 1, MsgBody: [element] }), 10004],
    ['a GroupId with a line break', message('a\nb', 1), 10015],
    ['a GroupId over 48 bytes', message('x'.repeat(49), 1), 10015],
    ['a group that does not exist', message('@TGS#gone', 1), 10010],
    ['a priority not in the list', message('@TGS#aLiveRoomA', 1, { MsgPriority: 'high' }), 10004],
    [
      'a sender that does not exist',
      message('@TGS#aLiveRoomA', 1, { From_Account: 'ghost' }),
      10004
    ],
    [
      'a body over 12,000 bytes',
      JSON.stringify({
        GroupId: '@TGS#aLiveRoomA',
        Random: 1,
        MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'x'.repeat(12_001) } }]
      }),
      80002
    ],
    ['a body that is not JSON', '{"GroupId":', 60003]
  ])('refuses %s', async (_what, body, code) => {
    const { em } = await start()
    expect(await sendTo(em, body)).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: code })
    expect(em.groupMessages).toHaveLength(0)
  })

  it('refuses the app’s 201st call within a second (10023), and takes calls a second later', async () => {
    const { em, clock } = await start({ groupRate: 200, perGroupRate: 1000 })
    const answers = []
    for (let i = 0; i < 201; i++) answers.push(await sendTo(em, message('@TGS#aLiveRoomA', i)))
    expect(answers.slice(0, 200).every((a) => a.ErrorCode === 0)).toBe(true)
    expect(answers[200]).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: 10023 })
    clock.now += 1001
    expect(await sendTo(em, message('@TGS#aLiveRoomA', 500))).toMatchObject({ ErrorCode: 0 })
  })

  it('drops what a live room gets over 40 a second: accepted, marked, never delivered', async () => {
    const { em, clock } = await start()
    for (let i = 0; i < 40; i++) await sendTo(em, message('@TGS#aLiveRoomA', i))
    const dropped = await sendTo(em, message('@TGS#aLiveRoomA', 40))
    expect(dropped).toEqual({
      ActionStatus: 'OK',
      ErrorCode: 0,
      ErrorInfo: '',
      MsgTime: 1_795_000_000,
      MsgDropReason: 'MsgFreqCtrl'
    })
    expect(em.groups()['@TGS#aLiveRoomA']).toHaveLength(40)
    // Each room counts its own: another room still takes messages.
    expect(await sendTo(em, message('@TGS#aLiveRoomB', 40))).toMatchObject({ MsgDropReason: '' })
    clock.now += 1001
    expect(await sendTo(em, message('@TGS#aLiveRoomA', 40))).toMatchObject({ MsgSeq: 41 })
  })

  it('lets a fault aim at one group, and leaves the others alone', async () => {
    const { em } = await start()
    em.inject({ kind: 'code', code: 10002, group: '@TGS#aLiveRoomB' })
    expect(await sendTo(em, message('@TGS#aLiveRoomA', 1))).toMatchObject({ ErrorCode: 0 })
    expect(await sendTo(em, message('@TGS#aLiveRoomB', 1))).toMatchObject({ ErrorCode: 10002 })
    expect(await sendTo(em, message('@TGS#aLiveRoomB', 1))).toMatchObject({ ErrorCode: 0 })
  })
})

describe('get_appid_group_list', () => {
  const list = async (em: Emulator, body: string) => call(em, GROUP_LIST_PATH, body)

  it('lists every group, or those of one type, with the total', async () => {
    const { em } = await start()
    expect(JSON.parse(await list(em, '{}'))).toEqual({
      ActionStatus: 'OK',
      ErrorCode: 0,
      ErrorInfo: '',
      TotalCount: 4,
      GroupIdList: [
        { GroupId: '@TGS#aLiveRoomA' },
        { GroupId: '@TGS#aLiveRoomB' },
        { GroupId: '@TGS#aLiveRoomC' },
        { GroupId: 'community-lounge' }
      ],
      Next: 0
    })
  })

  it('pages with cursors above 2^53, written as bare digits, and counts every group', async () => {
    const { em, clock } = await start({
      pageSize: 2,
      groups: Array.from({ length: 5 }, (_, i) => ({ id: `room-${i}`, type: 'AVChatRoom' }))
    })
    const first = await list(em, '{"Limit":10000,"Next":0,"GroupType":"AVChatRoom"}')
    // 2^60 + 3 + 7 × 2, as the emulator documents its cursors.
    expect(first).toContain(
      '"GroupIdList":[{"GroupId":"room-0"},{"GroupId":"room-1"}],"Next":1152921504606846993}'
    )
    clock.now += 1000
    const second = await list(
      em,
      '{"Limit":10000,"Next":1152921504606846993,"GroupType":"AVChatRoom"}'
    )
    expect(second).toContain(
      '{"GroupId":"room-2"},{"GroupId":"room-3"}],"Next":1152921504606847007}'
    )
    expect(second).toContain('"TotalCount":5')
    clock.now += 1000
    const last = await list(em, '{"Next":1152921504606847007,"GroupType":"AVChatRoom"}')
    expect(last).toContain('"GroupIdList":[{"GroupId":"room-4"}],"Next":0}')
  })

  it('refuses a cursor rounded by a JavaScript number: it names no page', async () => {
    const { em } = await start({ pageSize: 1 })
    // 1152921504606846993 read through a double comes back as 1152921504606846976.
    expect(Number('1152921504606846993')).toBe(1152921504606846976)
    expect(JSON.parse(await list(em, '{"Next":1152921504606846976}'))).toMatchObject({
      ErrorCode: 10004
    })
  })

  it('refuses every cursor it did not hand out, however near one it is (10004)', async () => {
    const { em, clock } = await start({
      pageSize: 3,
      groups: Array.from({ length: 12 }, (_, i) => ({ id: `room-${i}`, type: 'AVChatRoom' }))
    })
    const next = (text: string) => /"Next":(\d+)/.exec(text)?.[1] ?? ''
    const handedOut: string[] = []
    for (let cursor = '0'; ;) {
      clock.now += 1000
      cursor = next(await list(em, `{"Next":${cursor}}`))
      if (cursor === '0') break
      handedOut.push(cursor)
    }
    expect(handedOut).toHaveLength(3)
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...handedOut),
        fc.oneof(
          // What a JavaScript number makes of it, and its neighbours.
          fc.constant((cursor: bigint) => BigInt(Number(cursor))),
          fc.bigInt({ min: -300n, max: 300n }).map((delta) => (cursor: bigint) => cursor + delta),
          fc.bigInt({ min: 1n, max: 2n ** 64n - 1n }).map((any) => () => any)
        ),
        async (cursor, change) => {
          const asked = change(BigInt(cursor))
          fc.pre(asked > 0n && !handedOut.includes(String(asked)))
          clock.now += 1000
          const answer = JSON.parse(await list(em, `{"Next":${asked}}`)) as object
          expect(answer).toMatchObject({ ErrorCode: 10004, ErrorInfo: 'invalid Next' })
        }
      ),
      { numRuns: 60 }
    )
  })

  it.each([
    ['a Limit over 10000', '{"Limit":10001}'],
    ['a Limit of 0', '{"Limit":0}'],
    ['a GroupType Tencent does not know', '{"GroupType":"LiveRoom"}'],
    ['a Next that is no number', '{"Next":"abc"}']
  ])('refuses %s (10004)', async (_what, body) => {
    const { em } = await start()
    expect(JSON.parse(await list(em, body))).toMatchObject({ ErrorCode: 10004 })
  })

  it('takes one call a second (60007 for a second one)', async () => {
    const { em, clock } = await start()
    expect(JSON.parse(await list(em, '{}'))).toMatchObject({ ErrorCode: 0 })
    expect(JSON.parse(await list(em, '{}'))).toMatchObject({ ErrorCode: 60007 })
    clock.now += 1000
    expect(JSON.parse(await list(em, '{}'))).toMatchObject({ ErrorCode: 0 })
  })

  it('lets a fault aim at the list only', async () => {
    const { em } = await start()
    em.inject({ kind: 'code', code: 10002, api: 'get_appid_group_list' })
    expect(await sendTo(em, message('@TGS#aLiveRoomA', 1))).toMatchObject({ ErrorCode: 0 })
    expect(JSON.parse(await list(em, '{}'))).toMatchObject({ ErrorCode: 10002 })
  })
})

describe('latency', () => {
  it('makes every answer, and every new connection, wait as long as a far region would', async () => {
    emulator = await startEmulator({ latencyMs: 150 })
    const agent = new Agent({ keepAlive: true })
    const get = () =>
      new Promise<number>((resolve, reject) => {
        const started = performance.now()
        // Any answer will do: a refusal is as late as a success.
        request(`${emulator?.url ?? ''}${GROUP_LIST_PATH}`, { agent, method: 'POST' }, (res) => {
          res.resume()
          res.on('end', () => {
            resolve(performance.now() - started)
          })
        })
          .on('error', reject)
          .end('{}')
      })
    const first = await get()
    const second = await get()
    agent.destroy()
    // A new connection: its handshake, then the answer. A kept one: the answer only.
    expect(first).toBeGreaterThanOrEqual(290)
    expect(second).toBeGreaterThanOrEqual(140)
    expect(second).toBeLessThan(first)
  })
})
