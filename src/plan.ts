import { announce, applyOverrides, templateContext, type Announcement } from './announcement.js'
import { parseConfig, type Config } from './config.js'
import type { EventContext } from './event.js'
import type { RawInputs } from './inputs.js'
import {
  broadcastBody,
  renderMessage,
  type BroadcastBody,
  type RenderedMessage
} from './message.js'
import { baseUrls } from './regions.js'
import type { DataParser } from './template.js'

/** The request to make, and how it came about: everything known before the network is touched. */
export interface Plan {
  config: Config
  announcement: Announcement
  message: RenderedMessage
  body: BroadcastBody
  /** Where to send it, in order of preference: the primary domain, then its backup. */
  bases: [URL, ...URL[]]
}

/** An event that is not announced, and why. */
export interface Skipped {
  config: Config
  skip: string
}

/**
 * Inputs and event → the request to make, or why there is none. Pure: it reads nothing and sends
 * nothing, so the same inputs and event always plan the same bytes. Throws an `InputError` for
 * anything the workflow must fix.
 */
export function plan(raw: RawInputs, event: EventContext, parseData?: DataParser): Plan | Skipped {
  const config = parseConfig(raw, parseData)
  const defaults = announce(event, config)
  if ('skip' in defaults) return { config, skip: defaults.skip }
  const context = templateContext(event, defaults)
  const announcement = applyOverrides(defaults, config.overrides, context)
  const message = renderMessage(announcement, {
    dataTemplate: config.dataTemplate,
    context,
    textElement: config.textElement,
    maxBytes: config.maxBytes
  })
  const body = broadcastBody(message, {
    fromAccount: config.fromAccount,
    cloudCustomData: config.cloudCustomData,
    random: config.random,
    origin: event
  })
  return { config, announcement, message, body, bases: baseUrls(config) }
}
