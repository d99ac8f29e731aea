// End to end: the action, run as the runner runs it, announces a published release through the
// emulator; every room's message, as @tencentcloud/chat would hand it to the app, reads back as
// the announcement, marked as a broadcast when it was one.
import { describe, expect } from 'vitest'
import { DEMO_APP, STATE_PATH } from '../../emulator/src/index.js'
import { runBundle } from '../../__tests__/helpers/action.js'
import { emulatorInputs, test } from '../../__tests__/helpers/emulator.js'
import { payload } from '../../__tests__/helpers/events.js'
import { readAnnouncement } from '../src/index.js'

interface State {
  rooms: Record<
    string,
    Record<string, { msgBody: { MsgType: string; MsgContent: { Data?: string } }[] }[]>
  >
  inApp: Record<string, Record<string, unknown[]>>
}

describe('an app in every live room', () => {
  test.for([
    ['broadcast', true],
    ['live-rooms', false]
  ] as const)('reads the announcement of target %s', async ([target, broadcast], { emulator }) => {
    const run = await runBundle({
      inputs: emulatorInputs(emulator, { target }),
      eventName: 'release',
      event: payload('release-published')
    })
    expect(run.code, run.stdout + run.stderr).toBe(0)
    const state = (await (await fetch(`${emulator.url}${STATE_PATH}`)).json()) as State
    const app = String(DEMO_APP.sdkAppId)
    const rooms = Object.entries(state.rooms[app] ?? {})
    expect(rooms).toHaveLength(3)
    for (const [groupId, messages] of rooms) {
      const data = messages[0]?.msgBody.find((e) => e.MsgType === 'TIMCustomElem')?.MsgContent.Data
      const [received] = state.inApp[app]?.[groupId] ?? []
      expect(readAnnouncement(received)).toEqual({
        ok: true,
        announcement: JSON.parse(data ?? 'null') as unknown,
        broadcast
      })
      expect(readAnnouncement(received)).toMatchObject({
        announcement: { businessID: 'github_announcement', kind: 'release', version: 'v2.3.0' }
      })
    }
  })
})
