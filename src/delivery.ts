import { randomInt } from 'node:crypto'
import { HttpClient } from '@actions/http-client'
import type { Log } from './dependencies.js'
import type { BroadcastBody } from './message.js'
import type { Secrets } from './secrets.js'
import { USER_AGENT } from './version.js'

const BROADCAST_PATH = 'v4/group_open_http_svc/send_broadcast_msg'

interface Target {
  base: URL
  sdkAppId: number
  identifier: string
  userSig: string
}

/** How one request ended. */
export type Delivery =
  | { ok: true; msgSeq: number }
  | { ok: false; reason: 'tencent'; code: number; info: string }
  | { ok: false; reason: 'http'; code: undefined; info: string; status: number }
  | { ok: false; reason: 'malformed' | 'network'; code: undefined; info: string }

export type Failure = Exclude<Delivery, { ok: true }>

/** The request URL. `random` is the per-request query nonce, not the body's Random. */
export function broadcastUrl(target: Target, random: number): URL {
  const base = new URL(target.base.href.endsWith('/') ? target.base.href : `${target.base.href}/`)
  const url = new URL(BROADCAST_PATH, base)
  url.search = new URLSearchParams({
    sdkappid: String(target.sdkAppId),
    identifier: target.identifier,
    usersig: target.userSig,
    random: String(random),
    contenttype: 'json'
  }).toString()
  return url
}

/** A URL as it may be shown: the UserSig replaced, whatever else it carries kept. */
export function redactUrl(url: URL): string {
  const shown = new URL(url)
  if (shown.searchParams.has('usersig')) shown.searchParams.set('usersig', '***')
  return shown.toString()
}

/** POSTs the body once and classifies the answer. */
export async function sendOnce(
  target: Target,
  body: BroadcastBody,
  timeoutSeconds: number,
  { log, secrets }: { log: Log; secrets: Secrets }
): Promise<Delivery> {
  const url = broadcastUrl(target, randomInt(0, 2 ** 32))
  // The URL carries the UserSig (already registered); the URL itself is registered too, as it
  // is what an HTTP error would quote.
  secrets.add(url)
  log.debug(`POST ${redactUrl(url)}`)
  const client = new HttpClient(USER_AGENT, [], {
    allowRetries: false,
    keepAlive: false,
    socketTimeout: timeoutSeconds * 1000
  })
  try {
    const response = await client.post(url.toString(), JSON.stringify(body), {
      'Content-Type': 'application/json; charset=utf-8'
    })
    const status = response.message.statusCode ?? 0
    const text = await response.readBody()
    log.debug(`HTTP ${status}: ${secrets.scrub(text, 500)}`)
    if (status !== 200) {
      return { ok: false, reason: 'http', code: undefined, info: `HTTP ${status}`, status }
    }
    return parseAnswer(text, secrets)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return { ok: false, reason: 'network', code: undefined, info: secrets.scrub(message) }
  } finally {
    client.dispose()
  }
}

/** Reads Tencent's JSON answer: ActionStatus, ErrorCode, ErrorInfo and, on success, MsgSeq. */
export function parseAnswer(text: string, secrets: Secrets): Delivery {
  let answer: unknown
  try {
    answer = JSON.parse(text)
  } catch {
    return { ok: false, reason: 'malformed', code: undefined, info: 'the answer is not JSON' }
  }
  if (typeof answer !== 'object' || answer === null) {
    return {
      ok: false,
      reason: 'malformed',
      code: undefined,
      info: 'the answer is not a JSON object'
    }
  }
  const { ActionStatus, ErrorCode, ErrorInfo, MsgSeq } = answer as Record<string, unknown>
  const info = typeof ErrorInfo === 'string' ? secrets.scrub(ErrorInfo) : ''
  if (typeof ErrorCode !== 'number' || !Number.isInteger(ErrorCode)) {
    return { ok: false, reason: 'malformed', code: undefined, info: 'the answer has no ErrorCode' }
  }
  if (ErrorCode !== 0 || ActionStatus !== 'OK') {
    return { ok: false, reason: 'tencent', code: ErrorCode, info }
  }
  if (typeof MsgSeq !== 'number' || !Number.isInteger(MsgSeq)) {
    return { ok: false, reason: 'malformed', code: undefined, info: 'the answer has no MsgSeq' }
  }
  return { ok: true, msgSeq: MsgSeq }
}
