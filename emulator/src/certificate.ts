import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { messageOf } from '../../src/prose.js'

interface Certificate {
  key: string
  /** PEM; trust it in a client with `NODE_EXTRA_CA_CERTS` or the `ca` TLS option. */
  cert: string
}

/**
 * A throwaway self-signed certificate for localhost, 127.0.0.1, ::1 and any `hostnames`, made
 * with the `openssl`
 * command (present on every GitHub-hosted runner) rather than a bundled X.509 library.
 */
export function selfSignedCertificate(hostnames: string[] = []): Certificate {
  const dir = mkdtempSync(join(tmpdir(), 'tencent-chat-emulator-'))
  try {
    const key = join(dir, 'key.pem')
    const cert = join(dir, 'cert.pem')
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-days',
        '2',
        '-subj',
        '/CN=Tencent Chat emulator',
        '-addext',
        `subjectAltName=${['localhost', ...hostnames].map((name) => `DNS:${name}`).join(',')},IP:127.0.0.1,IP:::1`,
        '-addext',
        'basicConstraints=critical,CA:TRUE'
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] }
    )
    return { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') }
  } catch (error) {
    const reason = messageOf(error)
    throw new Error(`HTTPS needs the openssl command to make a certificate: ${reason}`)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
