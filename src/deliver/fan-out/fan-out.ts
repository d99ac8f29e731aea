// Announcing to groups one by one (`target: groups` or `live-rooms`), loaded only for those
// targets. It is handed the run's requests and each group's body: the chunk carries no copy of
// how a request is signed, sent or retried.
import type { ListedGroup } from '../answers.js'
import type { Log } from '../../dependencies.js'
import { oneLine, counted } from '../../prose.js'
import type { Requests } from '../requests.js'
import type { Retried } from '../retries.js'
import { inFlight } from './in-flight.js'
import { discoverLiveRooms, type ListingFailure } from './live-rooms.js'
import { pacer, type Pacer } from './pacer.js'

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
  sent: Retried
}

/**
 * How a fan-out ended: each group's result, and every request made (list calls included); or,
 * when the live rooms could not be listed, why, and nothing was sent.
 */
export type GroupsDelivery = { ok: true; results: GroupResult[]; tries: number } | ListingFailure

export interface GroupsOptions {
  /** The groups of `target: groups`, or `undefined` to list every live room. */
  groupIds: string[] | undefined
  /** The body of one group's message. */
  bodyFor: (groupId: string) => object
  requests: Requests
  log: Log
}

/**
 * Lists the live rooms when asked to, then sends to every group, paced and a few at a time. The
 * step's deadline grows by the time the pacing needs: a second for each page of the list, and
 * 1/160 s for each group.
 */
export async function deliverToGroups(options: GroupsOptions): Promise<GroupsDelivery> {
  const { requests, log } = options
  const { clock } = requests
  let groups: ListedGroup[]
  let tries = 0
  let deadline = requests.deadline
  if (options.groupIds === undefined) {
    const found = await discoverLiveRooms(
      (cursor, paced, pageDeadline) =>
        requests.listGroups(cursor, { pacer: paced, deadline: pageDeadline }),
      clock,
      deadline
    )
    if (!found.ok) return found
    tries = found.tries
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
  const results = await inFlight(groups, IN_FLIGHT, async (group): Promise<GroupResult> => {
    if (!('id' in group)) {
      const answer = { ok: false as const, reason: 'unsendable' as const, info: group.why }
      return { groupId: group.unsendable, sent: { answer, tries: 0, host: '', gaveUp: undefined } }
    }
    const { id } = group
    // A listed ID is Tencent's data: it is kept on its line, and printing scrubs and escapes it.
    const shown = oneLine(id)
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
    const sent = await requests.sendToGroup(options.bodyFor(id), {
      pacer: paced,
      deadline,
      log: own
    })
    return { groupId: id, sent }
  })
  for (const { sent } of results) tries += sent.tries
  return { ok: true, results, tries }
}
