import { randomInt } from 'node:crypto'
import * as core from '@actions/core'
import { announce, applyOverrides, templateContext } from './announcement.js'
import { ConfigError, parseConfig } from './config.js'
import { sendOnce } from './delivery.js'
import { readEventContext } from './event.js'
import { readInputs } from './inputs.js'
import { buildBody, MessageTooLargeError, renderMessage } from './message.js'
import { failureMessage, setFailedOutputs, setPayloadOutputs, setSentOutputs } from './outputs.js'
import { baseUrls } from './regions.js'
import { scrub } from './secrets.js'
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
    const body = buildBody({
      msgBody: message.msgBody,
      random: config.random ?? randomInt(0, 2 ** 32),
      fromAccount: config.fromAccount,
      cloudCustomData: config.cloudCustomData
    })
    setPayloadOutputs(body, message)

    const userSig = resolveUserSig(config)
    const [base] = baseUrls(config)
    core.info(
      `Broadcasting the ${announcement.kind} announcement "${message.desc}" (${message.bytes} bytes) to every live room of SDKAppID ${config.sdkAppId} via ${base.host}`
    )
    const delivery = await sendOnce(
      { base, sdkAppId: config.sdkAppId, identifier: config.adminIdentifier, userSig },
      body,
      config.timeoutSeconds
    )
    if (delivery.ok) {
      setSentOutputs(delivery.msgSeq)
      core.info(`Delivered: MsgSeq ${delivery.msgSeq}, Random ${body.Random}`)
      return
    }
    setFailedOutputs(delivery.code === undefined ? '' : String(delivery.code), delivery.info)
    core.setFailed(failureMessage(delivery))
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
