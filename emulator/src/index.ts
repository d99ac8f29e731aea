import {
  createServer as createHttpServer,
  type IncomingMessage,
  type ServerResponse
} from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net'
import { appView } from './app-view.js'
import { selfSignedCertificate } from './certificate.js'
import { FaultScript, parseFault, type Fault } from './faults.js'
import {
  BroadcastService,
  GROUP_MESSAGE_PATH,
  groupIdOf,
  type Answer,
  type AppOptions,
  type Broadcast,
  type Message,
  type RequestRecord
} from './service.js'
import { messageOf } from '../../src/prose.js'

export { BROADCAST_PATH, DEMO_GROUPS, GROUP_LIST_PATH, GROUP_MESSAGE_PATH } from './service.js'
export type { GroupType, Message } from './service.js'
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
  /**
   * A round trip to a far region, in ms: every answer waits this long, and so does every new
   * connection (its handshakes), so that reusing connections shows as it would over the ocean.
   */
  latencyMs?: number
}

export interface Emulator {
  /** Base URL to give the action as `endpoint`. */
  url: string
  port: number
  /** The PEM certificate clients must trust, when serving HTTPS. */
  certificate: string | undefined
  service: BroadcastService
  /** Every broadcast accepted, across apps, in order. */
  broadcasts: Broadcast[]
  /** Every group message accepted, across apps, in order. */
  groupMessages: Message[]
  /** Every request received, including rejected ones. */
  requests: RequestRecord[]
  /** What each live room (AVChatRoom) received: broadcasts and its own messages. */
  rooms(sdkAppId?: number): Record<string, Message[]>
  /** What each group received. */
  groups(sdkAppId?: number): Record<string, Message[]>
  /** Scripts a fault for the next `times` requests (of one API or group, when it says so). */
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
  const latencyMs = options.latencyMs ?? 0
  const later = (act: () => void): void => {
    if (latencyMs > 0) setTimeout(act, latencyMs)
    else act()
  }

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://emulator')
      const body = Buffer.concat(chunks).toString('utf8')
      if (url.pathname === STATE_PATH && req.method === 'GET') {
        send(res, {
          broadcasts: service.broadcasts,
          groupMessages: service.groupMessages,
          rooms: Object.fromEntries(apps.map((app) => [app.sdkAppId, service.rooms(app.sdkAppId)])),
          groups: Object.fromEntries(
            apps.map((app) => [app.sdkAppId, service.groups(app.sdkAppId)])
          ),
          inApp: Object.fromEntries(
            apps.map((app) => [app.sdkAppId, appView(service.groups(app.sdkAppId))])
          ),
          requests: service.requests
        })
        return
      }
      if (url.pathname === FAULTS_PATH) {
        control(req.method, body, res)
        return
      }
      const fault = faults.next({
        api: url.pathname.slice(url.pathname.lastIndexOf('/') + 1),
        group: url.pathname === GROUP_MESSAGE_PATH ? groupIdOf(body) : undefined
      })
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
      later(() => {
        misbehave(fault, res, answer, () => {
          send(res, answer)
        })
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
      send(res, { ok: false, error: messageOf(error) }, 400)
    }
  }

  const server = certificate
    ? createHttpsServer({ key: certificate.key, cert: certificate.cert }, handler)
    : createHttpServer(handler)
  // Connections arrive here first, so that a `stall` can keep one before HTTP (or TLS) sees it.
  // The HTTP server does not listen itself, so it does not track them: close() ends them here.
  const sockets = new Set<Socket>()
  const listener = createNetServer((socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => undefined)
    if (faults.nextConnection() === undefined) {
      later(() => server.emit('connection', socket))
    }
  })
  const host = options.host ?? '127.0.0.1'
  await new Promise<void>((resolve, reject) => {
    listener.once('error', reject)
    listener.listen(options.port ?? 0, host, () => {
      resolve()
    })
  })
  const { port } = listener.address() as AddressInfo
  const hostInUrl = host.includes(':') ? `[${host}]` : host

  return {
    url: `${certificate ? 'https' : 'http'}://${hostInUrl}:${port}`,
    port,
    certificate: certificate?.cert,
    service,
    broadcasts: service.broadcasts,
    groupMessages: service.groupMessages,
    requests: service.requests,
    rooms: (sdkAppId = apps[0]?.sdkAppId ?? DEMO_APP.sdkAppId) => service.rooms(sdkAppId),
    groups: (sdkAppId = apps[0]?.sdkAppId ?? DEMO_APP.sdkAppId) => service.groups(sdkAppId),
    inject: (fault, times) => {
      faults.add(fault, times)
    },
    close: () =>
      new Promise<void>((resolve) => {
        listener.close(() => {
          resolve()
        })
        for (const socket of sockets) socket.destroy()
      })
  }
}

/** Answers as the fault says; `answer` sends the backend's answer when the fault lets it. */
function misbehave(
  fault: Fault | undefined,
  res: ServerResponse,
  backend: Answer | undefined,
  answer: () => void
): void {
  switch (fault?.kind) {
    case 'answer':
      send(res, fault.answer)
      return
    case 'redirect':
      res.writeHead(fault.status, { Location: fault.location, 'Content-Length': 0 })
      res.end()
      return
    case 'slow-headers': {
      // Written to the socket itself: a ServerResponse would send its headers in one piece.
      const head = 'HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\n'
      const socket = res.socket
      let at = 0
      const timer = setInterval(() => {
        const byte = at < head.length ? head[at] : 'X-Slow: x\r\n'[(at - head.length) % 11]
        at++
        socket?.write(byte ?? '')
      }, fault.intervalMs ?? 500)
      socket?.once('close', () => {
        clearInterval(timer)
      })
      return
    }
    case 'trickle': {
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' })
      const timer = setInterval(() => res.write(' '), fault.intervalMs ?? 500)
      res.once('close', () => {
        clearInterval(timer)
      })
      return
    }
    case 'cut': {
      const body = JSON.stringify(backend ?? { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' })
      res.writeHead(200, {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Length': Buffer.byteLength(body)
      })
      res.write(body.slice(0, Math.floor(body.length / 2)), () => res.socket?.destroy())
      return
    }
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
  const body = jsonText(value)
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body)
  })
  res.end(body)
}

/** JSON, with a BigInt (a list's `Next` cursor) written as the bare number it is. */
function jsonText(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    typeof item === 'bigint' ? `\u0000${item}\u0000` : item
  ).replace(/"\\u0000(\d+)\\u0000"/g, '$1')
}
