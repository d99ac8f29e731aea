// The ./emulator action, run as the runner runs it, then the broadcast action against it.
import { describe, expect, it } from 'vitest'
import { EMULATOR_ACTION_BUNDLE, runAction } from '../scripts/action-process.mjs'

describe('the ./emulator action', () => {
  it('starts an emulator that outlives its step and takes a broadcast', async () => {
    const started = await runAction({
      bundle: EMULATOR_ACTION_BUNDLE,
      inputs: { rate: '5', 'sdk-app-id': '1400000123' }
    })
    expect(started.code).toBe(0)
    const {
      url = '',
      pid = '',
      'secret-key': key = '',
      'state-url': stateUrl = ''
    } = started.outputs
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    try {
      const run = await runAction({
        inputs: {
          'sdk-app-id': started.outputs['sdk-app-id'] ?? '',
          'secret-key': key,
          'admin-identifier': started.outputs['admin-identifier'] ?? '',
          endpoint: url
        },
        eventName: 'workflow_dispatch',
        event: { inputs: {} }
      })
      expect(run.code).toBe(0)
      const state = (await (await fetch(stateUrl)).json()) as {
        broadcasts: { msgSeq: number; sdkAppId: number }[]
      }
      expect(state.broadcasts).toEqual([
        expect.objectContaining({ sdkAppId: 1400000123, msgSeq: Number(run.outputs['msg-seq']) })
      ])
    } finally {
      process.kill(Number(pid), 'SIGTERM')
    }
  })
})
