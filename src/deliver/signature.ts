import { Api } from 'tls-sig-api-v2'
import type { Credentials } from '../inputs/config.js'
import type { Secrets } from '../secrets.js'

/**
 * The UserSig for a try: the one given, or a short-lived one signed now for the admin account.
 * It is a credential, so it is registered before the caller can print anything that holds it.
 */
export function resolveUserSig(
  sdkAppId: number,
  identifier: string,
  ttlSeconds: number,
  credentials: Credentials,
  secrets: Secrets
): string {
  const userSig =
    credentials.kind === 'user-sig'
      ? credentials.userSig
      : new Api(sdkAppId, credentials.secretKey).genUserSig(identifier, ttlSeconds)
  secrets.add(userSig)
  return userSig
}
