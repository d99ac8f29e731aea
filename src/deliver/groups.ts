import { counted } from '../prose.js'
import type { MsgElement, RenderedMessage } from '../plan/message.js'
import type { Plan } from '../plan/plan.js'
import { contentOf, derivedRandom, optional, type BodyOptions } from './bodies.js'
import type { DeliveryTarget } from './target.js'
import { API } from './tencent-api.js'

/** `MsgPriority` of a group message: live rooms under load drop lower priorities first. */
export const PRIORITIES = ['High', 'Normal', 'Low', 'Lowest'] as const
export type Priority = (typeof PRIORITIES)[number]

/** The JSON body of send_group_msg. */
export interface GroupBody {
  GroupId: string
  Random: number
  MsgPriority: Priority
  MsgBody: MsgElement[]
  From_Account?: string
  CloudCustomData?: string
}

/**
 * The body of one group's message. Each group has its own Random, derived from where the
 * announcement comes from, what it says and the group (and from `random` when given), the same on
 * every try and every re-run: a retry, or a re-run within Tencent's window, is never a second
 * message in that room.
 */
export function groupBody(
  message: Pick<RenderedMessage, 'msgBody'>,
  options: BodyOptions & { groupId: string; priority: Priority }
): GroupBody {
  const content = contentOf(message, options)
  return {
    GroupId: options.groupId,
    Random: derivedRandom(options.origin, {
      ...content,
      groupId: options.groupId,
      random: options.random
    }),
    MsgPriority: options.priority,
    MsgBody: content.msgBody,
    ...optional('From_Account', content.fromAccount),
    ...optional('CloudCustomData', content.cloudCustomData)
  }
}

/** Stands for each live room's ID in the body a dry run shows: they are not listed then. */
export const EACH_LIVE_ROOM = '<each AVChatRoom>'

const bodyFor = (plan: Plan) => (groupId: string) =>
  groupBody(plan.message, { ...plan.bodyOptions, groupId, priority: plan.config.priority })

/**
 * `target: groups` (the groups named) and `target: live-rooms` (every AVChatRoom, listed first):
 * one send_group_msg per group, each with its own Random, paced and a few at a time. The code
 * that lists and fans out is a chunk of its own, loaded only to deliver: broadcasts never pay
 * for it.
 */
function oneByOne(listed: boolean): DeliveryTarget {
  return {
    apis: listed ? [API.groupList, API.groupMessage] : [API.groupMessage],
    preview: (plan) => ({
      // Every group's body differs from this one only in `GroupId` and `Random`.
      body: bodyFor(plan)(listed ? EACH_LIVE_ROOM : (plan.config.groupIds[0] ?? EACH_LIVE_ROOM)),
      random: undefined
    }),
    where: (config, host) => {
      const groups = counted(config.groupIds.length, 'group', 'groups')
      return listed
        ? {
            sending: (what) =>
              `Announcing ${what} to every live room (AVChatRoom) of SDKAppID ${config.sdkAppId} via ${host}`,
            dryRun:
              ' for every live room (AVChatRoom), which were not listed (the body each gets is shown, with its own GroupId and Random)',
            summary: `every live room via ${host}`
          }
        : {
            sending: (what) =>
              `Announcing ${what} to ${groups} of SDKAppID ${config.sdkAppId} via ${host}`,
            dryRun: ` for the groups ${config.groupIds.join(', ')} (the body of the first is shown; each group has its own Random)`,
            summary: `${groups} via ${host}`
          }
    },
    deliver: async (plan, requests, log) => {
      const { deliverToGroups } = await import('./fan-out/fan-out.js')
      const groups = await deliverToGroups({
        groupIds: listed ? undefined : plan.config.groupIds,
        bodyFor: bodyFor(plan),
        requests,
        log
      })
      if (groups.ok && groups.results.length === 0) {
        return { skip: 'Nothing was sent: the app has no live room (AVChatRoom) to announce to.' }
      }
      return { kind: 'each', groups }
    }
  }
}

export const namedGroups = oneByOne(false)
export const liveRooms = oneByOne(true)
