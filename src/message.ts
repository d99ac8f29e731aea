import type { Announcement } from './announcement.js'

/** Tencent's limit for one broadcast message: the serialized MsgBody, in UTF-8 bytes. */
export const MAX_MESSAGE_BYTES = 12_000

export interface CustomElem {
  MsgType: 'TIMCustomElem'
  MsgContent: { Data: string; Desc: string; Ext: string }
}
export interface TextElem {
  MsgType: 'TIMTextElem'
  MsgContent: { Text: string }
}
export type MsgElement = CustomElem | TextElem

/** The JSON body of send_broadcast_msg. */
export interface BroadcastBody {
  From_Account?: string
  Random: number
  MsgBody: MsgElement[]
  CloudCustomData?: string
}

/**
 * The versioned Data object that apps parse (schema version 1). Absent values are left out rather
 * than sent as null, so an app can tell "not applicable" from an empty string.
 */
export function announcementData(a: Announcement): Record<string, unknown> {
  return {
    v: 1,
    kind: a.kind,
    title: a.title,
    text: a.text,
    url: a.url,
    version: a.version,
    repository: a.repository,
    sha: a.sha,
    ref: a.ref,
    actor: a.actor,
    run_url: a.runUrl,
    timestamp: a.timestamp
  }
}

/** Encodes the announcement as one TIMCustomElem: Data for the app, Desc for offline push. */
export function renderMessage(a: Announcement): MsgElement[] {
  return [
    {
      MsgType: 'TIMCustomElem',
      MsgContent: { Data: JSON.stringify(announcementData(a)), Desc: a.desc, Ext: a.kind }
    }
  ]
}

/** The size Tencent counts: the MsgBody exactly as it is sent, after JSON escaping, in UTF-8. */
export function messageBytes(msgBody: MsgElement[]): number {
  return Buffer.byteLength(JSON.stringify(msgBody), 'utf8')
}

export class MessageTooLargeError extends Error {
  constructor(readonly bytes: number) {
    super(
      `The announcement is ${bytes} bytes; Tencent accepts at most ${MAX_MESSAGE_BYTES} bytes per broadcast message.`
    )
    this.name = 'MessageTooLargeError'
  }
}

/** Assembles the request body; fails, before anything is sent, when the message is over budget. */
export function buildBody(options: {
  msgBody: MsgElement[]
  random: number
  fromAccount: string | undefined
  cloudCustomData: string | undefined
}): BroadcastBody {
  const bytes = messageBytes(options.msgBody)
  if (bytes > MAX_MESSAGE_BYTES) throw new MessageTooLargeError(bytes)
  return {
    ...(options.fromAccount === undefined ? {} : { From_Account: options.fromAccount }),
    Random: options.random,
    MsgBody: options.msgBody,
    ...(options.cloudCustomData === undefined ? {} : { CloudCustomData: options.cloudCustomData })
  }
}
