// Announcing to groups one by one (`target: groups` or `live-rooms`), loaded only for those
// targets. What it needs from the rest of the action (one paced, retried request) is passed in,
// so this chunk carries no second copy of the delivery code.
import type { Failure, ListedGroup } from './answer.js'
import type { Clock, Log } from './dependencies.js'
import { discoverLiveRooms, type PageResult } from './discovery.js'
import { fanOut } from './fan-out.js'
import { pacer, type Pacer } from './pacer.js'
import { counted } from './prose.js'
import type { SendResult } from './send.js'

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
    }
  /** The live rooms could not be listed: nothing was sent. */
  | {
      ok: false
      failure: Failure
      gaveUp: string | undefined
      /** Requests made. */
      tries: number
      /** Requests made for the page that failed. */
      pageTries: number
    }

export interface GroupsOptions {
  /** The groups of `target: groups`, or `undefined` to list every live room. */
  groupIds: string[] | undefined
  clock: Clock
  log: Log
  /**
   * When the step's time runs out (ms since the epoch), before the time the pacing needs is
   * added: a second for each page of the list, and 1/160 s for each group.
   */
  deadline: number
  /** A group ID as it may be printed on one line (listed IDs are Tencent's data). */
  quote: (groupId: string) => string
  /** One page of live rooms, retried as any request, each try started by `pacer`. */
  listPage: (next: string, pacer: Pacer, deadline: number) => Promise<PageResult>
  /** One group's message, retried as any request, each try started by `pacer`. */
  sendTo: (groupId: string, pacer: Pacer, deadline: number, log: Log) => Promise<SendResult>
}

/** Lists the live rooms when asked to, then sends to every group, paced and a few at a time. */
export async function deliverToGroups(options: GroupsOptions): Promise<GroupsDelivery> {
  const { clock, log } = options
  let groups: ListedGroup[]
  let tries = 0
  let deadline = options.deadline
  if (options.groupIds === undefined) {
    const found = await discoverLiveRooms(options.listPage, clock, deadline)
    tries += found.tries
    if (!found.ok) {
      const { failure, gaveUp, pageTries } = found
      return { ok: false, failure, gaveUp, tries, pageTries }
    }
    groups = found.groups
    deadline += found.calls * 1000
    log.info(
      `Found ${counted(groups.length, 'live room', 'live rooms')} in ${counted(found.calls, 'call', 'calls')}.`
    )
  } else {
    groups = options.groupIds.map((id) => ({ id }))
  }
  const pace = pacer(clock, GROUP_CALLS_PER_SECOND)
  deadline += Math.ceil((groups.length * 1000) / GROUP_CALLS_PER_SECOND)
  const results = await fanOut(groups, IN_FLIGHT, async (group): Promise<GroupResult> => {
    if (!('id' in group)) {
      const delivery = { ok: false as const, reason: 'unsendable' as const, info: group.why }
      return {
        groupId: group.unsendable,
        sent: { delivery, tries: 0, host: '', gaveUp: undefined }
      }
    }
    const { id } = group
    const shown = options.quote(id)
    const own: Log = {
      debug: (message) => {
        log.debug(`[${shown}] ${message}`)
      },
      info: (message) => {
        log.info(`[${shown}] ${message}`)
      }
    }
    // The pacer is the app's; what it hears of a refusal is said to be this group's.
    const paced: Pacer = {
      slot: pace.slot,
      refused: (startedAt) => {
        pace.refused(startedAt, id)
      },
      accepted: pace.accepted
    }
    return { groupId: id, sent: await options.sendTo(id, paced, deadline, own) }
  })
  for (const { sent } of results) tries += sent.tries
  return { ok: true, results, tries }
}
