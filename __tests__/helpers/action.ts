import { DEMO_APP, type Emulator } from '../../src/emulator/index.js'

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

/** The `::error` commands in a run's output. */
export function errorLines(output: string): string[] {
  return output.split('\n').filter((line) => line.startsWith('::error'))
}

/** Every value the action asked the runner to mask. */
export function maskedValues(output: string): string[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('::add-mask::'))
    .map((line) => line.slice('::add-mask::'.length))
}
