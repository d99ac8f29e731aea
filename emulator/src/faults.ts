/**
 * Faults the emulator can be told to produce, so tests (ours, and a user's own CI) can prove an
 * action survives them. `processed` faults let the message through before the answer is lost or
 * spoiled: the case where only Tencent's repeat detection keeps a retry from becoming a second
 * message. `stall` acts on the next connection rather than the next request.
 */
export type Fault =
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
    return this.queue[0]?.fault.kind === 'stall' ? this.take() : undefined
  }

  /** The fault for the request arriving now, if any (a `stall` waits for a connection). */
  next(): Fault | undefined {
    return this.queue[0]?.fault.kind === 'stall' ? undefined : this.take()
  }

  private take(): Fault | undefined {
    const head = this.queue[0]
    if (!head) return undefined
    head.remaining--
    if (head.remaining === 0) this.queue.shift()
    return head.fault
  }
}

const KINDS =
  'code, http, reset, hang, not-json, latency, answer, redirect, slow-headers, trickle, cut or stall'

/** Reads a fault from untrusted JSON (the emulator's HTTP control endpoint). */
export function parseFault(value: unknown): { fault: Fault; times: number } {
  if (typeof value !== 'object' || value === null) throw new Error('expected a JSON object')
  const fields = value as Record<string, unknown>
  const { kind, processed, times = 1 } = fields
  const flag = processed === undefined ? {} : { processed: processed === true }
  const count = typeof times === 'number' ? times : Number.NaN
  const number = (name: string): number => {
    const field = fields[name]
    if (typeof field !== 'number')
      throw new Error(`a ${String(kind)} fault needs a numeric "${name}"`)
    return field
  }
  const interval = fields.intervalMs === undefined ? {} : { intervalMs: number('intervalMs') }
  switch (kind) {
    case 'code': {
      const { info } = fields
      return {
        fault: { kind, code: number('code'), ...(typeof info === 'string' ? { info } : {}) },
        times: count
      }
    }
    case 'http':
      return { fault: { kind, status: number('status'), ...flag }, times: count }
    case 'reset':
    case 'hang':
    case 'not-json':
    case 'cut':
      return { fault: { kind, ...flag }, times: count }
    case 'latency':
      return { fault: { kind, ms: number('ms') }, times: count }
    case 'answer':
      if (!('answer' in fields)) throw new Error('an answer fault needs an "answer"')
      return { fault: { kind, answer: fields.answer, ...flag }, times: count }
    case 'redirect': {
      const { location } = fields
      if (typeof location !== 'string') throw new Error('a redirect fault needs a "location"')
      return { fault: { kind, status: number('status'), location }, times: count }
    }
    case 'slow-headers':
    case 'trickle':
      return { fault: { kind, ...interval, ...flag }, times: count }
    case 'stall':
      return { fault: { kind }, times: count }
    default:
      throw new Error(`"kind" must be ${KINDS}`)
  }
}
