/**
 * Faults the emulator can be told to produce, request by request, so tests can prove the action
 * survives them. `processed` faults let the message through before the answer is lost, the case
 * where only Tencent's repeat detection keeps a retry from becoming a second message.
 */
export type Fault =
  | { kind: 'code'; code: number; info?: string }
  | { kind: 'http'; status: number; processed?: boolean }
  | { kind: 'reset'; processed?: boolean }
  | { kind: 'hang'; processed?: boolean }
  | { kind: 'not-json'; processed?: boolean }
  | { kind: 'latency'; ms: number }

interface Scripted {
  fault: Fault
  remaining: number
}

/** A queue of faults: each broadcast request takes the next one, until none are left. */
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

  /** The fault for the request arriving now, if any. */
  next(): Fault | undefined {
    const head = this.queue[0]
    if (!head) return undefined
    head.remaining--
    if (head.remaining === 0) this.queue.shift()
    return head.fault
  }
}

/** Reads a fault from untrusted JSON (the emulator's HTTP control endpoint). */
export function parseFault(value: unknown): { fault: Fault; times: number } {
  if (typeof value !== 'object' || value === null) throw new Error('expected a JSON object')
  const { kind, code, status, ms, processed, info, times = 1 } = value as Record<string, unknown>
  const flag = processed === undefined ? {} : { processed: processed === true }
  const count = typeof times === 'number' ? times : Number.NaN
  switch (kind) {
    case 'code':
      if (typeof code !== 'number') throw new Error('a code fault needs a numeric "code"')
      return { fault: { kind, code, ...(typeof info === 'string' ? { info } : {}) }, times: count }
    case 'http':
      if (typeof status !== 'number') throw new Error('an http fault needs a numeric "status"')
      return { fault: { kind, status, ...flag }, times: count }
    case 'reset':
    case 'hang':
    case 'not-json':
      return { fault: { kind, ...flag }, times: count }
    case 'latency':
      if (typeof ms !== 'number') throw new Error('a latency fault needs a numeric "ms"')
      return { fault: { kind, ms }, times: count }
    default:
      throw new Error('"kind" must be code, http, reset, hang, not-json or latency')
  }
}
