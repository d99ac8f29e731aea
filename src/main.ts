import * as core from '@actions/core'
import { announce, applyOverrides, templateContext } from './announcement.js'
import { ConfigError, parseConfig } from './config.js'
import { readEventContext } from './event.js'
import { readInputs } from './inputs.js'
import { buildBody, derivedRandom, MessageTooLargeError, renderMessage } from './message.js'
import {
  failureMessage,
  setFailedOutputs,
  setPayloadOutputs,
  setSentOutputs,
  setTriesOutput
} from './outputs.js'
import { baseUrls } from './regions.js'
import { scrub } from './secrets.js'
import { send } from './send.js'
import { resolveUserSig } from './signature.js'
import { TemplateError } from './template.js'

/**
 * The action: validate every input, render the announcement, sign, send, report. Nothing
 * touches the network before the inputs and the message are known to be valid.
 */
export async function run(): Promise<void> {
  try {
    const config = parseConfig(readInputs())
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
    core.info(
      `Broadcasting the ${announcement.kind} announcement "${message.desc}" (${message.bytes} bytes) to every live room of SDKAppID ${config.sdkAppId} via ${bases[0].host}`
    )
    const result = await send({
      bases,
      sdkAppId: config.sdkAppId,
      identifier: config.adminIdentifier,
      userSig: () => resolveUserSig(config),
      canSign: config.credentials.kind === 'secret-key',
      body,
      timeoutSeconds: config.timeoutSeconds,
      retries: config.retries
    })
    setTriesOutput(result.tries)
    const { delivery } = result
    if (delivery.ok) {
      setSentOutputs(delivery.msgSeq)
      core.info(
        `Delivered: MsgSeq ${delivery.msgSeq}, Random ${body.Random}, after ${result.tries} ${result.tries === 1 ? 'try' : 'tries'}.`
      )
      return
    }
    setFailedOutputs(delivery.code === undefined ? '' : String(delivery.code), delivery.info)
    const gaveUp =
      result.gaveUp === undefined ? '' : ` Gave up after ${result.tries} tries: ${result.gaveUp}.`
    const text = `${failureMessage(delivery)}${gaveUp}`
    // Delivery failures may be tolerated; a misconfigured step (below) always fails.
    if (config.failOnError) core.setFailed(text)
    else core.warning(`${text} The step goes on because \`fail-on-error\` is false.`)
  } catch (error) {
    setFailedOutputs('', '')
    if (
      error instanceof ConfigError ||
      error instanceof TemplateError ||
      error instanceof MessageTooLargeError
    ) {
      core.setFailed(error.message)
    } else {
      const message = error instanceof Error ? error.message : String(error)
      core.debug(scrub(error instanceof Error ? (error.stack ?? message) : message))
      core.setFailed(`Unexpected failure: ${scrub(message)}`)
    }
  }
}
