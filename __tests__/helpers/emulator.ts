// The emulator as a test fixture: `test('…', async ({ emulator }) => …)` gets a fresh one on a free
// loopback port, closed after the test. A describe block changes its options with
// `test.override({ emulatorOptions: { … } })`.
import { test as base } from 'vitest'
import {
  DEMO_APP,
  startEmulator,
  type Emulator,
  type EmulatorOptions
} from '../../emulator/src/index.js'
import { jumpingClock, type JumpingClock } from './run.js'

async function emulator(
  { emulatorOptions }: { emulatorOptions: EmulatorOptions },
  use: (emulator: Emulator) => Promise<void>
): Promise<void> {
  const started = await startEmulator(emulatorOptions)
  await use(started)
  await started.close()
}

/** For tests that run the action as a process: the emulator keeps real time. */
export const test = base.extend<{ emulatorOptions: EmulatorOptions; emulator: Emulator }>({
  emulatorOptions: {},
  emulator
})

/**
 * For tests that drive the action in-process: the action and the emulator share a `clock` that
 * jumps over every wait, so back-offs, frequency limits and lockouts take no time.
 */
export const inProcess = base.extend<{
  clock: JumpingClock
  emulatorOptions: EmulatorOptions
  emulator: Emulator
}>({
  // eslint-disable-next-line no-empty-pattern -- Vitest reads a fixture's needs from this pattern
  clock: async ({}, use) => {
    await use(jumpingClock())
  },
  emulatorOptions: async ({ clock }, use) => {
    await use({ now: clock.now })
  },
  emulator
})

/** Inputs that reach the emulator's demo app, plus `extra` (which wins). */
export function emulatorInputs(
  emulator: Emulator,
  extra: Record<string, string> = {}
): Record<string, string> {
  return {
    'sdk-app-id': String(DEMO_APP.sdkAppId),
    'secret-key': DEMO_APP.key,
    endpoint: emulator.url,
    ...extra
  }
}
