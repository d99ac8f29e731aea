import { createHmac, timingSafeEqual } from 'node:crypto'
import { inflateSync } from 'node:zlib'

/** A verdict on a UserSig, in Tencent's own codes. */
type UserSigVerdict = { ok: true } | { ok: false; code: number; info: string }

interface UserSigExpectation {
  sdkAppId: number
  identifier: string
  key: string
  /** Seconds since the epoch. */
  now: number
}

/**
 * Verifies a TLSSigAPIv2 UserSig the way Tencent's Go and PHP libraries do: undo the URL-safe
 * escaping, inflate, parse, compare SDKAppID, then identifier, then expiry, then the HMAC.
 * Written from the algorithm, not from `tls-sig-api-v2`, so the two check each other.
 */
export function verifyUserSig(userSig: string, expected: UserSigExpectation): UserSigVerdict {
  if (userSig === '') return { ok: false, code: 70002, info: 'usersig is empty' }
  const doc = decode(userSig)
  if (doc === undefined) return { ok: false, code: 70003, info: 'usersig is invalid' }

  const { 'TLS.sdkappid': sdkAppId, 'TLS.identifier': identifier } = doc
  const { 'TLS.time': time, 'TLS.expire': expire, 'TLS.sig': sig, 'TLS.userbuf': userBuf } = doc
  if (
    typeof identifier !== 'string' ||
    typeof sdkAppId !== 'number' ||
    typeof time !== 'number' ||
    typeof expire !== 'number' ||
    typeof sig !== 'string' ||
    (userBuf !== undefined && typeof userBuf !== 'string')
  ) {
    return { ok: false, code: 70003, info: 'usersig is invalid: fields missing' }
  }
  if (sdkAppId !== expected.sdkAppId) {
    return { ok: false, code: 70014, info: 'sdkappid in the request and in the usersig differ' }
  }
  if (identifier !== expected.identifier) {
    return { ok: false, code: 70013, info: 'identifier in the request and in the usersig differ' }
  }
  if (expected.now > time + expire) {
    return { ok: false, code: 70001, info: 'usersig expired' }
  }
  const signed =
    `TLS.identifier:${identifier}\nTLS.sdkappid:${sdkAppId}\nTLS.time:${time}\nTLS.expire:${expire}\n` +
    (userBuf === undefined ? '' : `TLS.userbuf:${userBuf}\n`)
  const want = createHmac('sha256', expected.key).update(signed, 'utf8').digest()
  const got = Buffer.from(sig, 'base64')
  if (got.length !== want.length || !timingSafeEqual(got, want)) {
    return { ok: false, code: 70009, info: 'usersig check failed: wrong key or sdkappid' }
  }
  return { ok: true }
}

/** Inflates and parses a ticket; `undefined` when it is not one. */
function decode(userSig: string): Record<string, unknown> | undefined {
  const base64 = userSig.replaceAll('*', '+').replaceAll('-', '/').replaceAll('_', '=')
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) return undefined
  try {
    const doc: unknown = JSON.parse(inflateSync(Buffer.from(base64, 'base64')).toString('utf8'))
    return typeof doc === 'object' && doc !== null && !Array.isArray(doc)
      ? (doc as Record<string, unknown>)
      : undefined
  } catch {
    return undefined
  }
}
