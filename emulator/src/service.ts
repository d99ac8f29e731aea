import { readBody } from './body.js'
import type { Fault } from './faults.js'
import { verifyUserSig } from './usersig.js'

export const BROADCAST_PATH = '/v4/group_open_http_svc/send_broadcast_msg'

export interface AppOptions {
  sdkAppId: number
  key: string
  /** The app admin account: the only identifier allowed to broadcast. */
  admin: string
  /** Accounts that exist, besides the admin: what `From_Account` may name. */
  accounts?: string[]
  /** Accepted calls per second (Ultimate edition 1, Enterprise 5). */
  rate?: number
  /** The console switch "Broadcast messaging of audio-video group". */
  broadcast?: boolean
  /** The app's audio-video groups; each receives every broadcast. */
  rooms?: string[]
}

/** One message as a live room receives it. */
export interface Broadcast {
  sdkAppId: number
  msgSeq: number
  random: number
  fromAccount: string
  msgBody: Record<string, unknown>[]
  cloudCustomData: string | undefined
  /** Milliseconds since the epoch, on the emulator's clock. */
  time: number
}

/** One HTTP request as the emulator saw it; the UserSig is never kept. */
export interface RequestRecord {
  method: string
  path: string
  query: Record<string, string>
  body: string
  userAgent: string | undefined
  /** The ErrorCode answered (0 for success and for a discarded repeat); undefined when a fault
   * kept the request from being answered by the backend. */
  code: number | undefined
  /** The scripted fault this request met, if any. */
  fault: Fault['kind'] | undefined
  /** True when the request repeated an earlier message and was discarded. */
  repeat: boolean
  /** The MsgSeq answered, for a message accepted or discarded as a repeat. */
  msgSeq: number | undefined
  time: number
}

export interface Answer {
  ActionStatus: 'OK' | 'FAIL'
  ErrorCode: number
  ErrorInfo: string
  MsgSeq?: number
}

interface AppState {
  options: Required<AppOptions>
  nextSeq: number
  calls: number[]
  seen: Map<string, { msgSeq: number; time: number }>
  rooms: Map<string, Broadcast[]>
}

/** Tencent discards a message whose Random and content repeat one from the last five minutes. */
const REPEAT_WINDOW_MS = 5 * 60_000

const fail = (code: number, info: string): Answer => ({
  ActionStatus: 'FAIL',
  ErrorCode: code,
  ErrorInfo: info
})

/** The emulated Tencent Chat backend for send_broadcast_msg, without the HTTP layer. */
export class BroadcastService {
  readonly requests: RequestRecord[] = []
  readonly broadcasts: Broadcast[] = []
  private readonly apps = new Map<number, AppState>()

  constructor(apps: AppOptions[]) {
    for (const app of apps) {
      const options: Required<AppOptions> = {
        accounts: [],
        rate: 1,
        broadcast: true,
        rooms: ['@TGS#aLiveRoomA', '@TGS#aLiveRoomB'],
        ...app
      }
      this.apps.set(app.sdkAppId, {
        options,
        nextSeq: 1,
        calls: [],
        seen: new Map(),
        rooms: new Map(options.rooms.map((room) => [room, []]))
      })
    }
  }

  /** What each live room of an app has received, in order. */
  rooms(sdkAppId: number): Record<string, Broadcast[]> {
    const app = this.apps.get(sdkAppId)
    return app ? Object.fromEntries(app.rooms) : {}
  }

  /** Changes an app's settings while running (for example its call rate or the console switch). */
  configure(sdkAppId: number, changes: Pick<AppOptions, 'rate' | 'broadcast'>): void {
    const app = this.apps.get(sdkAppId)
    if (!app) throw new Error(`no app ${sdkAppId}`)
    Object.assign(app.options, changes)
  }

  handle(
    request: {
      method: string
      path: string
      query: URLSearchParams
      body: string
      userAgent: string | undefined
      now: number
    },
    fault?: Fault
  ): { answer: Answer | undefined; record: RequestRecord } {
    const delivered = this.broadcasts.length
    // A fault that spoils the answer lets the backend process the message only when `processed`.
    const processed =
      fault === undefined ||
      fault.kind === 'latency' ||
      ('processed' in fault && fault.processed === true)
    const answer =
      fault?.kind === 'code'
        ? fail(fault.code, fault.info ?? 'scripted fault')
        : processed
          ? this.answer(request)
          : undefined
    const { usersig: _usersig, ...query } = Object.fromEntries(request.query)
    const record: RequestRecord = {
      method: request.method,
      path: request.path,
      query,
      body: request.body,
      userAgent: request.userAgent,
      code: answer?.ErrorCode,
      fault: fault?.kind,
      repeat: answer?.ErrorCode === 0 && this.broadcasts.length === delivered,
      msgSeq: answer?.MsgSeq,
      time: request.now
    }
    this.requests.push(record)
    return { answer, record }
  }

  private answer(request: {
    method: string
    path: string
    query: URLSearchParams
    body: string
    now: number
  }): Answer {
    const { query, now } = request
    if (request.path !== BROADCAST_PATH) {
      return request.path.startsWith('/v4/group_open_http_svc/')
        ? fail(10003, 'invalid command word')
        : fail(60009, 'wrong request resource')
    }
    if (request.method !== 'POST') return fail(60002, 'HTTP parse error: POST only')

    const sdkAppIdText = query.get('sdkappid')
    if (sdkAppIdText === null || sdkAppIdText === '') return fail(60012, 'SDKAppID missing')
    if (!/^\d+$/.test(sdkAppIdText)) return fail(60002, 'HTTP parse error: sdkappid')
    if (query.get('contenttype') !== 'json') return fail(60002, 'HTTP parse error: contenttype')
    const random = query.get('random') ?? ''
    if (!/^\d+$/.test(random) || Number(random) > 0xffffffff) {
      return fail(60002, 'HTTP parse error: random')
    }
    const identifier = query.get('identifier') ?? ''
    if (identifier === '') return fail(60002, 'HTTP parse error: identifier')

    const app = this.apps.get(Number(sdkAppIdText))
    if (!app) return fail(70020, 'SDKAppID not found')
    const verdict = verifyUserSig(query.get('usersig') ?? '', {
      sdkAppId: app.options.sdkAppId,
      identifier,
      key: app.options.key,
      now: Math.floor(now / 1000)
    })
    if (!verdict.ok) return fail(verdict.code, verdict.info)
    if (identifier !== app.options.admin) {
      return fail(10007, 'insufficient permission: identifier is not the app admin')
    }
    if (!app.options.broadcast) {
      return fail(10007, 'insufficient permission: broadcast messaging of audio-video group is off')
    }

    app.calls = app.calls.filter((time) => time > now - 1000)
    if (app.calls.length >= app.options.rate) return fail(10023, 'message frequency limit')
    app.calls.push(now)

    const read = readBody(request.body)
    if (!read.ok) return fail(read.code, read.info)
    const message = read.request
    const fromAccount = message.fromAccount ?? app.options.admin
    if (fromAccount !== app.options.admin && !app.options.accounts.includes(fromAccount)) {
      return fail(10004, `From_Account ${fromAccount} does not exist`)
    }

    for (const [key, entry] of app.seen) {
      if (entry.time <= now - REPEAT_WINDOW_MS) app.seen.delete(key)
    }
    const repeatKey = JSON.stringify([
      message.random,
      fromAccount,
      message.msgBody,
      message.cloudCustomData
    ])
    const earlier = app.seen.get(repeatKey)
    if (earlier) return { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '', MsgSeq: earlier.msgSeq }

    const broadcast: Broadcast = {
      sdkAppId: app.options.sdkAppId,
      msgSeq: app.nextSeq++,
      random: message.random,
      fromAccount,
      msgBody: message.msgBody,
      cloudCustomData: message.cloudCustomData,
      time: now
    }
    app.seen.set(repeatKey, { msgSeq: broadcast.msgSeq, time: now })
    this.broadcasts.push(broadcast)
    for (const messages of app.rooms.values()) messages.push(broadcast)
    return { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '', MsgSeq: broadcast.msgSeq }
  }
}
