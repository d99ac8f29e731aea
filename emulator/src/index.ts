import {
  createServer as createHttpServer,
  type IncomingMessage,
  type ServerResponse
} from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { selfSignedCertificate } from './certificate.js'
import { FaultScript, parseFault, type Fault } from './faults.js'
import { BroadcastService, type AppOptions, type Broadcast, type RequestRecord } from './service.js'

export { BROADCAST_PATH } from './service.js'
export type { Fault } from './faults.js'

/** The app the emulator serves when none is given; `npm run demo` signs with this key. */
export const DEMO_APP = {
  sdkAppId: 1400000000,
  key: 'emulator-demo-secret-key-not-for-production',
  admin: 'administrator'
} as const

/** Where the emulator shows its state to tests, the demo and workflows (GET, JSON). */
export const STATE_PATH = '/__emulator/state'
/** Where faults are scripted over HTTP: POST `{"kind":"code","code":10002,"times":2}`; DELETE clears. */
const FAULTS_PATH = '/__emulator/faults'

export interface EmulatorOptions {
  /** Loopback by default; the emulator is never meant to face a network. */
  host?: string
  /** 0 (the default) picks a free port. */
  port?: number
  apps?: AppOptions[]
  /** Serve HTTPS with a fresh self-signed certificate (see `certificate`). */
  https?: boolean
  /** Extra DNS names the HTTPS certificate is valid for (such as Tencent's own domains). */
  hostnames?: string[]
  /** The emulator's clock in milliseconds, for tests of expiry, rate and repeats. */
  now?: () => number
  /** Called after each request is answered (the CLI logs with it). */
  onRequest?: (record: RequestRecord) => void
}

export interface Emulator {
  /** Base URL to give the action as `endpoint`. */
  url: string
  port: number
  /** The PEM certificate clients must trust, when serving HTTPS. */
  certificate: string | undefined
  service: BroadcastService
  /** Every message accepted, across apps, in order. */
  broadcasts: Broadcast[]
  /** Every request received, including rejected ones. */
  requests: RequestRecord[]
  rooms(sdkAppId?: number): Record<string, Broadcast[]>
  /** Scripts a fault for the next `times` broadcast requests. */
  inject(fault: Fault, times?: number): void
  close(): Promise<void>
}

/** Starts the emulated Tencent Chat REST endpoint. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const apps = options.apps ?? [{ ...DEMO_APP }]
  const service = new BroadcastService(apps)
  const now = options.now ?? Date.now
  const certificate = options.https ? selfSignedCertificate(options.hostnames) : undefined
  const faults = new FaultScript()

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://emulator')
      const body = Buffer.concat(chunks).toString('utf8')
      if (url.pathname === STATE_PATH && req.method === 'GET') {
        send(res, {
          broadcasts: service.broadcasts,
          rooms: Object.fromEntries(apps.map((app) => [app.sdkAppId, service.rooms(app.sdkAppId)])),
          requests: service.requests
        })
        return
      }
      if (url.pathname === FAULTS_PATH) {
        control(req.method, body, res)
        return
      }
      const fault = faults.next()
      const { answer, record } = service.handle(
        {
          method: req.method ?? 'GET',
          path: url.pathname,
          query: url.searchParams,
          body,
          userAgent: req.headers['user-agent'],
          now: now()
        },
        fault
      )
      options.onRequest?.(record)
      misbehave(fault, res, () => {
        send(res, answer)
      })
    })
  }

  const control = (method: string | undefined, body: string, res: ServerResponse): void => {
    try {
      if (method === 'DELETE') faults.clear()
      else if (method === 'POST') {
        const { fault, times } = parseFault(JSON.parse(body))
        faults.add(fault, times)
      } else throw new Error('use POST to add a fault or DELETE to clear them')
      send(res, { ok: true })
    } catch (error) {
      send(res, { ok: false, error: error instanceof Error ? error.message : String(error) }, 400)
    }
  }

  const server = certificate
    ? createHttpsServer({ key: certificate.key, cert: certificate.cert }, handler)
    : createHttpServer(handler)
  const host = options.host ?? '127.0.0.1'
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => {
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo
  const hostInUrl = host.includes(':') ? `[${host}]` : host

  return {
    url: `${certificate ? 'https' : 'http'}://${hostInUrl}:${port}`,
    port,
    certificate: certificate?.cert,
    service,
    broadcasts: service.broadcasts,
    requests: service.requests,
    rooms: (sdkAppId = apps[0]?.sdkAppId ?? DEMO_APP.sdkAppId) => service.rooms(sdkAppId),
    inject: (fault, times) => {
      faults.add(fault, times)
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve()
        })
        server.closeAllConnections()
      })
  }
}

/** Answers as the fault says; `answer` sends the backend's answer when the fault lets it. */
function misbehave(fault: Fault | undefined, res: ServerResponse, answer: () => void): void {
  switch (fault?.kind) {
    case 'http':
      res.writeHead(fault.status, { 'Content-Type': 'text/html' })
      res.end(`<html><body><h1>${fault.status}</h1>emulated gateway error</body></html>`)
      return
    case 'reset':
      res.socket?.resetAndDestroy()
      return
    case 'hang':
      return // the socket stays open, unanswered, until the client gives up or the emulator closes
    case 'not-json':
      res.writeHead(200, { 'Content-Type': 'text/html' })
      res.end('<html><body>Service temporarily unavailable</body></html>')
      return
    case 'latency':
      setTimeout(answer, fault.ms)
      return
    default:
      answer()
  }
}

function send(res: ServerResponse, value: unknown, status = 200): void {
  if (res.destroyed) return
  const body = JSON.stringify(value)
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body)
  })
  res.end(body)
}
