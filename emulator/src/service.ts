import { readBody } from './body.js'
import type { Fault } from './faults.js'
import { verifyUserSig } from './usersig.js'

export const BROADCAST_PATH = '/v4/group_open_http_svc/send_broadcast_msg'
export const GROUP_MESSAGE_PATH = '/v4/group_open_http_svc/send_group_msg'
export const GROUP_LIST_PATH = '/v4/group_open_http_svc/get_appid_group_list'
const PATHS = [BROADCAST_PATH, GROUP_MESSAGE_PATH, GROUP_LIST_PATH]

/** Tencent's group types (Work and Meeting are the new names of Private and ChatRoom). */
export const GROUP_TYPES = [
  'Public',
  'Private',
  'ChatRoom',
  'AVChatRoom',
  'BChatRoom',
  'Community',
  'Work',
  'Meeting'
] as const
export type GroupType = (typeof GROUP_TYPES)[number]

export interface AppOptions {
  sdkAppId: number
  key: string
  /** The app admin account: the only identifier allowed to broadcast or to list groups. */
  admin: string
  /** Accounts that exist, besides the admin: what `From_Account` may name. */
  accounts?: string[]
  /** Broadcasts accepted per second (Ultimate edition 1, Enterprise 5). */
  rate?: number
  /** The console switch "Broadcast messaging of audio-video group". */
  broadcast?: boolean
  /** The app's groups. By default three live rooms (AVChatRoom) and one Public group. */
  groups?: { id: string; type: GroupType }[]
  /** send_group_msg calls accepted per second for the whole app (200). */
  groupRate?: number
  /** Messages one group accepts per second before dropping them (40). */
  perGroupRate?: number
  /** get_appid_group_list calls accepted per second (1). */
  listRate?: number
  /**
   * The most group IDs one page holds, whatever `Limit` asks (10000): a smaller one makes a few
   * groups take several pages, to rehearse paging.
   */
  pageSize?: number
}

/** One message as a group receives it: a broadcast, or a message to that group. */
export interface Message {
  sdkAppId: number
  /** The broadcast's MsgSeq, or the group's own sequence for a group message. */
  msgSeq: number
  random: number
  fromAccount: string
  msgBody: Record<string, unknown>[]
  cloudCustomData: string | undefined
  /** For a group message: the group, and its MsgPriority. */
  groupId?: string
  priority?: string
  /** Milliseconds since the epoch, on the emulator's clock. */
  time: number
}
/** A message every live room received through send_broadcast_msg. */
export type Broadcast = Message

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
  /** The group a send_group_msg was for. */
  groupId?: string
  time: number
}

/** An answer; a list's `Next` is a BigInt, written out as a bare JSON number. */
export interface Answer {
  ActionStatus: 'OK' | 'FAIL'
  ErrorCode: number
  ErrorInfo: string
  MsgSeq?: number
  [field: string]: unknown
}

interface GroupState {
  type: GroupType
  messages: Message[]
  nextSeq: number
  seen: Map<string, { msgSeq: number; time: number }>
  calls: number[]
}

interface AppState {
  options: Required<AppOptions>
  nextSeq: number
  calls: number[]
  groupCalls: number[]
  listCalls: number[]
  seen: Map<string, { msgSeq: number; time: number }>
  groups: Map<string, GroupState>
  /** Every `Next` cursor handed out, and the offset it stands for. */
  cursors: Map<string, number>
}

/** Tencent discards a message whose Random and content repeat one from the last five minutes. */
const REPEAT_WINDOW_MS = 5 * 60_000
const MAX_GROUP_ID_BYTES = 48
const MAX_PAGE = 10_000
/**
 * `Next` cursors: opaque 64-bit values, here above 2^53, where a JavaScript number can no longer
 * hold every integer. A client that reads one into a number sends back a rounded one, which
 * names no page: 10004.
 */
const CURSOR_BASE = 2n ** 60n + 3n
const CURSOR_STRIDE = 7n

export const DEMO_GROUPS: { id: string; type: GroupType }[] = [
  { id: '@TGS#aLiveRoomA', type: 'AVChatRoom' },
  { id: '@TGS#aLiveRoomB', type: 'AVChatRoom' },
  { id: '@TGS#aLiveRoomC', type: 'AVChatRoom' },
  { id: 'community-lounge', type: 'Public' }
]

const fail = (code: number, info: string): Answer => ({
  ActionStatus: 'FAIL',
  ErrorCode: code,
  ErrorInfo: info
})

interface Incoming {
  method: string
  path: string
  query: URLSearchParams
  body: string
  userAgent: string | undefined
  now: number
}

/** The emulated Tencent Chat backend, without the HTTP layer. */
export class BroadcastService {
  readonly requests: RequestRecord[] = []
  readonly broadcasts: Broadcast[] = []
  readonly groupMessages: Message[] = []
  private readonly apps = new Map<number, AppState>()

  constructor(apps: AppOptions[]) {
    for (const app of apps) {
      const options: Required<AppOptions> = {
        accounts: [],
        rate: 1,
        broadcast: true,
        groups: DEMO_GROUPS,
        groupRate: 200,
        perGroupRate: 40,
        listRate: 1,
        pageSize: MAX_PAGE,
        ...app
      }
      this.apps.set(app.sdkAppId, {
        options,
        nextSeq: 1,
        calls: [],
        groupCalls: [],
        listCalls: [],
        seen: new Map(),
        cursors: new Map(),
        groups: new Map(
          options.groups.map(({ id, type }) => [
            id,
            { type, messages: [], nextSeq: 1, seen: new Map(), calls: [] }
          ])
        )
      })
    }
  }

  /** What each live room (AVChatRoom) of an app has received, in order. */
  rooms(sdkAppId: number): Record<string, Message[]> {
    return this.groupsOf(sdkAppId, (type) => type === 'AVChatRoom')
  }

  /** What each group of an app has received, in order. */
  groups(sdkAppId: number): Record<string, Message[]> {
    return this.groupsOf(sdkAppId, () => true)
  }

  private groupsOf(sdkAppId: number, keep: (type: GroupType) => boolean) {
    const app = this.apps.get(sdkAppId)
    if (!app) return {}
    return Object.fromEntries(
      [...app.groups]
        .filter(([, group]) => keep(group.type))
        .map(([id, group]) => [id, group.messages])
    )
  }

  /** Changes an app's settings while running (for example its call rate or the console switch). */
  configure(sdkAppId: number, changes: Pick<AppOptions, 'rate' | 'broadcast'>): void {
    const app = this.apps.get(sdkAppId)
    if (!app) throw new Error(`no app ${sdkAppId}`)
    Object.assign(app.options, changes)
  }

  handle(request: Incoming, fault?: Fault): { answer: Answer | undefined; record: RequestRecord } {
    const delivered = this.broadcasts.length + this.groupMessages.length
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
    const groupId = request.path === GROUP_MESSAGE_PATH ? groupIdOf(request.body) : undefined
    const record: RequestRecord = {
      method: request.method,
      path: request.path,
      query,
      body: request.body,
      userAgent: request.userAgent,
      code: answer?.ErrorCode,
      fault: fault?.kind,
      repeat:
        request.path !== GROUP_LIST_PATH &&
        answer?.ErrorCode === 0 &&
        answer.MsgSeq !== undefined &&
        this.broadcasts.length + this.groupMessages.length === delivered,
      msgSeq: answer?.MsgSeq,
      ...(groupId === undefined ? {} : { groupId }),
      time: request.now
    }
    this.requests.push(record)
    return { answer, record }
  }

  private answer(request: Incoming): Answer {
    const { query, now } = request
    if (!PATHS.includes(request.path)) {
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
    switch (request.path) {
      case GROUP_MESSAGE_PATH:
        return this.groupMessage(app, request.body, now)
      case GROUP_LIST_PATH:
        return this.groupList(app, request.body, now)
      default:
        return this.broadcast(app, request.body, now)
    }
  }

  private broadcast(app: AppState, body: string, now: number): Answer {
    if (!app.options.broadcast) {
      return fail(10007, 'insufficient permission: broadcast messaging of audio-video group is off')
    }
    if (!withinRate(app, 'calls', app.options.rate, now)) {
      return fail(10023, 'message frequency limit')
    }

    const read = readBody(body)
    if (!read.ok) return fail(read.code, read.info)
    const message = read.request
    const fromAccount = message.fromAccount ?? app.options.admin
    if (!exists(app, fromAccount)) return unknownSender(fromAccount)

    const key = repeatKey(message, fromAccount)
    const earlier = repeated(app.seen, key, now)
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
    app.seen.set(key, { msgSeq: broadcast.msgSeq, time: now })
    this.broadcasts.push(broadcast)
    for (const group of app.groups.values()) {
      if (group.type === 'AVChatRoom') group.messages.push(broadcast)
    }
    return { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '', MsgSeq: broadcast.msgSeq }
  }

  private groupMessage(app: AppState, body: string, now: number): Answer {
    if (!withinRate(app, 'groupCalls', app.options.groupRate, now)) {
      return fail(10023, 'send frequency exceeded')
    }
    const read = readBody(body, 80002)
    if (!read.ok) return fail(read.code, read.info)
    const message = read.request
    const { GroupId, MsgPriority } = JSON.parse(body) as Record<string, unknown>
    if (typeof GroupId !== 'string' || GroupId === '') return fail(10004, 'GroupId is required')
    if (/\p{Cc}/u.test(GroupId) || Buffer.byteLength(GroupId) > MAX_GROUP_ID_BYTES) {
      return fail(10015, 'invalid GroupId')
    }
    const group = app.groups.get(GroupId)
    if (!group) return fail(10010, 'the group does not exist or was disbanded')
    if (
      MsgPriority !== undefined &&
      !(
        typeof MsgPriority === 'string' && ['High', 'Normal', 'Low', 'Lowest'].includes(MsgPriority)
      )
    ) {
      return fail(10004, 'MsgPriority must be High, Normal, Low or Lowest')
    }
    const fromAccount = message.fromAccount ?? app.options.admin
    if (!exists(app, fromAccount)) return unknownSender(fromAccount)

    const key = repeatKey(message, fromAccount)
    const earlier = repeated(group.seen, key, now)
    // Every answer to an accepted message: a dropped one has no MsgSeq, only its reason.
    const accepted = (msgSeq: number | undefined, dropReason = ''): Answer => ({
      ActionStatus: 'OK',
      ErrorCode: 0,
      ErrorInfo: '',
      MsgTime: Math.floor(now / 1000),
      ...(msgSeq === undefined ? {} : { MsgSeq: msgSeq }),
      MsgDropReason: dropReason
    })
    if (earlier) return accepted(earlier.msgSeq)
    // Above its own rate, a live room drops the message: accepted, never stored.
    group.calls = group.calls.filter((at) => at > now - 1000)
    if (group.calls.length >= app.options.perGroupRate) return accepted(undefined, 'MsgFreqCtrl')
    group.calls.push(now)

    const stored: Message = {
      sdkAppId: app.options.sdkAppId,
      msgSeq: group.nextSeq++,
      random: message.random,
      fromAccount,
      msgBody: message.msgBody,
      cloudCustomData: message.cloudCustomData,
      groupId: GroupId,
      priority: typeof MsgPriority === 'string' ? MsgPriority : 'Normal',
      time: now
    }
    group.seen.set(key, { msgSeq: stored.msgSeq, time: now })
    group.messages.push(stored)
    this.groupMessages.push(stored)
    return accepted(stored.msgSeq)
  }

  private groupList(app: AppState, body: string, now: number): Answer {
    if (!withinRate(app, 'listCalls', app.options.listRate, now)) {
      return fail(60007, 'REST API call frequency limit')
    }
    let fields: Record<string, unknown>
    try {
      const parsed: unknown = JSON.parse(body)
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error()
      fields = parsed as Record<string, unknown>
    } catch {
      return fail(60003, 'request body is not a JSON object')
    }
    const { Limit = MAX_PAGE, GroupType } = fields
    if (typeof Limit !== 'number' || !Number.isInteger(Limit) || Limit < 1 || Limit > MAX_PAGE) {
      return fail(10004, `Limit must be a whole number from 1 to ${MAX_PAGE}`)
    }
    if (GroupType !== undefined && !GROUP_TYPES.includes(GroupType as GroupType)) {
      return fail(10004, 'invalid GroupType')
    }
    // Next is read from the text as written: a cursor is a 64-bit value, and only one handed out
    // (or 0, the first page) names a page.
    const next = /"Next"\s*:\s*(\d+)/.exec(body)?.[1] ?? ('Next' in fields ? undefined : '0')
    const offset = next === undefined ? undefined : /^0+$/.test(next) ? 0 : app.cursors.get(next)
    if (offset === undefined) return fail(10004, 'invalid Next')
    const ids = [...app.groups]
      .filter(([, group]) => GroupType === undefined || group.type === GroupType)
      .map(([id]) => id)
    const page = ids.slice(offset, offset + Math.min(Limit, app.options.pageSize))
    const end = offset + page.length
    const cursor = end < ids.length ? CURSOR_BASE + BigInt(end) * CURSOR_STRIDE : 0n
    if (cursor !== 0n) app.cursors.set(String(cursor), end)
    return {
      ActionStatus: 'OK',
      ErrorCode: 0,
      ErrorInfo: '',
      TotalCount: ids.length,
      GroupIdList: page.map((id) => ({ GroupId: id })),
      Next: cursor
    }
  }
}

/** Counts a call against an app's limit per second; false when it is over. */
function withinRate(
  app: AppState,
  window: 'calls' | 'groupCalls' | 'listCalls',
  perSecond: number,
  now: number
): boolean {
  app[window] = app[window].filter((at) => at > now - 1000)
  if (app[window].length >= perSecond) return false
  app[window].push(now)
  return true
}

function exists(app: AppState, account: string): boolean {
  return account === app.options.admin || app.options.accounts.includes(account)
}

function unknownSender(account: string): Answer {
  return fail(10004, `From_Account ${account} does not exist`)
}

/** What makes a message a repeat of another: its Random, its sender and all it says. */
function repeatKey(
  message: { random: number; msgBody: unknown; cloudCustomData: string | undefined },
  fromAccount: string
): string {
  return JSON.stringify([message.random, fromAccount, message.msgBody, message.cloudCustomData])
}

/** An earlier message with the same key in the last five minutes; forgets older ones. */
function repeated(
  seen: Map<string, { msgSeq: number; time: number }>,
  key: string,
  now: number
): { msgSeq: number } | undefined {
  for (const [earlierKey, entry] of seen) {
    if (entry.time <= now - REPEAT_WINDOW_MS) seen.delete(earlierKey)
  }
  return seen.get(key)
}

/** The GroupId of a send_group_msg body, when it has one. */
export function groupIdOf(body: string): string | undefined {
  try {
    const { GroupId } = JSON.parse(body) as { GroupId?: unknown }
    return typeof GroupId === 'string' ? GroupId : undefined
  } catch {
    return undefined
  }
}
