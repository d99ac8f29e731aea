// Every way to deliver an announcement, by the `target` input that chooses it. A new target is
// a module implementing DeliveryTarget (target.ts) and one entry here (see the README's
// Architecture section for the rest it touches).
import { broadcast } from './broadcast.js'
import { liveRooms, namedGroups } from './groups.js'
import type { DeliveryTarget } from './target.js'

export const TARGETS = {
  broadcast,
  groups: namedGroups,
  'live-rooms': liveRooms
} as const satisfies Record<string, DeliveryTarget>

export type TargetName = keyof typeof TARGETS

export const TARGET_NAMES = Object.keys(TARGETS) as TargetName[]
