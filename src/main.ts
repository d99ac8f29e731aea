import { realDependencies, type Dependencies } from './dependencies.js'
import { readEventContext } from './event.js'
import { readInputs } from './inputs.js'
import { plan } from './plan.js'
import { report, type Outcome } from './report.js'
import { Secrets } from './secrets.js'
import { send } from './send.js'
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
  const { core, clock } = deps
  try {
    const raw = readInputs(core, secrets)
    const event = readEventContext(deps.env, deps.readFile)
    const planned = plan(raw, event, await dataParserFor(raw.data))
    if ('skip' in planned) return { status: 'skipped', reason: planned.skip }
    const { config, announcement, message, body, bases } = planned
    if (message.truncated) {
      core.notice(
        `The announcement was cut to fit ${config.maxBytes} bytes; the link to the full text is kept.`
      )
    }
    const { credentials } = config
    if (config.dryRun || credentials === undefined) return { status: 'dry-run', plan: planned }

    core.info(
      `Broadcasting the ${announcement.kind} announcement "${message.desc}" (${message.bytes} bytes) to every live room of SDKAppID ${config.sdkAppId} via ${bases[0].host}`
    )
    const sent = await send({
      bases,
      sdkAppId: config.sdkAppId,
      identifier: config.adminIdentifier,
      userSig: () =>
        resolveUserSig(
          config.sdkAppId,
          config.adminIdentifier,
          config.userSigTtl,
          credentials,
          secrets
        ),
      canSign: credentials.kind === 'secret-key',
      body,
      timeoutSeconds: config.timeoutSeconds,
      retries: config.retries,
      clock,
      log: core,
      secrets
    })
    return sent.delivery.ok
      ? { status: 'sent', plan: planned, sent }
      : { status: 'failed', plan: planned, sent }
  } catch (error) {
    return { status: 'failed', error }
  }
}
