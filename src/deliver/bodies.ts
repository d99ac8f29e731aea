import { createHash } from 'node:crypto'
import type { RenderedMessage } from '../plan/message.js'

/** What every request body is made from, besides the message. */
export interface BodyOptions {
  fromAccount: string | undefined
  cloudCustomData: string | undefined
  /**
   * The `random` input: the broadcast's Random as it is, mixed into each group's. Without it,
   * the Random is derived from `origin` and the content.
   */
  random: number | undefined
  origin: Origin
}

/** Where an announcement comes from: one job of one workflow run of one repository. */
interface Origin {
  repository: string
  runId: string
  job: string
}

/** What a message says, as its derived Random hashes it (in this key order, which pins it). */
export function contentOf(
  message: Pick<RenderedMessage, 'msgBody'>,
  options: Pick<BodyOptions, 'fromAccount' | 'cloudCustomData'>
) {
  return {
    msgBody: message.msgBody,
    fromAccount: options.fromAccount,
    cloudCustomData: options.cloudCustomData
  }
}

/** A body field that is there only when it was given. */
export function optional<Name extends string>(
  name: Name,
  value: string | undefined
): Partial<Record<Name, string>> {
  return value === undefined ? {} : ({ [name]: value } as Record<Name, string>)
}

/**
 * The body Random when none is given: a hash of where the announcement comes from and of
 * everything it says. A re-run of the same run renders the same content, so within Tencent's
 * five-minute window it gets the same Random and is discarded as a repeat instead of being
 * announced twice. The run attempt is left out on purpose.
 */
export function derivedRandom(origin: Origin, content: unknown): number {
  const digest = createHash('sha256')
    .update(JSON.stringify([origin.repository, origin.runId, origin.job, content]))
    .digest()
  return digest.readUInt32BE(0)
}
