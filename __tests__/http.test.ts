// One POST, whatever the other side does: every phase ends at the deadline, nothing is followed,
// and every way of failing is named. Servers and proxies that misbehave are all on loopback.
import type { LookupAddress } from 'node:dns'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo, LookupFunction } from 'node:net'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { startEmulator, type Emulator, type Fault } from '../emulator/src/index.js'
import { connectionPool, post, transportFailure } from '../src/deliver/http.js'
import { USER_AGENT } from '../src/version.js'
import { startConnectProxy } from './helpers/connect-proxy.js'
import { closedPort } from './helpers/network.js'

const closers: (() => Promise<unknown>)[] = []
afterEach(async () => {
  vi.unstubAllEnvs()
  await Promise.all(closers.splice(0).map((close) => close()))
})

async function emulator(options: Parameters<typeof startEmulator>[0] = {}): Promise<Emulator> {
  const started = await startEmulator(options)
  closers.push(() => started.close())
  return started
}

/** A raw HTTP server on loopback that answers with `handler`. */
async function server(handler: Parameters<typeof createServer>[1]): Promise<URL> {
  const raw: Server = createServer(handler)
  await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve))
  closers.push(
    () =>
      new Promise((resolve) => {
        raw.closeAllConnections()
        raw.close(resolve)
      })
  )
  return new URL(`http://127.0.0.1:${(raw.address() as AddressInfo).port}/api`)
}

const TIMEOUT = 300

describe('post', () => {
  it('sends the body as JSON with the action’s user agent, and reads the whole answer', async () => {
    let seen: { method?: string; url?: string; headers?: IncomingHttpHeaders; body?: string } = {}
    const url = await server((req, res) => {
      let body = ''
      req.on('data', (chunk: Buffer) => (body += chunk.toString()))
      req.on('end', () => {
        seen = { method: req.method, url: req.url, headers: req.headers, body }
        res.writeHead(200, { 'x-answer': 'yes' }).end('{"ErrorCode":0}')
      })
    })
    url.search = '?a=1'
    const result = await post(url, '{"Random":1,"Text":"直播"}', { timeoutMs: TIMEOUT })
    expect(result).toMatchObject({ ok: true, status: 200, text: '{"ErrorCode":0}' })
    expect(result.ok && result.headers['x-answer']).toBe('yes')
    expect(seen).toMatchObject({
      method: 'POST',
      url: '/api?a=1',
      body: '{"Random":1,"Text":"直播"}',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'content-length': String(Buffer.byteLength('{"Random":1,"Text":"直播"}')),
        'user-agent': USER_AGENT,
        accept: 'application/json'
      }
    })
  })

  it('reaches an IPv6 literal endpoint', async () => {
    const em = await emulator({ host: '::1' })
    expect(em.url).toMatch(/^http:\/\/\[::1\]:\d+$/)
    const result = await post(new URL(`${em.url}/v4/nowhere`), '{}', { timeoutMs: TIMEOUT })
    expect(result).toMatchObject({ ok: true, status: 200 })
  })

  it('returns a redirect as it is, and follows nothing', async () => {
    const em = await emulator()
    em.inject({ kind: 'redirect', status: 307, location: 'https://elsewhere.example/x' })
    const result = await post(new URL(`${em.url}/v4/x`), '{}', { timeoutMs: TIMEOUT })
    expect(result).toMatchObject({
      ok: true,
      status: 307,
      headers: { location: 'https://elsewhere.example/x' }
    })
    expect(em.requests).toHaveLength(1)
  })

  describe('ends at the deadline, whatever phase the try is in', () => {
    const timedOut = (phase: string) => ({
      ok: false,
      kind: 'timeout',
      retryable: true,
      detail: `no answer within 0.3 s (${phase})`
    })

    it.each<[string, Fault, string]>([
      ['no answer at all', { kind: 'hang' }, 'waiting for the answer'],
      [
        'headers a byte at a time',
        { kind: 'slow-headers', intervalMs: 20 },
        'waiting for the answer'
      ],
      ['a body that trickles', { kind: 'trickle', intervalMs: 20 }, 'reading the answer']
    ])('%s', async (_what, fault, phase) => {
      const em = await emulator()
      em.inject(fault)
      const started = Date.now()
      expect(await post(new URL(`${em.url}/v4/x`), '{}', { timeoutMs: TIMEOUT })).toEqual(
        timedOut(phase)
      )
      // The deadline is the behaviour under test: well before a second, not at the socket's idea.
      expect(Date.now() - started).toBeLessThan(TIMEOUT + 700)
    })

    it('a TLS handshake that never completes', async () => {
      const em = await emulator({ https: true })
      em.inject({ kind: 'stall' })
      expect(await post(new URL(`${em.url}/v4/x`), '{}', { timeoutMs: TIMEOUT })).toEqual(
        timedOut('the TLS handshake')
      )
    })

    it('a name that never resolves', async () => {
      const result = await post(new URL('http://gateway.octo.example:1/v4/x'), '{}', {
        timeoutMs: TIMEOUT,
        lookup: () => undefined
      })
      expect(result).toEqual(timedOut('connecting'))
    })

    it('a proxy that never answers CONNECT', async () => {
      const proxy = await startConnectProxy({ 'gateway.octo.example': 'silent' })
      closers.push(() => proxy.close())
      vi.stubEnv('HTTP_PROXY', proxy.url)
      const result = await post(new URL('http://gateway.octo.example:8080/v4/x'), '{}', {
        timeoutMs: TIMEOUT
      })
      expect(result).toEqual(timedOut('connecting'))
      expect(proxy.connects).toEqual(['gateway.octo.example:8080'])
    })
  })

  it('calls an answer cut off in the middle a network failure', async () => {
    const em = await emulator()
    em.inject({ kind: 'cut', processed: true })
    expect(await post(new URL(`${em.url}/v4/x`), '{}', { timeoutMs: TIMEOUT })).toEqual({
      ok: false,
      kind: 'network',
      retryable: true,
      detail: 'the connection closed before the whole answer arrived'
    })
  })

  it('stops reading an answer over 2 MB', async () => {
    const url = await server((_req, res) => {
      res.writeHead(200)
      res.end(Buffer.alloc(3 * 1024 * 1024, 32))
    })
    expect(await post(url, '{}', { timeoutMs: 5000 })).toEqual({
      ok: false,
      kind: 'network',
      retryable: true,
      detail: 'the answer is over 2097152 bytes'
    })
  })

  it('reads an answer of exactly 2 MB whole', async () => {
    const url = await server((_req, res) => {
      res.writeHead(200)
      res.end(Buffer.alloc(2 * 1024 * 1024, 32))
    })
    const answer = await post(url, '{}', { timeoutMs: 5000 })
    expect(answer.ok && answer.text.length).toBe(2 * 1024 * 1024)
  })

  it('calls a refused connection a network failure that may pass', async () => {
    const result = await post(new URL(`http://127.0.0.1:${await closedPort()}/x`), '{}', {
      timeoutMs: TIMEOUT
    })
    expect(result).toMatchObject({ ok: false, kind: 'network', retryable: true })
    expect(result.ok ? '' : result.detail).toMatch(/ECONNREFUSED/)
  })

  it('does not retry a certificate the runner does not trust', async () => {
    const em = await emulator({ https: true })
    expect(await post(new URL(`${em.url}/v4/x`), '{}', { timeoutMs: 2000 })).toMatchObject({
      ok: false,
      kind: 'certificate',
      retryable: false
    })
    expect(em.requests).toHaveLength(0)
  })

  it.each([
    [407, 'proxy', false],
    [403, 'proxy', false],
    [502, 'network', true]
  ])('a proxy answering CONNECT with %i is a %s failure', async (status, kind, retryable) => {
    const proxy = await startConnectProxy({ 'gateway.octo.example': { status } })
    closers.push(() => proxy.close())
    vi.stubEnv('HTTP_PROXY', proxy.url)
    const result = await post(new URL('http://gateway.octo.example:8080/v4/x'), '{}', {
      timeoutMs: TIMEOUT
    })
    expect(result).toMatchObject({ ok: false, kind, retryable })
    expect(result.ok ? '' : result.detail).toContain(`statusCode=${status}`)
  })

  describe('the runner’s proxy', () => {
    /** Resolves every name to loopback, answering in the form Node asks for. */
    const toLoopback: LookupFunction = (_hostname, options, callback) => {
      if (options.all) {
        ;(callback as (error: null, addresses: LookupAddress[]) => void)(null, [
          { address: '127.0.0.1', family: 4 }
        ])
      } else callback(null, '127.0.0.1', 4)
    }

    it.each([
      ['goes through it', 'NO_PROXY', '', 1],
      ['is bypassed for a host in NO_PROXY', 'NO_PROXY', 'gateway.octo.example', 0],
      ['is bypassed for a domain in no_proxy', 'no_proxy', '.octo.example', 0],
      ['is used for a host NO_PROXY does not name', 'NO_PROXY', 'other.example', 1]
    ])('%s (%s=%j)', async (_what, variable, noProxy, tunnels) => {
      const em = await emulator()
      const port = new URL(em.url).port
      const proxy = await startConnectProxy({ 'gateway.octo.example': Number(port) })
      closers.push(() => proxy.close())
      vi.stubEnv('HTTP_PROXY', proxy.url)
      vi.stubEnv('NO_PROXY', '')
      vi.stubEnv('no_proxy', '')
      vi.stubEnv(variable, noProxy)
      const answer = await post(new URL(`http://gateway.octo.example:${port}/v4/x`), '{}', {
        timeoutMs: 2000,
        lookup: toLoopback
      })
      expect(answer).toMatchObject({ ok: true, status: 200 })
      expect(proxy.connects).toHaveLength(tunnels)
      expect(em.requests).toHaveLength(1)
    })

    it('asks for an IPv6 literal in the brackets CONNECT needs', async () => {
      const em = await emulator()
      const port = new URL(em.url).port
      const proxy = await startConnectProxy({ '[2001:db8::1]': Number(port) })
      closers.push(() => proxy.close())
      vi.stubEnv('HTTP_PROXY', proxy.url)
      vi.stubEnv('NO_PROXY', '')
      vi.stubEnv('no_proxy', '')
      const answer = await post(new URL(`http://[2001:db8::1]:${port}/v4/x`), '{}', {
        timeoutMs: 2000
      })
      expect(answer).toMatchObject({ ok: true, status: 200 })
      expect(proxy.connects).toEqual([`[2001:db8::1]:${port}`])
    })
  })

  it('does not retry a name that does not exist', async () => {
    const result = await post(new URL('http://no-such-host.octo.example/x'), '{}', {
      timeoutMs: TIMEOUT,
      lookup: (hostname, _options, callback) => {
        const error = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {
          code: 'ENOTFOUND'
        })
        callback(error, '', 4)
      }
    })
    expect(result).toEqual({
      ok: false,
      kind: 'dns',
      retryable: false,
      detail: 'getaddrinfo ENOTFOUND no-such-host.octo.example'
    })
  })
})

describe('connections', () => {
  it('with a pool, the requests that follow reuse one connection; without, each has its own', async () => {
    const ports = new Set<number>()
    const url = await server((req, res) => {
      ports.add(req.socket.remotePort ?? 0)
      res.end('{"ErrorCode":0}')
    })
    const pool = connectionPool()
    for (let i = 0; i < 3; i++) {
      expect(await post(url, '{}', { timeoutMs: TIMEOUT, pool })).toMatchObject({ ok: true })
    }
    expect(ports.size).toBe(1)
    ports.clear()
    for (let i = 0; i < 3; i++) await post(url, '{}', { timeoutMs: TIMEOUT })
    expect(ports.size).toBe(3)
  })

  it('a kept connection gathers nothing from the requests it serves', async () => {
    const url = await server((_req, res) => res.end('{"ErrorCode":0}'))
    const pool = connectionPool()
    for (let i = 0; i < 12; i++) await post(url, '{}', { timeoutMs: TIMEOUT, pool })
    const [socket] = Object.values(pool.agentFor(url).freeSockets).flat()
    expect(socket).toBeDefined()
    // Listeners for the handshakes of its first request only, not one more per request.
    expect(socket?.listenerCount('secureConnect')).toBeLessThanOrEqual(1)
    expect(socket?.listenerCount('connect')).toBeLessThanOrEqual(1)
  })

  it('a reused connection still ends at the deadline, waiting for the answer', async () => {
    let n = 0
    const url = await server((_req, res) => {
      // The second request is never answered.
      if (++n === 1) res.end('{"ErrorCode":0}')
    })
    const pool = connectionPool()
    await post(url, '{}', { timeoutMs: TIMEOUT, pool })
    expect(await post(url, '{}', { timeoutMs: TIMEOUT, pool })).toEqual({
      ok: false,
      kind: 'timeout',
      retryable: true,
      detail: 'no answer within 0.3 s (waiting for the answer)'
    })
  })

  it('gives one agent per origin', () => {
    const pool = connectionPool()
    const a = pool.agentFor(new URL('https://console.tim.qq.com/v4/a'))
    expect(pool.agentFor(new URL('https://console.tim.qq.com/v4/b?x=1'))).toBe(a)
    expect(pool.agentFor(new URL('https://adminapi.my-imcloud.com/v4/a'))).not.toBe(a)
  })

  it('a try that has ended leaves no timer behind to hold its request', async () => {
    const url = await server((_req, res) => res.end('{"ErrorCode":0}'))
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length
    const before = timers()
    await post(url, '{}', { timeoutMs: 60_000 })
    expect(timers()).toBe(before)
  })
})

describe('transportFailure', () => {
  it.each([
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'certificate'],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'certificate'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'certificate'],
    ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'certificate'],
    ['CERT_HAS_EXPIRED', 'certificate'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'certificate'],
    ['HOSTNAME_MISMATCH', 'certificate'],
    ['ENOTFOUND', 'dns'],
    ['EAI_AGAIN', 'network'],
    ['ECONNRESET', 'network'],
    ['ETIMEDOUT', 'network'],
    [undefined, 'network']
  ])('classifies %s as %s', (code, kind) => {
    const error = Object.assign(new Error('boom'), code === undefined ? {} : { code })
    expect(transportFailure(error)).toEqual({
      ok: false,
      kind,
      retryable: kind === 'network',
      detail: 'boom'
    })
  })

  it('reads a thrown value that is not an Error', () => {
    expect(transportFailure('odd')).toEqual({
      ok: false,
      kind: 'network',
      retryable: true,
      detail: 'odd'
    })
  })
})
