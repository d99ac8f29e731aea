/**
 * Faults the emulator can be told to produce, so tests (ours, and a user's own CI) can prove an
 * action survives them. `processed` faults let the message through before the answer is lost or
 * spoiled: the case where only Tencent's repeat detection keeps a retry from becoming a second
 * message. `stall` acts on the next connection rather than the next request.
 */
export type Fault = Aim &
  (
    | { kind: 'code'; code: number; info?: string }
    | { kind: 'http'; status: number; processed?: boolean }
    | { kind: 'reset'; processed?: boolean }
    | { kind: 'hang'; processed?: boolean }
    | { kind: 'not-json'; processed?: boolean }
    | { kind: 'latency'; ms: number }
    /** Any JSON answer in place of Tencent's (a contradictory one, a bad MsgSeq …). */
    | { kind: 'answer'; answer: unknown; processed?: boolean }
    /** A redirect to `location`. */
    | { kind: 'redirect'; status: number; location: string }
    /** The status line and headers one byte every `intervalMs` (500), never finished. */
    | { kind: 'slow-headers'; intervalMs?: number; processed?: boolean }
    /** The headers, then a space every `intervalMs` (500), never finished. */
    | { kind: 'trickle'; intervalMs?: number; processed?: boolean }
    /** The headers and half the answer, then the connection closes. */
    | { kind: 'cut'; processed?: boolean }
    /** The next connection is accepted and never spoken to: over HTTPS, no TLS handshake. */
    | { kind: 'stall' }
  )

/** Which requests a fault waits for: of one API (`send_group_msg` …), for one group. */
interface Aim {
  api?: string
  group?: string
}

interface Scripted {
  fault: Fault
  remaining: number
}

/** A queue of faults: each request (or, for `stall`, connection) takes the next one. */
export class FaultScript {
  private readonly queue: Scripted[] = []

  /** Adds a fault for the next `times` requests (after those already scripted). */
  add(fault: Fault, times = 1): void {
    if (!Number.isInteger(times) || times < 1) throw new Error('times must be a positive integer')
    this.queue.push({ fault, remaining: times })
  }

  clear(): void {
    this.queue.length = 0
  }

  /** The fault for the connection opening now: a `stall` at the head of the queue, if any. */
  nextConnection(): Fault | undefined {
    return this.queue[0]?.fault.kind === 'stall' ? this.take(0) : undefined
  }

  /**
   * The fault for the request arriving now: the first scripted for its API and group, or for
   * any (a `stall` waits for a connection; one aimed elsewhere waits for its own request).
   */
  next(request: { api: string; group: string | undefined }): Fault | undefined {
    const index = this.queue.findIndex(
      ({ fault }) =>
        fault.kind !== 'stall' &&
        (fault.api === undefined || fault.api === request.api) &&
        (fault.group === undefined || fault.group === request.group)
    )
    return index === -1 ? undefined : this.take(index)
  }

  private take(index = 0): Fault | undefined {
    const entry = this.queue[index]
    if (!entry) return undefined
    entry.remaining--
    if (entry.remaining === 0) this.queue.splice(index, 1)
    return entry.fault
  }
}

const KINDS =
  'code, http, reset, hang, not-json, latency, answer, redirect, slow-headers, trickle, cut or stall'

/** Reads a fault from untrusted JSON (the emulator's HTTP control endpoint). */
export function parseFault(value: unknown): { fault: Fault; times: number } {
  if (typeof value !== 'object' || value === null) throw new Error('expected a JSON object')
  const fields = value as Record<string, unknown>
  const { times = 1 } = fields
  const aim: Aim = {}
  for (const name of ['api', 'group'] as const) {
    const field = fields[name]
    if (field === undefined) continue
    if (typeof field !== 'string') throw new Error(`"${name}" must be a string`)
    aim[name] = field
  }
  return {
    fault: { ...kindOf(fields), ...aim },
    times: typeof times === 'number' ? times : Number.NaN
  }
}

/** The fault's kind and its own fields. */
function kindOf(fields: Record<string, unknown>): Fault {
  const { kind, processed } = fields
  const flag = processed === undefined ? {} : { processed: processed === true }
  const number = (name: string): number => {
    const field = fields[name]
    if (typeof field !== 'number') {
      throw new Error(`a ${String(kind)} fault needs a numeric "${name}"`)
    }
    return field
  }
  const interval = fields.intervalMs === undefined ? {} : { intervalMs: number('intervalMs') }
  switch (kind) {
    case 'code': {
      const { info } = fields
      return { kind, code: number('code'), ...(typeof info === 'string' ? { info } : {}) }
    }
    case 'http':
      return { kind, status: number('status'), ...flag }
    case 'reset':
    case 'hang':
    case 'not-json':
    case 'cut':
      return { kind, ...flag }
    case 'latency':
      return { kind, ms: number('ms') }
    case 'answer':
      if (!('answer' in fields)) throw new Error('an answer fault needs an "answer"')
      return { kind, answer: fields.answer, ...flag }
    case 'redirect': {
      const { location } = fields
      if (typeof location !== 'string') throw new Error('a redirect fault needs a "location"')
      return { kind, status: number('status'), location }
    }
    case 'slow-headers':
    case 'trickle':
      return { kind, ...interval, ...flag }
    case 'stall':
      return { kind }
    default:
      throw new Error(`"kind" must be ${KINDS}`)
  }
}
