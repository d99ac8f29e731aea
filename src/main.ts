import { connectionPool, type ConnectionPool } from './deliver/http.js'
import { makeRequests, type Requests } from './deliver/requests.js'
import { timeBudgetMs } from './deliver/retries.js'
import type { DeliveryTarget } from './deliver/target.js'
import { TARGETS } from './deliver/targets.js'
import { realDependencies, type Dependencies } from './dependencies.js'
import { readEventContext, type EventContext } from './gather/event.js'
import { gather, lookupNeed, type LookupNeed } from './gather/gather.js'
import { parseConfig, type Config } from './inputs/config.js'
import { describeInputs, readInputs, type RawInputs } from './inputs/inputs.js'
import { skipReason } from './plan/announcement.js'
import { plan } from './plan/plan.js'
import { dataParserFor } from './plan/template.js'
import { report, type Outcome } from './report/report.js'
import { Secrets } from './secrets.js'
import { safeCore } from './workflow-commands.js'

/**
 * The action: read the inputs (every one validated), gather what there is to announce (the
 * event, a release looked up), plan the announcement (rendered and fitted), deliver it through
 * its target, and report how it ended. Nothing reaches Tencent before the plan is complete.
 * `dependencies` replace the real runner, clock and toolkit in tests.
 */
export async function run(dependencies: Partial<Dependencies> = {}): Promise<void> {
  const given = { ...realDependencies(), ...dependencies }
  const secrets = new Secrets((value) => {
    given.core.setSecret(value)
  })
  // Whatever the run prints or outputs goes through here: scrubbed and inert to the runner.
  const deps = { ...given, core: safeCore(given.core, secrets) }
  const started = deps.clock.now()
  // Whatever escapes the pipeline's own handling ends the run as an unexpected failure, reported
  // like every other outcome; once the run is reported, nothing more is.
  let crashed: ((error: unknown) => void) | undefined
  const crash = new Promise<Outcome>((resolve) => {
    crashed = (error) => {
      resolve({ ended: 'stopped', error, tolerated: false })
    }
  })
  deps.onCrash((error) => crashed?.(error))
  const outcome = await Promise.race([pipeline(deps, secrets, started), crash])
  crashed = undefined
  report(outcome, { ...deps, secrets, durationMs: deps.clock.now() - started })
  deps.finished()
}

/** What reading the inputs leaves for the stages after it. */
interface Read {
  config: Config
  event: EventContext
  target: DeliveryTarget
  need: LookupNeed | undefined
  deadline: number
  /** The connections every request of the run shares, GitHub's and Tencent's. */
  pool: ConnectionPool
  /** Undefined in a dry run, which signs and sends nothing. */
  requests: Requests | undefined
}

/**
 * The stages, in order, to the run's outcome. It never throws: whatever happens becomes an
 * outcome.
 */
async function pipeline(deps: Dependencies, secrets: Secrets, started: number): Promise<Outcome> {
  const read = await readStage(deps, secrets, started)
  if ('ended' in read) return read
  const { config, event, target, need, deadline, pool, requests } = read
  const { core, clock } = deps
  let planned
  try {
    const facts = await gather(config, event, need, {
      env: deps.env,
      clock,
      log: core,
      deadline,
      pool,
      quote: (text, maxLength) => secrets.untrusted(text, maxLength)
    })
    planned = plan(config, facts)
  } catch (error) {
    // A lookup that failed for a reason that may pass is tolerated like a failed delivery.
    const soft = (error as { soft?: unknown } | undefined)?.soft === true
    return { ended: 'stopped', error, tolerated: soft && !config.failOnError }
  }
  if ('skip' in planned) return { ended: 'skipped', skip: planned.skip }
  const { message, announcement, bases } = planned
  if (message.truncated) {
    core.notice(
      `The announcement was cut to fit ${config.maxBytes} bytes; the link to the full text is kept.`
    )
  }
  if (requests === undefined) return { ended: 'previewed', plan: planned, target }
  core.info(
    target
      .where(config, bases[0].host)
      .sending(`the ${announcement.kind} announcement "${message.desc}" (${message.bytes} bytes)`)
  )
  try {
    const delivered = await target.deliver(planned, requests, core)
    return 'skip' in delivered
      ? { ended: 'skipped', skip: delivered.skip }
      : { ended: 'delivered', plan: planned, target, delivery: delivered }
  } catch (error) {
    return { ended: 'stopped', error, tolerated: false }
  }
}

/**
 * Reads and checks the inputs and the event, decides what is looked up and how long the step
 * may take, and (unless it is a dry run) signs: the UserSig and its URLs are masked before the
 * first line that quotes anything from outside, the inputs' own line included.
 */
async function readStage(
  deps: Dependencies,
  secrets: Secrets,
  started: number
): Promise<Read | Outcome> {
  const { core } = deps
  let raw: RawInputs | undefined
  try {
    raw = readInputs(core, secrets)
    const event = readEventContext(deps.env, deps.readFile)
    const config = parseConfig(raw, await dataParserFor(raw.data))
    const skip = skipReason(event, config)
    if (skip !== undefined) return { ended: 'skipped', skip }
    const need = lookupNeed(config, event)
    // The step's own budget, counted from its start: the lookup and every request share it.
    const deadline =
      started +
      timeBudgetMs(config.retries, config.timeoutSeconds) +
      (need?.required ? need.waitMs : 0)
    const target = TARGETS[config.target]
    const pool = connectionPool()
    const { credentials } = config
    const requests =
      config.dryRun || credentials === undefined
        ? undefined
        : makeRequests({
            config,
            credentials,
            apis: target.apis,
            clock: deps.clock,
            log: core,
            secrets,
            deadline,
            pool
          })
    return { config, event, target, need, deadline, pool, requests }
  } catch (error) {
    return { ended: 'stopped', error, tolerated: false }
  } finally {
    if (raw !== undefined) core.debug(describeInputs(raw))
  }
}
