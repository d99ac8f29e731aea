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

/**
 * The digits of a number at the top level of a JSON object, exactly as written: `"Next": 2^60 + 1`
 * read through `JSON.parse` would come back rounded. `undefined` when the key is absent or its
 * value is not a non-negative integer. The text must be valid JSON (parse it first).
 */
export function topLevelInteger(text: string, key: string): string | undefined {
  let depth = 0
  let found: string | undefined
  for (let at = 0; at < text.length; at++) {
    const char = text[at]
    if (char === '"') {
      const end = stringEnd(text, at)
      // A key (a string followed by a colon) at the top level: is it ours? As in JSON.parse, the
      // last of repeated keys counts.
      COLON.lastIndex = end + 1
      const colon = COLON.exec(text)
      if (depth === 1 && colon && JSON.parse(text.slice(at, end + 1)) === key) {
        INTEGER.lastIndex = COLON.lastIndex
        found = INTEGER.exec(text)?.[1]
      }
      at = end
    } else if (char === '{' || char === '[') depth++
    else if (char === '}' || char === ']') depth--
  }
  return found
}

/** A colon after a string: the string was a key. */
const COLON = /\s*:\s*/y
/** A whole non-negative integer, and nothing more of the same value. */
const INTEGER = /(\d+)\s*[,}]/y

/** Where the JSON string that opens at `start` closes. */
function stringEnd(text: string, start: number): number {
  let at = start + 1
  while (at < text.length && text[at] !== '"') at += text[at] === '\\' ? 2 : 1
  return at
}
