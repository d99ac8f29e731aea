import { appendFileSync, readFileSync } from 'node:fs'
import * as actionsCore from '@actions/core'

/** The parts of @actions/core the action uses. */
export type Core = Pick<
  typeof actionsCore,
  | 'getInput'
  | 'setOutput'
  | 'setSecret'
  | 'setFailed'
  | 'debug'
  | 'info'
  | 'notice'
  | 'warning'
  | 'startGroup'
  | 'endGroup'
>

/** Where progress is logged. */
export type Log = Pick<Core, 'debug' | 'info'>

export interface Clock {
  /** Milliseconds since the epoch. */
  now: () => number
  sleep: (ms: number) => Promise<void>
  /** A number in [0, 1), for jitter. */
  random: () => number
}

export type Env = Readonly<Record<string, string | undefined>>

/**
 * Everything the action takes from the world outside its own code. `run()` defaults to the real
 * ones; a test passes its own and drives the whole action in-process, without a runner.
 */
export interface Dependencies {
  core: Core
  clock: Clock
  /** The runner's environment: GITHUB_EVENT_NAME, GITHUB_REPOSITORY, GITHUB_RUN_ID … */
  env: Env
  /** Reads the event file GITHUB_EVENT_PATH names. */
  readFile: (path: string) => string
  /** Appends Markdown to the job summary. */
  writeSummary: (markdown: string) => void
  /**
   * Calls `handler` with whatever escapes every `try`: an exception thrown from a callback, a
   * promise rejected with nobody awaiting it. The run reports it instead of crashing.
   */
  onCrash: (handler: (error: unknown) => void) => void
  /**
   * Called once the run is reported. A socket that a misbehaving server or proxy still holds open
   * (a CONNECT never answered, say) must not keep the step running.
   */
  finished: () => void
}

const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: () => Math.random()
}

/**
 * The toolkit's functions by name: passing the module namespace itself would make the bundler
 * keep every export of @actions/core, `summary` and `platform` with their start-up cost included.
 */
const realCore: Core = {
  getInput: actionsCore.getInput,
  setOutput: actionsCore.setOutput,
  setSecret: actionsCore.setSecret,
  setFailed: actionsCore.setFailed,
  debug: actionsCore.debug,
  info: actionsCore.info,
  notice: actionsCore.notice,
  warning: actionsCore.warning,
  startGroup: actionsCore.startGroup,
  endGroup: actionsCore.endGroup
}

export function realDependencies(): Dependencies {
  const env = process.env
  return {
    core: realCore,
    clock: realClock,
    env,
    readFile: (path) => readFileSync(path, 'utf8'),
    // Written directly rather than through core.summary, whose module loads fs/promises at
    // start-up for what is one append of ready Markdown here. Outside a runner there is no file.
    writeSummary: (markdown) => {
      if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, `${markdown}\n`)
    },
    onCrash: (handler) => {
      process.on('uncaughtException', handler)
      process.on('unhandledRejection', handler)
    },
    // Unref'd: it fires only if something else still keeps Node alive a second later.
    finished: () => {
      setTimeout(() => process.exit(), 1000).unref()
    }
  }
}
