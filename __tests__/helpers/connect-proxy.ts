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
 * An HTTP CONNECT proxy on loopback, as runners use through HTTPS_PROXY. It resolves no names:
 * `routes` maps a host to a loopback port, or to `refuse` (answered 502, as a proxy does for an
 * unreachable host). Unlisted hosts are refused too, so nothing can leave the machine.
 */
export async function startConnectProxy(
  routes: Record<string, number | 'refuse'>
): Promise<ConnectProxy> {
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
    const route = routes[target.replace(/:\d+$/, '')]
    if (route === undefined || route === 'refuse') {
      client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n')
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
