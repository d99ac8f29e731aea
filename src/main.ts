import { realDependencies, type Dependencies } from './dependencies.js'
import { skipReason } from './announcement.js'
import { parseConfig, type Config, type Credentials } from './config.js'
import { readEventContext, type EventContext } from './event.js'
import { gather, lookupNeed, type LookupNeed } from './gather.js'
import { describeInputs, readInputs, type RawInputs } from './inputs.js'
import { plan, type Plan } from './plan.js'
import { counted } from './prose.js'
import { report, type Outcome } from './report.js'
import { Secrets } from './secrets.js'
import { API, listOnce, requestUrl, sendOnce } from './delivery.js'
import { connectionPool, type ConnectionPool } from './http.js'
import { baseUrls } from './regions.js'
import { overallBudgetMs, send } from './send.js'
import { resolveUserSig } from './signature.js'
import { dataParserFor } from './template.js'
import { safeCore } from './workflow-commands.js'

/**
 * The action: read the inputs and the event, plan the request (every input validated, the message
 * rendered and fitted), sign and send it, and report how it ended. Nothing touches the network
 * before the plan is complete. `dependencies` replace the real runner, clock and toolkit in tests.
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
      resolve({ status: 'failed', error })
    }
  })
  deps.onCrash((error) => crashed?.(error))
  const outcome = await Promise.race([attempt(deps, secrets, started), crash])
  crashed = undefined
  report(outcome, { ...deps, secrets, durationMs: deps.clock.now() - started })
  deps.finished()
}

/** Runs the pipeline to its outcome. It never throws: whatever happens becomes an outcome. */
async function attempt(deps: Dependencies, secrets: Secrets, started: number): Promise<Outcome> {
  const { core, clock } = deps
  const pool = connectionPool()
  let raw: RawInputs | undefined
  let config: Config
  let event: EventContext
  let need: LookupNeed | undefined
  let deadline: number
  let request: RequestParts | undefined
  try {
    raw = readInputs(core, secrets)
    event = readEventContext(deps.env, deps.readFile)
    config = parseConfig(raw, await dataParserFor(raw.data))
    const skip = skipReason(event, config)
    if (skip !== undefined) return { status: 'skipped', reason: skip }
    need = lookupNeed(config, event)
    // The step's own budget, counted from its start: the lookup and every request share it.
    deadline =
      started +
      overallBudgetMs(config.retries, config.timeoutSeconds) +
      (need?.required ? need.waitMs : 0)
    // Signed before the first line that quotes outside text is printed: its masks come first.
    const { credentials } = config
    if (!config.dryRun && credentials !== undefined) {
      request = requestParts(config, credentials, deps, secrets, { deadline, pool })
    }
  } catch (error) {
    return { status: 'failed', error }
  } finally {
    if (raw !== undefined) core.debug(describeInputs(raw))
  }

  let planned: Plan
  try {
    const facts = await gather(config, event, need, {
      env: deps.env,
      clock,
      log: core,
      deadline,
      pool,
      quote: (text, maxLength) => secrets.untrusted(text, maxLength)
    })
    const result = plan(config, facts.event, facts.release)
    if ('skip' in result) return { status: 'skipped', reason: result.skip }
    planned = result
  } catch (error) {
    // A lookup that failed for a reason that may pass is tolerated like a failed delivery.
    const soft = (error as { soft?: unknown } | undefined)?.soft === true
    return { status: 'failed', error, tolerated: soft && !config.failOnError }
  }
  const { message } = planned
  if (message.truncated) {
    core.notice(
      `The announcement was cut to fit ${config.maxBytes} bytes; the link to the full text is kept.`
    )
  }
  if (request === undefined) return { status: 'dry-run', plan: planned }
  try {
    return config.target === 'broadcast'
      ? await broadcast(planned, request, deps)
      : await toGroups(planned, request, deps)
  } catch (error) {
    return { status: 'failed', error }
  }
}

/** What every request of this run shares: who makes it, signed how, over which connections,
 * retried how. */
function requestParts(
  config: Config,
  credentials: Credentials,
  deps: Dependencies,
  secrets: Secrets,
  { deadline, pool }: { deadline: number; pool: ConnectionPool }
) {
  const bases = baseUrls(config)
  let userSig: string | undefined
  // One UserSig serves every request; a new one is signed only when Tencent refuses it as
  // expired or revoked. Each is masked with every request URL of this run that will carry it,
  // before it is used.
  const sign = (fresh: boolean) => {
    if (!fresh && userSig !== undefined) return userSig
    const signed = resolveUserSig(
      config.sdkAppId,
      config.adminIdentifier,
      config.userSigTtl,
      credentials,
      secrets
    )
    for (const base of bases) {
      for (const api of APIS[config.target]) {
        const target = { base, sdkAppId: config.sdkAppId, identifier: config.adminIdentifier }
        secrets.add(requestUrl({ ...target, userSig: signed }, api, 0))
      }
    }
    return (userSig = signed)
  }
  sign(false)
  return {
    bases,
    sdkAppId: config.sdkAppId,
    identifier: config.adminIdentifier,
    userSig: sign,
    canSign: credentials.kind === 'secret-key',
    timeoutSeconds: config.timeoutSeconds,
    retries: config.retries,
    deadline,
    clock: deps.clock,
    log: deps.core,
    context: { log: deps.core, secrets, pool }
  }
}

type RequestParts = ReturnType<typeof requestParts>

/** The APIs each target calls. */
const APIS = {
  broadcast: [API.broadcast],
  groups: [API.groupMessage],
  'live-rooms': [API.groupList, API.groupMessage]
} as const

/** `target: broadcast`: one message that every live room receives. */
async function broadcast(
  planned: Plan,
  { context, ...request }: RequestParts,
  { core }: Dependencies
): Promise<Outcome> {
  const { config, announcement, message, body, bases } = planned
  core.info(
    `Broadcasting the ${announcement.kind} announcement "${message.desc}" (${message.bytes} bytes) to every live room of SDKAppID ${config.sdkAppId} via ${bases[0].host}`
  )
  const sent = await send({
    ...request,
    attempt: (target, timeoutMs) => sendOnce(API.broadcast, target, body, timeoutMs, context)
  })
  return sent.delivery.ok
    ? { status: 'sent', plan: planned, sent }
    : { status: 'failed', plan: planned, sent }
}

/**
 * `target: groups` or `live-rooms`: one message per group, each with its own Random. The code
 * that fans out is loaded only now: broadcasts never pay for it.
 */
async function toGroups(
  planned: Plan,
  { context, ...request }: RequestParts,
  { core, clock }: Dependencies
): Promise<Outcome> {
  const { config, announcement, message, bases } = planned
  const named = config.target === 'groups' ? config.groupIds : undefined
  core.info(
    `Announcing the ${announcement.kind} announcement "${message.desc}" (${message.bytes} bytes) to ${named === undefined ? 'every live room (AVChatRoom)' : counted(named.length, 'group', 'groups')} of SDKAppID ${config.sdkAppId} via ${bases[0].host}`
  )
  const { deliverToGroups } = await import('./groups.js')
  const groups = await deliverToGroups({
    groupIds: named,
    clock,
    log: core,
    deadline: request.deadline,
    quote: (groupId) => context.secrets.untrusted(groupId, 100),
    listPage: (next, pacer, deadline) =>
      send({
        ...request,
        pacer,
        deadline,
        attempt: (target, timeoutMs) => listOnce(target, next, timeoutMs, context)
      }),
    sendTo: (groupId, pacer, deadline, log) =>
      send({
        ...request,
        log,
        pacer,
        deadline,
        attempt: (target, timeoutMs) =>
          sendOnce(API.groupMessage, target, planned.bodyFor(groupId), timeoutMs, {
            ...context,
            log
          })
      })
  })
  if (!groups.ok) return { status: 'failed', plan: planned, groups }
  const delivered = groups.results.filter(({ sent }) => sent.delivery.ok).length
  if (groups.results.length === 0) {
    return {
      status: 'skipped',
      reason: 'Nothing was sent: the app has no live room (AVChatRoom) to announce to.'
    }
  }
  const status =
    delivered === groups.results.length ? 'sent' : delivered === 0 ? 'failed' : 'partial'
  return { status, plan: planned, groups }
}
