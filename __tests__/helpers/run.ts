// Runs the action in-process through run() with every dependency replaced: inputs and outputs
// through a fake @actions/core, the event as the runner gives it, the summary captured, and a
// clock that jumps instead of waiting (give the emulator the same clock).
import { fakeCore, type FakeCore } from '../../__fixtures__/core.js'
import type { Clock } from '../../src/dependencies.js'
import { run } from '../../src/main.js'
import { refAndSha } from './action-process.mjs'

interface InProcessRun {
  outputs: Record<string, string>
  /** What the runner would have shown, one command or line per entry. */
  log: string[]
  /** The `::error` lines. */
  errors: string[]
  summary: string
  core: FakeCore
}

export type JumpingClock = Clock & { slept: number[] }

/** A clock that starts now and jumps over every sleep, recording it. */
export function jumpingClock(): JumpingClock {
  let now = Date.now()
  const slept: number[] = []
  return {
    slept,
    now: () => now,
    sleep: (ms) => {
      slept.push(ms)
      now += ms
      return Promise.resolve()
    },
    random: () => 0.5
  }
}

export async function runInProcess({
  inputs,
  eventName = 'release',
  event = {},
  env = {},
  clock = jumpingClock()
}: {
  inputs: Record<string, string>
  eventName?: string
  event?: unknown
  env?: Record<string, string>
  clock?: Clock
}): Promise<InProcessRun> {
  const core = fakeCore(inputs)
  let summary = ''
  await run({
    core,
    clock,
    env: {
      GITHUB_EVENT_NAME: eventName,
      GITHUB_EVENT_PATH: '/github/workflow/event.json',
      GITHUB_REPOSITORY: 'octo-org/live-app',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_ACTOR: 'mona',
      GITHUB_RUN_ID: '9876543210',
      GITHUB_JOB: 'announce',
      ...refAndSha(eventName, event),
      ...env
    },
    readFile: () => JSON.stringify(event),
    writeSummary: (markdown) => {
      summary += markdown
    },
    onCrash: () => undefined,
    finished: () => undefined
  })
  return {
    outputs: core.outputs,
    log: core.log,
    errors: core.log.filter((line) => line.startsWith('::error::')),
    summary,
    core
  }
}
