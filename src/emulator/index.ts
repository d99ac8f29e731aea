import {
  createServer as createHttpServer,
  type IncomingMessage,
  type ServerResponse
} from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { selfSignedCertificate } from './certificate.js'
import { BroadcastService, type AppOptions, type Broadcast, type RequestRecord } from './service.js'

export { BROADCAST_PATH, REPEAT_WINDOW_MS } from './service.js'
export type { AppOptions, Broadcast, RequestRecord } from './service.js'

/** The app the emulator serves when none is given; `npm run demo` signs with this key. */
export const DEMO_APP = {
  sdkAppId: 1400000000,
  key: 'emulator-demo-secret-key-not-for-production',
  admin: 'administrator'
} as const

/** Where the emulator shows its state to tests, the demo and workflows (GET, JSON). */
export const STATE_PATH = '/__emulator/state'

export interface EmulatorOptions {
  /** Loopback by default; the emulator is never meant to face a network. */
  host?: string
  /** 0 (the default) picks a free port. */
  port?: number
  apps?: AppOptions[]
  /** Serve HTTPS with a fresh self-signed certificate (see `certificate`). */
  https?: boolean
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
  close(): Promise<void>
}

/** Starts the emulated Tencent Chat REST endpoint. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const apps = options.apps ?? [{ ...DEMO_APP }]
  const service = new BroadcastService(apps)
  const now = options.now ?? Date.now
  const certificate = options.https ? selfSignedCertificate() : undefined

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://emulator')
      if (req.method === 'GET' && url.pathname === STATE_PATH) {
        const state = {
          broadcasts: service.broadcasts,
          rooms: Object.fromEntries(apps.map((app) => [app.sdkAppId, service.rooms(app.sdkAppId)])),
          requests: service.requests
        }
        send(res, state)
        return
      }
      const { answer, record } = service.handle({
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        body: Buffer.concat(chunks).toString('utf8'),
        userAgent: req.headers['user-agent'],
        now: now()
      })
      send(res, answer)
      options.onRequest?.(record)
    })
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
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve()
        })
        server.closeAllConnections()
      })
  }
}

function send(res: ServerResponse, value: unknown): void {
  const body = JSON.stringify(value)
  res.writeHead(200, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body)
  })
  res.end(body)
}
