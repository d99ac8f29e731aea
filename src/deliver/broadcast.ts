import type { MsgElement, RenderedMessage } from '../plan/message.js'
import { contentOf, derivedRandom, optional, type BodyOptions } from './bodies.js'
import type { DeliveryTarget } from './target.js'
import { API } from './tencent-api.js'

/** The JSON body of send_broadcast_msg. */
export interface BroadcastBody {
  From_Account?: string
  Random: number
  MsgBody: MsgElement[]
  CloudCustomData?: string
}

/**
 * The request body. Every try of this announcement carries exactly these bytes: with the same
 * Random and content, Tencent discards a second arrival as a repeat instead of announcing twice.
 */
export function broadcastBody(
  message: Pick<RenderedMessage, 'msgBody'>,
  options: BodyOptions
): BroadcastBody {
  const content = contentOf(message, options)
  return {
    ...optional('From_Account', content.fromAccount),
    Random: options.random ?? derivedRandom(options.origin, content),
    MsgBody: content.msgBody,
    ...optional('CloudCustomData', content.cloudCustomData)
  }
}

/** `target: broadcast`: one send_broadcast_msg, which every live room receives (Ultimate). */
export const broadcast: DeliveryTarget = {
  apis: [API.broadcast],
  preview: (plan) => {
    const body = broadcastBody(plan.message, plan.bodyOptions)
    return { body, random: body.Random }
  },
  where: (config, host) => ({
    sending: (what) =>
      `Broadcasting ${what} to every live room of SDKAppID ${config.sdkAppId} via ${host}`,
    dryRun: '',
    summary: host
  }),
  deliver: async (plan, requests) => ({
    kind: 'one',
    sent: await requests.broadcast(broadcastBody(plan.message, plan.bodyOptions))
  })
}
