// The ./emulator action, run as the runner runs it, then the broadcast action against it.
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { buildDist, runBundle } from './helpers/action.js'

it('starts an emulator that outlives its step and takes a broadcast', async () => {
  const started = await runBundle({
    bundle: join(buildDist(), 'emulator-action.js'),
    inputs: { rate: '5', 'sdk-app-id': '1400000123' }
  })
  expect(started.code).toBe(0)
  const { url = '', pid = '', 'secret-key': key = '', 'state-url': stateUrl = '' } = started.outputs
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
  try {
    const run = await runBundle({
      inputs: {
        'sdk-app-id': started.outputs['sdk-app-id'] ?? '',
        'secret-key': key,
        'admin-identifier': started.outputs['admin-identifier'] ?? '',
        endpoint: url,
        title: 'Maintenance tonight'
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
