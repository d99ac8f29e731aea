import type { Clock, Log } from '../dependencies.js'
import type { Config, Credentials } from '../inputs/config.js'
import type { Secrets } from '../secrets.js'
import type { GroupPage } from './answers.js'
import type { Pacer } from './fan-out/pacer.js'
import type { ConnectionPool } from './http.js'
import { baseUrls } from './regions.js'
import { retried, type Retried } from './retries.js'
import { resolveUserSig } from './signature.js'
import { API, listOnce, requestUrl, sendOnce, type Api } from './tencent-api.js'

/** How one page of the list of live rooms ended. */
export type PageResult = Retried<{ ok: true; page: GroupPage }>

/** What a request of a fan-out has of its own: the shared pace, its deadline, its log. */
export interface Paced {
  pacer: Pacer
  deadline: number
  log?: Log
}

/**
 * Tencent Chat's REST API as this run reaches it, made once per run and handed down to the
 * delivery target: every request signed (one UserSig, signed again only when Tencent refuses
 * it), over one pool of connections, retried as the retry policy says, within the step's
 * deadline. A method per API: a target (or its chunk) asks for what it sends, and carries no
 * copy of how it is sent.
 */
export interface Requests {
  /** When the step's time runs out (ms since the epoch). */
  readonly deadline: number
  readonly clock: Clock
  /** send_broadcast_msg. */
  broadcast: (body: object) => Promise<Retried>
  /** send_group_msg, for one group. */
  sendToGroup: (body: object, paced: Paced) => Promise<Retried>
  /** get_appid_group_list: the page of live rooms that `cursor` names. */
  listGroups: (cursor: string, paced: Paced) => Promise<PageResult>
}

interface RequestsOptions {
  config: Config
  credentials: Credentials
  /** The APIs the run will call: each URL that carries the UserSig is masked before any. */
  apis: readonly Api[]
  clock: Clock
  log: Log
  secrets: Secrets
  deadline: number
  pool: ConnectionPool
}

/**
 * The run's requests. The UserSig is signed now, and it and every request URL of this run that
 * will carry it are masked before anything quotes text from outside.
 */
export function makeRequests(options: RequestsOptions): Requests {
  const { config, credentials, clock, log, secrets, deadline, pool } = options
  const bases = baseUrls(config)
  let userSig: string | undefined
  const sign = (fresh: boolean) => {
    if (!fresh && userSig !== undefined) return userSig
    const signed = resolveUserSig(
      config.sdkAppId,
      config.adminIdentifier,
      config.userSigTtl,
      credentials,
      secrets
    )
    for (const base of bases) {
      for (const api of options.apis) {
        const address = { base, sdkAppId: config.sdkAppId, identifier: config.adminIdentifier }
        secrets.add(requestUrl({ ...address, userSig: signed }, api, 0))
      }
    }
    return (userSig = signed)
  }
  sign(false)
  const shared = {
    bases,
    sdkAppId: config.sdkAppId,
    identifier: config.adminIdentifier,
    userSig: sign,
    canSign: credentials.kind === 'secret-key',
    timeoutSeconds: config.timeoutSeconds,
    retries: config.retries,
    deadline,
    clock,
    log
  }
  const context = { log, secrets, pool }
  return {
    deadline,
    clock,
    broadcast: (body) =>
      retried({
        ...shared,
        once: (address, timeoutMs) => sendOnce(API.broadcast, address, body, timeoutMs, context)
      }),
    sendToGroup: (body, { pacer, deadline: own, log: groupLog = log }) =>
      retried({
        ...shared,
        log: groupLog,
        pacer,
        deadline: own,
        once: (address, timeoutMs) =>
          sendOnce(API.groupMessage, address, body, timeoutMs, { ...context, log: groupLog })
      }),
    listGroups: (cursor, { pacer, deadline: own }) =>
      retried({
        ...shared,
        pacer,
        deadline: own,
        once: (address, timeoutMs) => listOnce(address, cursor, timeoutMs, context)
      })
  }
}
