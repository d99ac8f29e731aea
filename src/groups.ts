// Announcing to groups one by one (`target: groups` or `live-rooms`), loaded only for those
// targets. What it needs from the rest of the action (one paced, retried request) is passed in,
// so this chunk carries no second copy of the delivery code.
import type { Failure } from './answer.js'
import type { Clock, Log } from './dependencies.js'
import { discoverLiveRooms, type PageResult } from './discovery.js'
import { fanOut } from './fan-out.js'
import { pacer } from './pacer.js'
import { counted } from './prose.js'
import type { Pacer, SendResult } from './send.js'

/**
 * Calls per second across the fan-out. send_group_msg allows 200 a second for the whole app;
 * 160 leaves a fifth of it to the app's own servers.
 */
export const GROUP_CALLS_PER_SECOND = 160
/**
 * Requests in flight at once: enough to keep the pace where a request takes a round trip of
 * 200 ms (a runner in the US, Tencent in China: 32 / 0.2 s = 160 a second), no more.
 */
const IN_FLIGHT = 32

/** How one group's message ended. */
export interface GroupResult {
  groupId: string
  sent: SendResult
}

/** How a fan-out ended: the groups it found (for live rooms), and each group's result. */
export type GroupsDelivery =
  | {
      ok: true
      results: GroupResult[]
      /** Requests made, list calls included. */
      tries: number
      /** For `live-rooms`: the list calls made. */
      listCalls: number
    }
  /** The live rooms could not be listed: nothing was sent. */
  | { ok: false; failure: Failure; gaveUp: string | undefined; tries: number; listCalls: number }

export interface GroupsOptions {
  /** The groups of `target: groups`, or `undefined` to list every live room. */
  groupIds: string[] | undefined
  clock: Clock
  log: Log
  /**
   * The step's budget, from the start of the fan-out, for each group's retries; the time the
   * pacing needs for `n` groups is added to it.
   */
  budgetMs: number
  /** One page of live rooms, retried as any request. */
  listPage: (next: string) => Promise<PageResult>
  /** One group's message, retried as any request, each try started by `pacer`. */
  sendTo: (groupId: string, pacer: Pacer, deadline: number, log: Log) => Promise<SendResult>
}

/** Lists the live rooms when asked to, then sends to every group, paced and a few at a time. */
export async function deliverToGroups(options: GroupsOptions): Promise<GroupsDelivery> {
  const { clock, log } = options
  let groupIds = options.groupIds
  let tries = 0
  let listCalls = 0
  if (groupIds === undefined) {
    const found = await discoverLiveRooms(options.listPage, clock)
    tries += found.tries
    listCalls = found.calls
    if (!found.ok) {
      return { ok: false, failure: found.failure, gaveUp: found.gaveUp, tries, listCalls }
    }
    groupIds = found.groupIds
    log.info(
      `Found ${counted(groupIds.length, 'live room', 'live rooms')} in ${counted(listCalls, 'call', 'calls')}.`
    )
  }
  const pace = pacer(clock, GROUP_CALLS_PER_SECOND)
  const deadline =
    clock.now() + options.budgetMs + Math.ceil((groupIds.length * 1000) / GROUP_CALLS_PER_SECOND)
  const results = await fanOut(groupIds, IN_FLIGHT, async (groupId) => {
    const own: Log = {
      debug: (message) => {
        log.debug(`[${groupId}] ${message}`)
      },
      info: (message) => {
        log.info(`[${groupId}] ${message}`)
      }
    }
    return { groupId, sent: await options.sendTo(groupId, pace, deadline, own) }
  })
  for (const { sent } of results) tries += sent.tries
  return { ok: true, results, tries, listCalls }
}
