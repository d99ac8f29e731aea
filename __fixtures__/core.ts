// A stand-in for @actions/core, for tests that drive the action in-process: inputs come from a
// map, and what the runner would show is recorded as the workflow commands it would read.
import { vi } from 'vitest'
import type { Core } from '../src/dependencies.js'

export function fakeCore(inputs: Record<string, string> = {}) {
  /** Every line the action printed, in order: `::error::…`, `::add-mask::…`, plain info lines. */
  const log: string[] = []
  /** What the runner would read on stdout, written as @actions/core 3 writes it. */
  const stdout: string[] = []
  /** The outputs set, by name. */
  const outputs: Record<string, string> = {}
  const command = (name: string) => (message: string | Error) => {
    log.push(`::${name}::${String(message)}`)
    // The toolkit escapes a command's data: %, \r and \n (escapeData in command.js).
    const data = String(message).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
    stdout.push(`::${name}::${data}\n`)
  }
  return {
    log,
    stdout,
    outputs,
    // As the toolkit reads INPUT_<NAME>: trimmed, empty when not given.
    getInput: vi.fn<Core['getInput']>((name) => (inputs[name] ?? '').trim()),
    setOutput: vi.fn<Core['setOutput']>((name, value) => {
      outputs[name] = String(value)
    }),
    setSecret: vi.fn<Core['setSecret']>(command('add-mask')),
    setFailed: vi.fn<Core['setFailed']>(command('error')),
    debug: vi.fn<Core['debug']>(command('debug')),
    notice: vi.fn<Core['notice']>(command('notice')),
    warning: vi.fn<Core['warning']>(command('warning')),
    info: vi.fn<Core['info']>((message) => {
      log.push(message)
      stdout.push(`${message}\n`)
    }),
    startGroup: vi.fn<Core['startGroup']>(command('group')),
    endGroup: vi.fn<Core['endGroup']>(() => {
      command('endgroup')('')
    })
  } satisfies Core & Record<string, unknown>
}

export type FakeCore = ReturnType<typeof fakeCore>
