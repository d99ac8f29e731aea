import { Api } from 'tls-sig-api-v2'
import type { Config } from './config.js'
import { registerSecret } from './secrets.js'

/**
 * The UserSig for this run: the one given, or a short-lived one signed for the admin account.
 * It is a credential, so it is masked before the caller can print anything that holds it.
 */
export function resolveUserSig(config: Config): string {
  const { credentials } = config
  const userSig =
    credentials.kind === 'user-sig'
      ? credentials.userSig
      : new Api(config.sdkAppId, credentials.secretKey).genUserSig(
          config.adminIdentifier,
          config.userSigTtl
        )
  registerSecret(userSig)
  return userSig
}
