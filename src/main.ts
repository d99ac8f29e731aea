import { realDependencies, type Dependencies } from './dependencies.js'
import { readEventContext } from './event.js'
import { readInputs } from './inputs.js'
import { plan, type Plan } from './plan.js'
import { counted } from './prose.js'
import { report, type Outcome } from './report.js'
import { Secrets } from './secrets.js'
import type { Credentials } from './config.js'
import { API, listOnce, sendOnce } from './delivery.js'
import { connectionPool } from './http.js'
import { overallBudgetMs, send } from './send.js'
import { resolveUserSig } from './signature.js'
import { dataParserFor } from './template.js'

/**
 * The action: read the inputs and the event, plan the request (every input validated, the message
 * rendered and fitted), sign and send it, and report how it ended. Nothing touches the network
 * before the plan is complete. `dependencies` replace the real runner, clock and toolkit in tests.
 */
export async function run(dependencies: Partial<Dependencies> = {}): Promise<void> {
  const deps = { ...realDependencies(), ...dependencies }
  const secrets = new Secrets((value) => {
    deps.core.setSecret(value)
  })
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
  const outcome = await Promise.race([attempt(deps, secrets), crash])
  crashed = undefined
  report(outcome, { ...deps, secrets, durationMs: deps.clock.now() - started })
  deps.finished()
}

/** Runs the pipeline to its outcome. It never throws: whatever happens becomes an outcome. */
async function attempt(deps: Dependencies, secrets: Secrets): Promise<Outcome> {
  const { core } = deps
  try {
    const raw = readInputs(core, secrets)
    const event = readEventContext(deps.env, deps.readFile)
    const planned = plan(raw, event, await dataParserFor(raw.data))
    if ('skip' in planned) return { status: 'skipped', reason: planned.skip }
    const { config, message } = planned
    if (message.truncated) {
      core.notice(
        `The announcement was cut to fit ${config.maxBytes} bytes; the link to the full text is kept.`
      )
    }
    const { credentials } = config
    if (config.dryRun || credentials === undefined) return { status: 'dry-run', plan: planned }
    const request = requestParts(planned, credentials, deps, secrets)
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
  planned: Plan,
  credentials: Credentials,
  deps: Dependencies,
  secrets: Secrets
) {
  const { config } = planned
  let userSig: string | undefined
  // One UserSig serves every request; a new one is signed only when Tencent refuses it as
  // expired or revoked.
  const sign = (fresh: boolean) =>
    !fresh && userSig !== undefined
      ? userSig
      : (userSig = resolveUserSig(
          config.sdkAppId,
          config.adminIdentifier,
          config.userSigTtl,
          credentials,
          secrets
        ))
  return {
    bases: planned.bases,
    sdkAppId: config.sdkAppId,
    identifier: config.adminIdentifier,
    userSig: sign,
    canSign: credentials.kind === 'secret-key',
    timeoutSeconds: config.timeoutSeconds,
    retries: config.retries,
    clock: deps.clock,
    log: deps.core,
    context: { log: deps.core, secrets, pool: connectionPool() }
  }
}

type RequestParts = ReturnType<typeof requestParts>

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
    budgetMs: overallBudgetMs(config.retries, config.timeoutSeconds),
    listPage: (next) =>
      send({
        ...request,
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
