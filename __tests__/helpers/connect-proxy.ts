import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { connect } from 'node:net'
import type { Duplex } from 'node:stream'

interface ConnectProxy {
  url: string
  /** Every CONNECT target asked for, as `host:port`, in order. */
  connects: string[]
  close(): Promise<void>
}

/**
 * Where the proxy sends a CONNECT for a host: a loopback port; `refuse` (502, as a proxy answers
 * for an unreachable host); another status (403, 407 …); or `silent` (never answered).
 */
type Route = number | 'refuse' | 'silent' | { status: number }

/**
 * An HTTP CONNECT proxy on loopback, as runners use through HTTPS_PROXY. It resolves no names:
 * `routes` maps a host to a route. Unlisted hosts are refused, so nothing can leave the machine.
 */
export async function startConnectProxy(routes: Record<string, Route>): Promise<ConnectProxy> {
  const connects: string[] = []
  // Tunnels leave the HTTP server's bookkeeping, so close() ends them itself.
  const sockets = new Set<Duplex>()
  const server = createServer((_req, res) => {
    res.writeHead(405).end()
  })
  server.on('connect', (req, client, head) => {
    const target = req.url ?? ''
    connects.push(target)
    sockets.add(client)
    const route = routes[target.replace(/:\d+$/, '')] ?? 'refuse'
    if (route === 'silent') return
    if (typeof route !== 'number') {
      const status = route === 'refuse' ? 502 : route.status
      client.end(`HTTP/1.1 ${status} Refused\r\n\r\n`)
      return
    }
    const upstream = connect(route, '127.0.0.1', () => {
      sockets.add(upstream)
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    upstream.on('error', () => client.destroy())
    client.on('error', () => upstream.destroy())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    connects,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.closeAllConnections()
        server.close(() => {
          resolve()
        })
      })
  }
}
