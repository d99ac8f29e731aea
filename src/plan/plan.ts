import type { BodyOptions } from '../deliver/bodies.js'
import { baseUrls } from '../deliver/regions.js'
import type { Facts } from '../gather/gather.js'
import type { Config } from '../inputs/config.js'
import {
  announce,
  applyOverrides,
  templateContext,
  type Announcement,
  type Skip
} from './announcement.js'
import { renderMessage, type RenderedMessage } from './message.js'

/** The request to make, and how it came about: everything known before the network is touched. */
export interface Plan {
  config: Config
  announcement: Announcement
  message: RenderedMessage
  /** What every request body is made from besides the message: its sender, its Random. */
  bodyOptions: BodyOptions
  /** Where to send it, in order of preference: the primary domain, then its backup. */
  bases: [URL, ...URL[]]
}

/**
 * The inputs and the facts (the event, a release looked up) → the announcement to make, or why
 * there is none. Pure: it reads nothing and sends nothing, so the same inputs and facts always
 * plan the same bytes. Throws an `InputError` for anything the workflow must fix. How the
 * message is carried (one broadcast, a message per group) is the delivery target's.
 */
export function plan(config: Config, { event, release }: Facts): Plan | Skip {
  const defaults = announce(event, config, release)
  if ('skip' in defaults) return defaults
  const context = templateContext(event, defaults, release)
  const announcement = applyOverrides(defaults, config.overrides, context)
  const message = renderMessage(announcement, {
    dataTemplate: config.dataTemplate,
    context,
    textElement: config.textElement,
    maxBytes: config.maxBytes
  })
  const bodyOptions = {
    fromAccount: config.fromAccount,
    cloudCustomData: config.cloudCustomData,
    random: config.random,
    origin: event
  }
  return { config, announcement, message, bodyOptions, bases: baseUrls(config) }
}
