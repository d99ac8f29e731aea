import type { Failure, ListedGroup } from '../answers.js'
import type { Clock } from '../../dependencies.js'
import { pacer, type Pacer } from './pacer.js'
import { thousands } from '../../prose.js'
import type { PageResult } from '../requests.js'

/** Tencent allows one `get_appid_group_list` call per second, tries included. */
const LIST_CALLS_PER_SECOND = 1

/**
 * Pages a listing may take. Tencent's pages hold up to 10,000 IDs: 100 pages are far more than
 * any app needs, and a listing that never ends (a cursor that keeps changing) stops there.
 */
export const MAX_LIST_PAGES = 100
/** Live rooms a run announces to, one by one: at 160 a second, some eleven minutes. */
export const MAX_LIVE_ROOMS = 100_000

/** Why the live rooms could not all be listed: nothing was sent. */
export interface ListingFailure {
  ok: false
  failure: Failure
  gaveUp: string | undefined
  calls: number
  /** Every request of the listing. */
  tries: number
  /** The requests of the page that failed, which its give-up line counts. */
  pageTries: number
}

/** Every live room, or why they could not all be listed. */
export type Discovery =
  { ok: true; groups: ListedGroup[]; calls: number; tries: number } | ListingFailure

/**
 * Lists every AVChatRoom of the app, page by page, following `Next` exactly as the server gave
 * it until it is 0. Every try of every page is spaced a second from the one before: one pacer
 * serves them all. `listPage` is given the page's cursor, that pacer, and the deadline of the
 * page, which grows by a second with each page (the time the pacing needs). A group listed twice
 * is kept once; a cursor that comes back, more pages than `MAX_LIST_PAGES` or more rooms than
 * `MAX_LIVE_ROOMS` stop the listing as a failure.
 */
export async function discoverLiveRooms(
  listPage: (cursor: string, pacer: Pacer, deadline: number) => Promise<PageResult>,
  clock: Clock,
  deadline: number
): Promise<Discovery> {
  const pace = pacer(clock, LIST_CALLS_PER_SECOND)
  const groups = new Map<string, ListedGroup>()
  const cursors = new Set<string>()
  let cursor = '0'
  let calls = 0
  let tries = 0
  const stopped = (failure: Failure, gaveUp?: string, pageTries = 0): Discovery => ({
    ok: false,
    failure,
    gaveUp,
    calls,
    tries,
    pageTries
  })
  for (;;) {
    if (calls === MAX_LIST_PAGES) {
      return stopped({
        ok: false,
        reason: 'limit',
        info: `the list of live rooms did not end within ${MAX_LIST_PAGES} pages`
      })
    }
    calls++
    const result = await listPage(cursor, pace, deadline + calls * 1000)
    tries += result.tries
    const { answer } = result
    if (!answer.ok) return stopped(answer, result.gaveUp, result.tries)
    for (const group of answer.page.groups) {
      groups.set('id' in group ? `id:${group.id}` : `unsendable:${group.unsendable}`, group)
    }
    if (groups.size > MAX_LIVE_ROOMS) {
      return stopped({
        ok: false,
        reason: 'limit',
        info: `the app has more than ${thousands(MAX_LIVE_ROOMS)} live rooms, more than the action announces to one by one`
      })
    }
    if (answer.page.next === '0') return { ok: true, groups: [...groups.values()], calls, tries }
    if (cursors.has(answer.page.next)) {
      return stopped({
        ok: false,
        reason: 'garbled',
        info: `the list of groups came back to the cursor ${answer.page.next}`
      })
    }
    cursors.add(answer.page.next)
    cursor = answer.page.next
  }
}
