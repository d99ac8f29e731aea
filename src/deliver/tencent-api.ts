import { randomInt } from 'node:crypto'
import type { LookupFunction } from 'node:net'
import {
  readGroupPage,
  readSendAnswer,
  type MessageAnswer,
  type Failure,
  type GroupPage
} from './answers.js'
import type { Log } from '../dependencies.js'
import { post, type ConnectionPool, type HttpAnswer, type TransportFailure } from './http.js'
import type { Secrets } from '../secrets.js'

/** The REST APIs the action calls, by what they do. */
export const API = {
  broadcast: 'v4/group_open_http_svc/send_broadcast_msg',
  groupMessage: 'v4/group_open_http_svc/send_group_msg',
  groupList: 'v4/group_open_http_svc/get_appid_group_list'
} as const
export type Api = (typeof API)[keyof typeof API]

/** Where a request goes, and whose it is: the base URL and the caller named in its query. */
export interface Address {
  base: URL
  sdkAppId: number
  identifier: string
  userSig: string
}

/** What a try logs to and masks with, the connections it may reuse, and (for tests) how it
 * resolves names. */
export interface TryContext {
  log: Log
  secrets: Secrets
  pool?: ConnectionPool
  lookup?: LookupFunction
}

/** The request URL. `random` is the per-request query nonce, not the body's Random. */
export function requestUrl(address: Address, api: Api, random: number): URL {
  const base = new URL(
    address.base.href.endsWith('/') ? address.base.href : `${address.base.href}/`
  )
  const url = new URL(api, base)
  url.search = new URLSearchParams({
    sdkappid: String(address.sdkAppId),
    identifier: address.identifier,
    usersig: address.userSig,
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

/** POSTs a JSON body to an API once, within `timeoutMs` whatever happens, and reads the answer. */
async function callOnce<T>(
  api: Api,
  address: Address,
  body: string,
  timeoutMs: number,
  { log, secrets, pool, lookup }: TryContext,
  read: (result: HttpAnswer | TransportFailure, url: URL, secrets: Secrets) => T
): Promise<T> {
  const url = requestUrl(address, api, randomInt(0, 2 ** 32))
  // The URL carries the UserSig (already registered); the URL itself is registered too, as it
  // is what an HTTP error would quote.
  secrets.add(url)
  log.debug(`POST ${redactUrl(url)}`)
  const result = await post(url, body, {
    timeoutMs,
    ...(pool ? { pool } : {}),
    ...(lookup ? { lookup } : {})
  })
  log.debug(
    result.ok
      ? `HTTP ${result.status}: ${secrets.untrusted(result.text, 500)}`
      : `No answer: ${secrets.untrusted(result.detail, 500)}`
  )
  return read(result, url, secrets)
}

/** Sends a message (a broadcast, or one group's message) once. */
export function sendOnce(
  api: typeof API.broadcast | typeof API.groupMessage,
  address: Address,
  body: object,
  timeoutMs: number,
  context: TryContext
): Promise<MessageAnswer> {
  return callOnce(api, address, JSON.stringify(body), timeoutMs, context, readSendAnswer)
}

/**
 * Asks for one page of the app's live rooms. `cursor` is written back as the digits the server
 * gave, a bare JSON number that may be above 2^53.
 */
export function listOnce(
  address: Address,
  cursor: string,
  timeoutMs: number,
  context: TryContext
): Promise<{ ok: true; page: GroupPage } | Failure> {
  const body = `{"Limit":10000,"Next":${cursor},"GroupType":"AVChatRoom"}`
  return callOnce(API.groupList, address, body, timeoutMs, context, readGroupPage)
}
