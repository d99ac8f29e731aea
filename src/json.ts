/** A JSON object as parsed: keys to values of any JSON type. */
export type JsonObject = Record<string, unknown>

/** A plain object (not an array, not null): what a webhook payload or a mapping parses to. */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Follows a path of keys through nested objects; `undefined` where any step is missing. */
export function field(value: unknown, ...path: string[]): unknown {
  let current = value
  for (const key of path) {
    if (!isJsonObject(current)) return undefined
    current = current[key]
  }
  return current
}

/**
 * A string with something in it, or `undefined`. GitHub sends an optional URL or name as `""` or
 * `null` when it has none; both mean "not given".
 */
export function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}

/** Whether `text` parses as JSON (any JSON value). */
export function isJson(text: string): boolean {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}
