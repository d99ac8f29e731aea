import * as core from '@actions/core'
import { registerSecret } from './secrets.js'

/** Every input the action declares in action.yml, as the raw trimmed strings the runner passes. */
export const INPUT_NAMES = [
  'sdk-app-id',
  'secret-key',
  'user-sig',
  'admin-identifier',
  'region',
  'endpoint',
  'from-account',
  'cloud-custom-data',
  'random',
  'user-sig-ttl',
  'timeout-seconds',
  'template',
  'title',
  'message',
  'desc',
  'data',
  'text-element',
  'max-bytes',
  'retries',
  'fail-on-error',
  'dry-run'
] as const

export type InputName = (typeof INPUT_NAMES)[number]
export type RawInputs = Record<InputName, string>

/** Inputs whose values are credentials: masked before anything else happens. */
const SECRET_INPUTS: readonly InputName[] = ['secret-key', 'user-sig']

/**
 * Reads the inputs from the runner (`INPUT_<NAME>` variables). Credentials are registered as
 * secrets here, before validation, so that not even an error about them can print them.
 */
export function readInputs(): RawInputs {
  const raw = Object.fromEntries(
    INPUT_NAMES.map((name) => [name, core.getInput(name)])
  ) as RawInputs
  for (const name of SECRET_INPUTS) registerSecret(raw[name])
  const given = INPUT_NAMES.filter((name) => raw[name] !== '').map((name) =>
    SECRET_INPUTS.includes(name) ? `${name}=***` : `${name}=${JSON.stringify(raw[name])}`
  )
  core.debug(`Inputs given: ${given.join(', ') || 'none'}`)
  return raw
}
