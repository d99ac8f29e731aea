import type { Message } from './service.js'

/**
 * One message as `@tencentcloud/chat` hands it to an app in `EVENT.MESSAGE_RECEIVED`: the fields
 * an app reads, named and shaped as the SDK's `Message` (see ../shared/spec's client notes). The
 * SDK takes `type` and `payload` from the first element of the message.
 */
export interface AppMessage {
  type: string
  payload: Record<string, unknown>
  /** The group the message reached. */
  to: string
  from: string
  /** Seconds since the epoch, as the SDK counts. */
  time: number
  /** True for a message that came from send_broadcast_msg. */
  isBroadcastMessage: boolean
  cloudCustomData: string
  sequence: number
}

/** The REST element's MsgContent fields by the names the SDK's payload gives them. */
const PAYLOAD_NAMES: Record<string, Record<string, string>> = {
  TIMTextElem: { Text: 'text' },
  TIMCustomElem: { Data: 'data', Desc: 'description', Ext: 'extension' },
  TIMFaceElem: { Index: 'index', Data: 'data' },
  TIMLocationElem: { Desc: 'description', Latitude: 'latitude', Longitude: 'longitude' }
}

/** What an app in `groupId` receives for `message`. */
function inApp(message: Message, groupId: string): AppMessage {
  const first = message.msgBody[0] ?? {}
  const type = String(first.MsgType)
  const content = (first.MsgContent ?? {}) as Record<string, unknown>
  const names = PAYLOAD_NAMES[type] ?? {}
  // The SDK's own code turns a custom element's absent Data, Desc or Ext into ''.
  const payload = Object.fromEntries(
    Object.entries(names).map(([rest, sdk]) => [
      sdk,
      content[rest] ?? (type === 'TIMCustomElem' ? '' : undefined)
    ])
  )
  return {
    type,
    payload,
    to: groupId,
    from: message.fromAccount,
    time: Math.floor(message.time / 1000),
    isBroadcastMessage: message.groupId === undefined,
    cloudCustomData: message.cloudCustomData ?? '',
    sequence: message.msgSeq
  }
}

/** Every group's messages as an app in that group receives them. */
export function appView(groups: Record<string, Message[]>): Record<string, AppMessage[]> {
  return Object.fromEntries(
    Object.entries(groups).map(([groupId, messages]) => [
      groupId,
      messages.map((message) => inApp(message, groupId))
    ])
  )
}
