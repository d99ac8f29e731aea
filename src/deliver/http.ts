import { request as httpRequest, type Agent, type IncomingHttpHeaders } from 'node:http'
import { request as httpsRequest } from 'node:https'
import type { LookupFunction } from 'node:net'
import { getProxyUrl, HttpClient } from '@actions/http-client'
import { USER_AGENT } from '../version.js'
import { messageOf } from '../prose.js'

/** An answer as it arrived: any status, the whole body. */
export interface HttpAnswer {
  ok: true
  status: number
  headers: IncomingHttpHeaders
  text: string
}

/**
 * Why no whole answer arrived. `retryable` failures may pass (a timeout, a reset, an answer cut
 * off, a proxy's gateway error); the others need a person: a certificate the runner does not
 * trust, a proxy that refuses the tunnel, a name that does not exist.
 */
export interface TransportFailure {
  ok: false
  kind: 'timeout' | 'network' | 'certificate' | 'proxy' | 'dns'
  retryable: boolean
  /** What happened, from Node or the proxy: untrusted text, to be made inert before printing. */
  detail: string
}

export interface RequestOptions {
  /** The whole try, whatever phase it is in, ends when this has passed. */
  timeoutMs: number
  /** Name resolution; tests replace it to hold the DNS phase. */
  lookup?: LookupFunction
  /** Connections kept open for the requests that follow; a connection of its own otherwise. */
  pool?: ConnectionPool
}

/** Where a request gets its connection (its agent: direct, or through the runner's proxy). */
export interface ConnectionPool {
  agentFor: (url: URL) => Agent
}

/**
 * Connections kept open between the requests of one run, one agent per origin. A fan-out makes
 * a request per group: over a new connection each would pay the TCP and TLS handshakes every
 * time, three round trips to Tencent instead of one. An idle connection never keeps Node alive.
 */
export function connectionPool(): ConnectionPool {
  const agents = new Map<string, Agent>()
  return {
    agentFor(url) {
      let agent = agents.get(url.origin)
      if (agent === undefined) {
        agent = new HttpClient(USER_AGENT, [], { keepAlive: true }).getAgent(url.href)
        agents.set(url.origin, agent)
      }
      return agent
    }
  }
}

/** Tencent's largest answer is a page of group IDs, under 1 MB (10018 otherwise). */
const MAX_ANSWER_BYTES = 2 * 1024 * 1024

/** What the try was doing when its time ran out. */
type Phase = 'connecting' | 'the TLS handshake' | 'waiting for the answer' | 'reading the answer'

/** POSTs a JSON body once and reads the whole answer (see `request`). */
export function post(
  url: URL,
  body: string,
  options: RequestOptions
): Promise<HttpAnswer | TransportFailure> {
  return request(
    url,
    {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        accept: 'application/json',
        'user-agent': USER_AGENT
      },
      body
    },
    options
  )
}

/** A request to make: its method, its headers (a length is added for a body), its body. */
export interface HttpRequest {
  method: string
  headers: Record<string, string>
  body?: string
}

/**
 * Makes a request once and reads the whole answer. A hard deadline covers every phase: name
 * resolution, connecting (through a proxy's CONNECT too), the TLS handshake, waiting for the
 * headers and reading the body. Redirects are never followed: a URL or a header carries a
 * credential. Proxies come from the runner's HTTPS_PROXY, HTTP_PROXY and NO_PROXY, as the
 * toolkit's client reads them.
 */
export function request(
  url: URL,
  { method, headers, body }: HttpRequest,
  options: RequestOptions
): Promise<HttpAnswer | TransportFailure> {
  const secure = url.protocol === 'https:'
  // The deadline is ended as soon as the try is: a timer left running would hold the request,
  // its socket and its answer for `timeoutMs` after they are done, a fan-out's worth of them.
  const deadline = new AbortController()
  const { signal } = deadline
  const timer = setTimeout(() => {
    deadline.abort()
  }, options.timeoutMs)
  // The toolkit's client, for its proxy agent only; the request itself is ours, so that a
  // deadline covers it whole and nothing follows a redirect.
  const agent = options.pool?.agentFor(url) ?? new HttpClient(USER_AGENT).getAgent(url.href)
  let phase: Phase = 'connecting'

  return new Promise((resolve) => {
    let settled = false
    const settle = (result: HttpAnswer | TransportFailure): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      resolve(result)
    }
    const failed = (error: unknown): void => {
      settle(
        signal.aborted
          ? {
              ok: false,
              kind: 'timeout',
              retryable: true,
              detail: `no answer within ${seconds(options.timeoutMs)} (${phase})`
            }
          : transportFailure(error)
      )
    }

    const outgoing = (secure ? httpsRequest : httpRequest)({
      protocol: url.protocol,
      // An IPv6 literal arrives in brackets. Name resolution does not take them; a proxy's
      // CONNECT needs them, to tell the address from the port.
      hostname:
        getProxyUrl(url.href) === '' ? url.hostname.replace(/^\[(.*)\]$/, '$1') : url.hostname,
      port: url.port,
      path: `${url.pathname}${url.search}`,
      method,
      agent,
      signal,
      ...(options.lookup ? { lookup: options.lookup } : {}),
      headers:
        body === undefined ? headers : { ...headers, 'content-length': Buffer.byteLength(body) }
    })
    outgoing.on('socket', (socket) => {
      // A connection kept from an earlier request has been through its handshakes.
      if (outgoing.reusedSocket) {
        phase = 'waiting for the answer'
        return
      }
      const connected = () => {
        phase = secure ? 'the TLS handshake' : 'waiting for the answer'
      }
      // Through a proxy the socket arrives connected; otherwise it connects now.
      if (socket.connecting) socket.once('connect', connected)
      else connected()
      socket.once('secureConnect', () => {
        phase = 'waiting for the answer'
      })
    })
    outgoing.on('response', (response) => {
      phase = 'reading the answer'
      const chunks: Buffer[] = []
      let size = 0
      response.on('data', (chunk: Buffer) => {
        size += chunk.length
        if (size > MAX_ANSWER_BYTES) {
          outgoing.destroy()
          settle({
            ok: false,
            kind: 'network',
            retryable: true,
            detail: `the answer is over ${MAX_ANSWER_BYTES} bytes`
          })
          return
        }
        chunks.push(chunk)
      })
      response.on('end', () => {
        settle({
          ok: true,
          status: response.statusCode ?? 0,
          headers: response.headers,
          text: Buffer.concat(chunks).toString('utf8')
        })
      })
      // The one error an answer reports is the connection closing before the answer was whole
      // (Node's "aborted"): name it for what it is. Were it ever silent, the deadline ends the try.
      response.on('error', () => {
        failed(new Error('the connection closed before the whole answer arrived'))
      })
    })
    outgoing.on('error', failed)
    // A request still waiting for its socket (a proxy's CONNECT unanswered) reports no error when
    // aborted: the deadline settles it here.
    signal.addEventListener('abort', failed, { once: true })
    outgoing.end(body)
  })
}

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`
}

/** Node's codes for a certificate the runner does not trust. */
const CERTIFICATE = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|HOSTNAME_MISMATCH/

/** Classifies what Node or the proxy tunnel threw. */
export function transportFailure(error: unknown): TransportFailure {
  const message = messageOf(error)
  const code = (error as { code?: unknown } | undefined)?.code
  const name = typeof code === 'string' ? code : ''
  if (CERTIFICATE.test(name)) {
    return { ok: false, kind: 'certificate', retryable: false, detail: message }
  }
  if (name === 'ENOTFOUND') return { ok: false, kind: 'dns', retryable: false, detail: message }
  // The tunnel's own words for a proxy that answered CONNECT with something else than 200.
  const proxyStatus = /tunneling socket could not be established, statusCode=(\d+)/.exec(message)
  if (proxyStatus && ['403', '407'].includes(proxyStatus[1] ?? '')) {
    return { ok: false, kind: 'proxy', retryable: false, detail: message }
  }
  return { ok: false, kind: 'network', retryable: true, detail: message }
}
