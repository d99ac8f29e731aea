import { announce, applyOverrides, templateContext, type Announcement } from './announcement.js'
import type { Config } from './config.js'
import type { EventContext } from './event.js'
import type { JsonObject } from './json.js'
import {
  broadcastBody,
  groupBody,
  renderMessage,
  type BroadcastBody,
  type GroupBody,
  type RenderedMessage
} from './message.js'
import { baseUrls } from './regions.js'

/** Stands for each live room's ID in the body a dry run shows: they are not listed then. */
export const EACH_LIVE_ROOM = '<each AVChatRoom>'

/** The request to make, and how it came about: everything known before the network is touched. */
export interface Plan {
  config: Config
  announcement: Announcement
  message: RenderedMessage
  /**
   * The body as it goes out: the broadcast's, or, for groups, the first group's (a dry run shows
   * it; every group's differs only in `GroupId` and `Random`).
   */
  body: BroadcastBody | GroupBody
  /** The body of one group's message (`target: groups` or `live-rooms`). */
  bodyFor: (groupId: string) => GroupBody
  /** Where to send it, in order of preference: the primary domain, then its backup. */
  bases: [URL, ...URL[]]
}

/** An event that is not announced, and why. */
export interface Skipped {
  config: Config
  skip: string
}

/**
 * The inputs, the event and a release looked up (when there is one) → the request to make, or
 * why there is none. Pure: it reads nothing and sends nothing, so the same inputs and facts
 * always plan the same bytes. Throws an `InputError` for anything the workflow must fix.
 */
export function plan(config: Config, event: EventContext, found?: JsonObject): Plan | Skipped {
  const defaults = announce(event, config, found)
  if ('skip' in defaults) return { config, skip: defaults.skip }
  const context = templateContext(event, defaults, found)
  const announcement = applyOverrides(defaults, config.overrides, context)
  const message = renderMessage(announcement, {
    dataTemplate: config.dataTemplate,
    context,
    textElement: config.textElement,
    maxBytes: config.maxBytes
  })
  const content = {
    fromAccount: config.fromAccount,
    cloudCustomData: config.cloudCustomData,
    random: config.random,
    origin: event
  }
  const bodyFor = (groupId: string) =>
    groupBody(message, { ...content, groupId, priority: config.priority })
  const body =
    config.target === 'broadcast'
      ? broadcastBody(message, content)
      : bodyFor(config.groupIds[0] ?? EACH_LIVE_ROOM)
  return { config, announcement, message, body, bodyFor, bases: baseUrls(config) }
}
