import { InvalidInput } from '../inputs/input-error.js'
import { isJson, isJsonObject, type JsonObject } from '../json.js'
import { messageOf } from '../prose.js'

/** The values `{{ path }}` placeholders can reach. */
export type TemplateContext = Readonly<Record<string, unknown>>

const PLACEHOLDER = /\{\{(.*?)\}\}/g
const PATH = /^[A-Za-z_][\w-]*(?:\.[\w-]+)*$/

/**
 * The paths a template refers to, checked for form only; whether they exist depends on the
 * event, so that is checked when the template is filled.
 */
export function placeholderPaths(template: string, input: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map(([whole, inner = '']) => {
    const path = inner.trim()
    if (!PATH.test(path)) {
      throw new InvalidInput(
        input,
        `has the placeholder ${whole}, which is not a path such as {{ event.release.tag_name }}.`
      )
    }
    return path
  })
}

/**
 * Fills a template string. A string that is exactly one placeholder takes the value as it is
 * (a number stays a number); otherwise each value is written into the text.
 */
function fillString(template: string, context: TemplateContext, input: string): unknown {
  const whole = /^\{\{([^{}]*)\}\}$/.exec(template)
  if (whole) return lookup(context, (whole[1] ?? '').trim(), input)
  return fillText(template, context, input)
}

/**
 * Fills a template that must give text, such as `title`: every value is written as text. The
 * template's placeholders were checked for form when the inputs were read.
 */
export function fillText(template: string, context: TemplateContext, input: string): string {
  return template.replace(PLACEHOLDER, (_whole, inner: string) =>
    asText(lookup(context, inner.trim(), input))
  )
}

/**
 * Fills every string leaf of a parsed template. Values are inserted after parsing, so no value
 * (quotes, backslashes, newlines in release notes) can change the template's structure.
 */
export function fillTree(value: unknown, context: TemplateContext, input: string): unknown {
  if (typeof value === 'string') return fillString(value, context, input)
  if (Array.isArray(value)) return value.map((item) => fillTree(item, context, input))
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, fillTree(item, context, input)])
    )
  }
  return value
}

/** Checks the form of every placeholder in a parsed template, before any event is read. */
function checkPlaceholders(value: unknown, input: string): void {
  if (typeof value === 'string') placeholderPaths(value, input)
  // A list's values are its items, so lists and mappings are walked alike.
  else if (typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) checkPlaceholders(item, input)
  }
}

/** Reads the text of the `data` input into a value. */
export type DataParser = (text: string) => unknown

export const parseJson: DataParser = (text) => JSON.parse(text) as unknown

/**
 * The parser for the `data` input: JSON's when the text is JSON (or empty), otherwise the YAML
 * parser, loaded only then. It is most of the action's code, and most workflows give JSON or no
 * `data` at all, so start-up does not pay for it.
 */
export async function dataParserFor(text: string): Promise<DataParser> {
  if (text === '' || isJson(text)) return parseJson
  // yaml is CommonJS: its exports are `default` both in Node and in the bundle's chunk.
  const { parseDocument } = (await import('yaml')).default
  return (source) => {
    const document = parseDocument(source, { prettyErrors: false, uniqueKeys: true })
    const [problem] = [...document.errors, ...document.warnings]
    if (problem) throw problem
    // Maps stay maps, so that a key that is not text is refused below rather than stringified.
    return document.toJS({ maxAliasCount: 50, mapAsMap: true }) as unknown
  }
}

/** How deep `data` may nest: far more than a message shape needs, far less than a stack holds. */
const MAX_DATA_DEPTH = 32

/**
 * The parsed `data` as plain JSON, or an error naming what JSON cannot hold: YAML's binary, sets,
 * timestamps, infinite numbers and keys that are not text, or nesting deeper than allowed.
 */
function jsonOnly(value: unknown, input: string, depth = 0): unknown {
  if (depth > MAX_DATA_DEPTH) {
    throw new InvalidInput(input, `nests deeper than ${MAX_DATA_DEPTH} levels.`)
  }
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value
  if (typeof value === 'number' && Number.isFinite(value)) return value
  if (Array.isArray(value)) return value.map((item) => jsonOnly(item, input, depth + 1))
  const entries =
    value instanceof Map
      ? [...(value as Map<unknown, unknown>)]
      : isPlainObject(value)
        ? Object.entries(value)
        : undefined
  if (entries === undefined) {
    throw new InvalidInput(
      input,
      `holds ${kindOf(value)}, which JSON cannot hold; write it as text.`
    )
  }
  return Object.fromEntries(
    entries.map(([key, item]) => {
      if (!['string', 'number', 'boolean'].includes(typeof key) && key !== null) {
        throw new InvalidInput(input, `has a key that is ${kindOf(key)}; keys must be text.`)
      }
      return [String(key), jsonOnly(item, input, depth + 1)]
    })
  )
}

/** An object as JSON makes them: not a Buffer, a Set, a Date or another class's instance. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (!isJsonObject(value)) return false
  const prototype: unknown = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}

function kindOf(value: unknown): string {
  if (typeof value === 'number') return `the number ${String(value)}`
  if (value instanceof Uint8Array) return 'binary data (!!binary)'
  if (value instanceof Set) return 'a set (!!set)'
  if (value instanceof Date) return 'a timestamp'
  if (value instanceof Map || isPlainObject(value) || Array.isArray(value)) return 'a collection'
  return `a ${typeof value}`
}

/** Reads the `data` input: a JSON or YAML mapping, with `parse` from `dataParserFor`. */
export function parseDataTemplate(text: string, input: string, parse: DataParser): JsonObject {
  let parsed: unknown
  try {
    parsed = parse(text)
  } catch (error) {
    const reason = messageOf(error).split('\n')[0]
    // A parser that runs out of stack met nesting far deeper than allowed.
    if (error instanceof RangeError || /call stack/i.test(reason ?? '')) {
      throw new InvalidInput(input, `nests deeper than ${MAX_DATA_DEPTH} levels.`)
    }
    throw new InvalidInput(input, `is neither valid JSON nor valid YAML: ${reason}`)
  }
  parsed = jsonOnly(parsed, input)
  if (!isJsonObject(parsed)) {
    throw new InvalidInput(
      input,
      `must be a JSON or YAML object (a mapping of keys to values), such as {"type": 1, "content": "{{ announcement.title }}"}.`
    )
  }
  checkPlaceholders(parsed, input)
  return parsed
}

/** The value at a dotted path; an unknown path is an error that names the nearest keys. */
function lookup(context: TemplateContext, path: string, input: string): unknown {
  let current: unknown = context
  const walked: string[] = []
  for (const key of path.split('.')) {
    const where = walked.length === 0 ? 'the template context' : walked.join('.')
    if (typeof current !== 'object' || current === null) {
      throw new InvalidInput(
        input,
        `refers to {{ ${path} }}, but ${where} is ${current === null ? 'null' : `a ${typeof current}`}, with no key "${key}".`
      )
    }
    if (!Object.hasOwn(current, key)) {
      const keys = Object.keys(current)
      const near = nearest(key, keys)
      const hint =
        keys.length === 0
          ? `${where} is empty in this event.`
          : `Nearest keys in ${where}: ${near.join(', ')}.`
      throw new InvalidInput(input, `refers to {{ ${path} }}, which is not known: ${hint}`)
    }
    current = (current as Record<string, unknown>)[key]
    walked.push(key)
  }
  return current
}

function asText(value: unknown): string {
  if (value === null || value === undefined) return ''
  // Numbers and booleans read the same in JSON; lists and mappings are written as JSON.
  return typeof value === 'string' ? value : JSON.stringify(value)
}

/** Up to three keys closest to `key`: those containing it (or contained in it) first, then by edit distance. */
function nearest(key: string, keys: string[]): string[] {
  const wanted = key.toLowerCase()
  const score = (candidate: string): number => {
    const lower = candidate.toLowerCase()
    const contains = lower.includes(wanted) || wanted.includes(lower)
    return (contains ? 0 : 1000) + editDistance(wanted, lower)
  }
  return keys
    .map((candidate) => ({ candidate, score: score(candidate) }))
    .sort((a, b) => a.score - b.score || a.candidate.localeCompare(b.candidate))
    .slice(0, 3)
    .map(({ candidate }) => candidate)
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1)
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution))
    }
    previous = current
  }
  return previous[b.length] ?? 0
}
