import { randomInt } from 'node:crypto'
import type { LookupFunction } from 'node:net'
import { readSendAnswer, type Delivery } from './answer.js'
import type { Log } from './dependencies.js'
import { post } from './http.js'
import type { BroadcastBody } from './message.js'
import type { Secrets } from './secrets.js'

const BROADCAST_PATH = 'v4/group_open_http_svc/send_broadcast_msg'

interface Target {
  base: URL
  sdkAppId: number
  identifier: string
  userSig: string
}

/** What a try logs to and masks with, and (for tests) how it resolves names. */
export interface TryContext {
  log: Log
  secrets: Secrets
  lookup?: LookupFunction
}

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
  shown.searchParams.set('usersig', '***')
  return shown.toString()
}

/** POSTs the body once, within `timeoutMs` whatever happens, and reads the answer. */
export async function sendOnce(
  target: Target,
  body: BroadcastBody,
  timeoutMs: number,
  { log, secrets, lookup }: TryContext
): Promise<Delivery> {
  const url = broadcastUrl(target, randomInt(0, 2 ** 32))
  // The URL carries the UserSig (already registered); the URL itself is registered too, as it
  // is what an HTTP error would quote.
  secrets.add(url)
  log.debug(`POST ${redactUrl(url)}`)
  const result = await post(url, JSON.stringify(body), { timeoutMs, ...(lookup ? { lookup } : {}) })
  log.debug(
    result.ok
      ? `HTTP ${result.status}: ${secrets.untrusted(result.text, 500)}`
      : `No answer: ${secrets.untrusted(result.detail, 500)}`
  )
  return readSendAnswer(result, url, secrets)
}
