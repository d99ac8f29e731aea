import type { Failure, GroupPage } from './answer.js'
import type { Clock } from './dependencies.js'
import type { SendResult } from './send.js'

/** Tencent allows one `get_appid_group_list` call per second. */
const LIST_INTERVAL_MS = 1000

export type PageResult = SendResult<{ ok: true; page: GroupPage }>

/** Every live room, or why they could not all be listed. */
export type Discovery =
  | { ok: true; groupIds: string[]; calls: number; tries: number }
  | { ok: false; failure: Failure; gaveUp: string | undefined; calls: number; tries: number }

/**
 * Lists every AVChatRoom of the app, page by page, following `Next` exactly as the server gave
 * it until it is 0, at most one call a second. A group listed twice is kept once; a cursor that
 * comes back is an error, not an endless loop.
 */
export async function discoverLiveRooms(
  listPage: (next: string) => Promise<PageResult>,
  clock: Clock
): Promise<Discovery> {
  const groupIds = new Set<string>()
  const cursors = new Set<string>()
  let next = '0'
  let calls = 0
  let tries = 0
  let lastCall = -Infinity
  for (;;) {
    const wait = lastCall + LIST_INTERVAL_MS - clock.now()
    if (wait > 0) await clock.sleep(wait)
    lastCall = clock.now()
    calls++
    const result = await listPage(next)
    tries += result.tries
    const { delivery } = result
    if (!delivery.ok) {
      return { ok: false, failure: delivery, gaveUp: result.gaveUp, calls, tries }
    }
    for (const id of delivery.page.groupIds) groupIds.add(id)
    if (delivery.page.next === '0') return { ok: true, groupIds: [...groupIds], calls, tries }
    if (cursors.has(delivery.page.next)) {
      return {
        ok: false,
        failure: {
          ok: false,
          reason: 'garbled',
          info: `the list of groups came back to the cursor ${delivery.page.next}`
        },
        gaveUp: undefined,
        calls,
        tries
      }
    }
    cursors.add(delivery.page.next)
    next = delivery.page.next
  }
}
