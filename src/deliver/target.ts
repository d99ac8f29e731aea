import type { Log } from '../dependencies.js'
import type { Config } from '../inputs/config.js'
import type { Skip } from '../plan/announcement.js'
import type { Plan } from '../plan/plan.js'
import type { GroupsDelivery } from './fan-out/fan-out.js'
import type { Requests } from './requests.js'
import type { Retried } from './retries.js'
import type { Api } from './tencent-api.js'

/**
 * How delivery went, as reporting tells it: one message that every live room receives, or one
 * message for each group.
 */
export type Delivery = { kind: 'one'; sent: Retried } | { kind: 'each'; groups: GroupsDelivery }

/** What a target says of where the announcement goes. */
export interface Where {
  /** The line said before it is sent, from `what` ("the release announcement … (N bytes)"). */
  sending: (what: string) => string
  /** What a dry run adds after "was rendered and checked". */
  dryRun: string
  /** The summary's Target row, before the SDKAppID. */
  summary: string
}

/**
 * One way to deliver an announcement, chosen by the `target` input (see targets.ts). A target
 * says how its request body looks, where it goes, and how it delivers, through the run's
 * requests (requests.ts) it is handed.
 */
export interface DeliveryTarget {
  /** The APIs it calls: the URLs that carry the UserSig are masked before any request. */
  readonly apis: readonly Api[]
  /**
   * The body a dry run and the `payload` output show, and the Random every recipient's message
   * has, when there is one (for groups, each has its own).
   */
  preview: (plan: Plan) => { body: object; random: number | undefined }
  /** Where it goes; `host` is where the requests went (or go first). */
  where: (config: Config, host: string) => Where
  /** Delivers the announcement, or says why there was nothing to deliver to. */
  deliver: (plan: Plan, requests: Requests, log: Log) => Promise<Delivery | Skip>
}
