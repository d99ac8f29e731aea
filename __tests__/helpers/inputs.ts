import { INPUTS, type RawInputs } from '../../src/inputs/inputs.js'

/** The inputs as the runner gives them: every one empty unless given, with an app and its key. */
export function rawInputs(given: Partial<RawInputs> = {}): RawInputs {
  const empty = Object.fromEntries(Object.keys(INPUTS).map((name) => [name, ''])) as RawInputs
  return { ...empty, 'sdk-app-id': '1400000000', 'secret-key': 'k3y', ...given }
}
