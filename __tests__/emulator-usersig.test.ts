import { createHmac } from 'node:crypto'
import { deflateSync, inflateSync } from 'node:zlib'
import { Api } from 'tls-sig-api-v2'
import { describe, expect, it, vi } from 'vitest'
import { verifyUserSig } from '../emulator/src/usersig.js'

const APP = 1400000000
const KEY = '5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e'
const ADMIN = 'administrator'

/** A ticket from the real library, signed at `at` (seconds since the epoch). */
function sign(at: number, options: { app?: number; key?: string; id?: string; ttl?: number } = {}) {
  vi.useFakeTimers({ now: at * 1000 })
  try {
    return new Api(options.app ?? APP, options.key ?? KEY).genUserSig(
      options.id ?? ADMIN,
      options.ttl ?? 300
    )
  } finally {
    vi.useRealTimers()
  }
}

const at = 1_795_000_000
const expect_ = { sdkAppId: APP, identifier: ADMIN, key: KEY, now: at + 10 }

/** The ticket's JSON document, rebuilt after `change` and signed again with `key`. */
function reencode(ticket: string, change: (doc: Record<string, unknown>) => void, level = 6) {
  const base64 = ticket.replaceAll('*', '+').replaceAll('-', '/').replaceAll('_', '=')
  const doc = JSON.parse(inflateSync(Buffer.from(base64, 'base64')).toString()) as Record<
    string,
    unknown
  >
  change(doc)
  return deflateSync(Buffer.from(JSON.stringify(doc)), { level })
    .toString('base64')
    .replaceAll('+', '*')
    .replaceAll('/', '-')
    .replaceAll('=', '_')
}

describe('the emulator verifies UserSigs as Tencent does', () => {
  it('accepts tickets signed by tls-sig-api-v2', () => {
    expect(verifyUserSig(sign(at), expect_)).toEqual({ ok: true })
  })

  it('accepts a ticket until its last second and rejects it after (70001)', () => {
    const ticket = sign(at, { ttl: 60 })
    expect(verifyUserSig(ticket, { ...expect_, now: at + 60 })).toEqual({ ok: true })
    expect(verifyUserSig(ticket, { ...expect_, now: at + 61 })).toMatchObject({ code: 70001 })
  })

  it('rejects a ticket signed with another key (70009)', () => {
    expect(verifyUserSig(sign(at, { key: 'another-key' }), expect_)).toMatchObject({
      ok: false,
      code: 70009
    })
  })

  it('rejects a ticket for another app (70014)', () => {
    expect(verifyUserSig(sign(at, { app: 1400000001 }), expect_)).toMatchObject({ code: 70014 })
  })

  it('rejects a ticket for another identifier (70013)', () => {
    expect(verifyUserSig(sign(at, { id: 'someone' }), expect_)).toMatchObject({ code: 70013 })
  })

  it('rejects a tampered ticket: a longer lifetime without a new HMAC (70009)', () => {
    const tampered = reencode(sign(at), (doc) => (doc['TLS.expire'] = 86400 * 365))
    expect(verifyUserSig(tampered, { ...expect_, now: at + 1000 })).toMatchObject({ code: 70009 })
  })

  it('rejects a ticket whose bytes were altered (70003)', () => {
    const ticket = sign(at)
    const broken = ticket.slice(0, 20) + (ticket[20] === 'A' ? 'B' : 'A') + ticket.slice(21)
    expect(verifyUserSig(broken, expect_)).toMatchObject({ ok: false })
    expect(verifyUserSig('not a ticket', expect_)).toMatchObject({ code: 70003 })
  })

  it('rejects an empty ticket (70002)', () => {
    expect(verifyUserSig('', expect_)).toMatchObject({ code: 70002 })
  })

  it('inflates any zlib level, stored blocks included', () => {
    const stored = reencode(sign(at), () => undefined, 0)
    expect(stored).not.toBe(sign(at))
    expect(verifyUserSig(stored, expect_)).toEqual({ ok: true })
  })

  it('hashes a non-ASCII identifier as UTF-8', () => {
    const id = '管理员'
    const ticket = sign(at, { id })
    expect(verifyUserSig(ticket, { ...expect_, identifier: id })).toEqual({ ok: true })
    // The same check done by hand, so the verifier cannot agree with the library by accident.
    const signed = `TLS.identifier:${id}\nTLS.sdkappid:${APP}\nTLS.time:${at}\nTLS.expire:300\n`
    const hmac = createHmac('sha256', KEY).update(Buffer.from(signed, 'utf8')).digest('base64')
    const handMade = reencode(ticket, (doc) => (doc['TLS.sig'] = hmac))
    expect(verifyUserSig(handMade, { ...expect_, identifier: id })).toEqual({ ok: true })
  })
})
