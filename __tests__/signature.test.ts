import { describe, expect, it, vi } from 'vitest'
import { verifyUserSig } from '../emulator/src/usersig.js'
import { Secrets } from '../src/secrets.js'
import { resolveUserSig } from '../src/deliver/signature.js'

describe('resolveUserSig', () => {
  it('signs a UserSig for the admin that lives the given seconds, and masks it', () => {
    const mask = vi.fn<(value: string) => void>()
    const now = Math.floor(Date.now() / 1000)
    const userSig = resolveUserSig(
      1400000000,
      'ops_admin',
      120,
      { kind: 'secret-key', secretKey: 'k3y' },
      new Secrets(mask)
    )
    const expected = { sdkAppId: 1400000000, identifier: 'ops_admin', key: 'k3y' }
    expect(verifyUserSig(userSig, { ...expected, now: now + 119 })).toEqual({ ok: true })
    expect(verifyUserSig(userSig, { ...expected, now: now + 122 })).toMatchObject({ code: 70001 })
    expect(mask).toHaveBeenCalledWith(userSig)
  })

  it('passes a ready UserSig through, and masks it', () => {
    const mask = vi.fn<(value: string) => void>()
    const userSig = resolveUserSig(
      1,
      'a',
      300,
      { kind: 'user-sig', userSig: 'ready-made' },
      new Secrets(mask)
    )
    expect(userSig).toBe('ready-made')
    expect(mask).toHaveBeenCalledWith('ready-made')
  })
})
