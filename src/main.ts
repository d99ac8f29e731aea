import * as core from '@actions/core'
import { announce, applyOverrides, templateContext } from './announcement.js'
import { ConfigError, parseConfig } from './config.js'
import { readEventContext } from './event.js'
import { readInputs } from './inputs.js'
import { buildBody, derivedRandom, MessageTooLargeError, renderMessage } from './message.js'
import {
  explainFailure,
  setDryRunOutputs,
  setFailedOutputs,
  setPayloadOutputs,
  setSentOutputs,
  setTriesOutput
} from './outputs.js'
import { baseUrls } from './regions.js'
import { scrub } from './secrets.js'
import { send } from './send.js'
import { resolveUserSig } from './signature.js'
import { writeSummary, type SummaryFacts } from './summary.js'
import { TemplateError, yamlParserFor } from './template.js'

/**
 * The action: validate every input, render the announcement, sign, send, report. Nothing
 * touches the network before the inputs and the message are known to be valid.
 */
export async function run(): Promise<void> {
  const started = Date.now()
  // Filled stage by stage, so the summary tells as much as was known when the run ended.
  let facts: Omit<SummaryFacts, 'status' | 'durationMs'> = {}
  try {
    const raw = readInputs()
    const config = parseConfig(raw, await yamlParserFor(raw.data))
    const event = readEventContext()
    const defaults = announce(event, config.template)
    const context = templateContext(event, defaults)
    const announcement = applyOverrides(defaults, config.overrides, context)
    const message = renderMessage(announcement, {
      dataTemplate: config.dataTemplate,
      context,
      textElement: config.textElement,
      maxBytes: config.maxBytes
    })
    if (message.truncated) {
      core.notice(
        `The announcement was cut to fit ${config.maxBytes} bytes; the link to the full text is kept.`
      )
    }
    const content = {
      msgBody: message.msgBody,
      fromAccount: config.fromAccount,
      cloudCustomData: config.cloudCustomData
    }
    const body = buildBody({ ...content, random: config.random ?? derivedRandom(event, content) })
    setPayloadOutputs(body, message)
    const bases = baseUrls(config)
    facts = {
      message: {
        kind: announcement.kind,
        title: announcement.title,
        text: announcement.text,
        desc: message.desc,
        data: message.data,
        bytes: message.bytes,
        maxBytes: config.maxBytes,
        truncated: message.truncated
      },
      target: { host: bases[0].host, sdkAppId: config.sdkAppId },
      random: body.Random
    }

    if (config.dryRun || config.credentials === undefined) {
      setDryRunOutputs()
      core.info(
        `Dry run: the ${announcement.kind} announcement "${message.desc}" (${message.bytes} bytes) was rendered and checked; nothing was sent.`
      )
      core.startGroup('Payload')
      core.info(JSON.stringify(body, null, 2))
      core.endGroup()
      writeSummary({ status: 'dry-run', durationMs: Date.now() - started, ...facts })
      return
    }

    const { credentials } = config
    core.info(
      `Broadcasting the ${announcement.kind} announcement "${message.desc}" (${message.bytes} bytes) to every live room of SDKAppID ${config.sdkAppId} via ${bases[0].host}`
    )
    const result = await send({
      bases,
      sdkAppId: config.sdkAppId,
      identifier: config.adminIdentifier,
      userSig: () =>
        resolveUserSig(config.sdkAppId, config.adminIdentifier, config.userSigTtl, credentials),
      canSign: credentials.kind === 'secret-key',
      body,
      timeoutSeconds: config.timeoutSeconds,
      retries: config.retries
    })
    setTriesOutput(result.tries)
    facts = {
      ...facts,
      tries: result.tries,
      target: { host: result.host, sdkAppId: config.sdkAppId }
    }
    const { delivery } = result
    if (delivery.ok) {
      setSentOutputs(delivery.msgSeq)
      core.info(
        `Delivered: MsgSeq ${delivery.msgSeq}, Random ${body.Random}, after ${result.tries} ${result.tries === 1 ? 'try' : 'tries'}.`
      )
      writeSummary({
        status: 'sent',
        durationMs: Date.now() - started,
        ...facts,
        msgSeq: delivery.msgSeq
      })
      return
    }
    setFailedOutputs(delivery.code === undefined ? '' : String(delivery.code), delivery.info)
    const explanation = explainFailure(delivery)
    const gaveUp =
      result.gaveUp === undefined ? '' : ` Gave up after ${result.tries} tries: ${result.gaveUp}.`
    const text = `${explanation.what} ${explanation.remedy}${gaveUp}`
    // Delivery failures may be tolerated; a misconfigured step (below) always fails.
    if (config.failOnError) core.setFailed(text)
    else core.warning(`${text} The step goes on because \`fail-on-error\` is false.`)
    writeSummary({
      status: 'failed',
      durationMs: Date.now() - started,
      ...facts,
      failure: { ...explanation, what: `${explanation.what}${gaveUp}` }
    })
  } catch (error) {
    setFailedOutputs('', '')
    const known =
      error instanceof ConfigError ||
      error instanceof TemplateError ||
      error instanceof MessageTooLargeError
    const message = scrub(error instanceof Error ? error.message : String(error))
    if (!known) core.debug(scrub(error instanceof Error ? (error.stack ?? message) : message))
    core.setFailed(known ? message : `Unexpected failure: ${message}`)
    writeSummary({
      status: 'failed',
      durationMs: Date.now() - started,
      ...facts,
      failure: {
        what: message,
        remedy: known
          ? 'Fix the inputs named above; nothing was sent.'
          : 'Please report this as a bug.'
      }
    })
  }
}
