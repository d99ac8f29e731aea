// Writes client/src/schema.ts from schema/announcement-v1.schema.json: the Announcement types and
// the table of checks the reader runs, so that neither can drift from the schema. It understands
// exactly the keywords the schema uses and stops on any other, so a schema change it cannot
// express breaks the build instead of loosening the reader.
//
//   node client/scripts/generate.mjs           # write client/src/schema.ts
//   await generateSchemaModule(schema)         # the text, for the test that proves it current
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { format, resolveConfig } from 'prettier'

const SCHEMA = fileURLToPath(new URL('../../schema/announcement-v1.schema.json', import.meta.url))
const OUTPUT = fileURLToPath(new URL('../src/schema.ts', import.meta.url))

/** Keywords that only annotate: they change nothing a validator accepts. */
const ANNOTATIONS = new Set(['description', 'title', 'default', 'format', '$schema'])

/**
 * @param {string} where
 * @param {Record<string, unknown>} schema
 * @param {string[]} understood
 */
function only(where, schema, understood) {
  for (const key of Object.keys(schema)) {
    if (!understood.includes(key) && !ANNOTATIONS.has(key)) {
      throw new Error(`${where}: the generator does not understand "${key}"`)
    }
  }
}

/**
 * One field's check, from its property schema.
 * @param {string} name
 * @param {any} property
 * @returns {{ check: Record<string, unknown>, type: string }}
 */
function fieldOf(name, property) {
  const where = `properties.${name}`
  if ('const' in property) {
    only(where, property, ['const'])
    return { check: { is: 'const', value: property.const }, type: JSON.stringify(property.const) }
  }
  if ('enum' in property) {
    only(where, property, ['enum'])
    return {
      check: { is: 'enum', values: property.enum },
      type: property.enum.map((/** @type {unknown} */ v) => JSON.stringify(v)).join(' | ')
    }
  }
  if (property.type === 'string') {
    only(where, property, ['type', 'pattern'])
    return {
      check: { is: 'string', ...(property.pattern ? { pattern: property.pattern } : {}) },
      type: 'string'
    }
  }
  if (property.type === 'boolean') {
    only(where, property, ['type'])
    return { check: { is: 'boolean' }, type: 'boolean' }
  }
  throw new Error(`${where}: the generator does not understand this field's type`)
}

/**
 * A doc comment of the schema's description, wrapped to the repository's 100 columns.
 * @param {string} description
 */
function doc(description, indent = '') {
  const text = description.replaceAll('*/', '*\\/')
  if (indent.length + text.length + 7 <= 100) return `${indent}/** ${text} */\n`
  const lines = ['']
  for (const word of text.split(' ')) {
    const last = lines.length - 1
    if (lines[last] && indent.length + 3 + lines[last].length + 1 + word.length > 100) {
      lines.push(word)
    } else lines[last] = lines[last] ? `${lines[last]} ${word}` : word
  }
  return `${indent}/**\n${lines.map((line) => `${indent} * ${line}\n`).join('')}${indent} */\n`
}

/** @param {string} kind */
const typeName = (kind) => `${kind[0]?.toUpperCase()}${kind.slice(1)}Announcement`

/**
 * The text of client/src/schema.ts for a schema, formatted as the repository formats TypeScript.
 * @param {any} schema
 * @returns {Promise<string>}
 */
export async function generateSchemaModule(schema) {
  const options = await resolveConfig(OUTPUT)
  return format(moduleText(schema), { ...options, filepath: OUTPUT })
}

/**
 * @param {any} schema
 * @returns {string}
 */
function moduleText(schema) {
  only('the schema', schema, ['type', 'required', 'properties', 'oneOf', 'additionalProperties'])
  if (schema.type !== 'object' || schema.additionalProperties !== true) {
    throw new Error('the schema must describe an object that allows new optional fields')
  }
  const required = new Set(schema.required)
  const names = Object.keys(schema.properties)
  const fields = names.map((name) => ({ name, ...fieldOf(name, schema.properties[name]) }))
  const kindEnum = schema.properties.kind?.enum
  if (!Array.isArray(kindEnum)) throw new Error('the schema must have a kind enum')

  // Each kind's variant: which fields it forbids (`false`) and which it also requires.
  const variants = schema.oneOf.map((/** @type {any} */ variant) => {
    only(`oneOf "${variant.title}"`, variant, ['properties', 'required'])
    const kind = variant.properties?.kind?.const
    if (kind !== variant.title || !kindEnum.includes(kind)) {
      throw new Error(`oneOf "${variant.title}": must be titled by, and fix, one kind`)
    }
    const forbidden = []
    for (const [name, rule] of Object.entries(variant.properties)) {
      if (!names.includes(name)) throw new Error(`oneOf "${kind}": ${name} is not a field`)
      if (rule === false) forbidden.push(name)
      else if (rule !== true && name !== 'kind') {
        throw new Error(`oneOf "${kind}": only true or false may narrow ${name}`)
      }
    }
    return { kind, description: variant.description, forbidden, required: variant.required ?? [] }
  })
  if (variants.map((/** @type {{ kind: string }} */ v) => v.kind).join() !== kindEnum.join()) {
    throw new Error('oneOf must have one variant per kind, in the order of the kind enum')
  }

  // A field is common unless some kind forbids it; those belong to the kinds that allow them.
  const kindSpecific = new Set(variants.flatMap((/** @type {any} */ v) => v.forbidden))
  /**
   * @param {{ name: string, type: string }} field
   * @param {boolean} isRequired
   */
  const member = (field, isRequired) =>
    doc(schema.properties[field.name].description, '  ') +
    `  ${field.name}${isRequired ? '' : '?'}: ${field.type}\n`

  let text = `// Generated by client/scripts/generate.mjs from schema/announcement-v1.schema.json: do not
// edit. \`npm run build:client\` writes it again, and a test fails when it is stale.

/** The \`businessID\` the action puts in \`Data\` unless its \`business-id\` input says otherwise. */
export const DEFAULT_BUSINESS_ID = ${JSON.stringify(schema.properties.businessID.default)}

/** What every kind of announcement carries. */
interface Common {
`
  for (const field of fields) {
    if (field.name !== 'kind' && !kindSpecific.has(field.name)) {
      text += member(field, required.has(field.name))
    }
  }
  text += '}\n'
  for (const variant of variants) {
    text += `\n${doc(variant.description)}export interface ${typeName(variant.kind)} extends Common {\n`
    text += `  kind: ${JSON.stringify(variant.kind)}\n`
    for (const field of fields) {
      if (kindSpecific.has(field.name) && !variant.forbidden.includes(field.name)) {
        text += member(field, required.has(field.name) || variant.required.includes(field.name))
      }
    }
    text += '}\n'
  }
  text += `
/** Data, version 1: one announcement, told apart by \`kind\`. */
export type Announcement = ${variants.map((/** @type {{ kind: string }} */ v) => typeName(v.kind)).join(' | ')}

/** How one field is checked. */
export type Check =
  | { is: 'const'; value: unknown }
  | { is: 'enum'; values: readonly unknown[] }
  | { is: 'string'; pattern?: string }
  | { is: 'boolean' }

/** Every field of version 1, in the schema's order, with its check. */
export const FIELDS: readonly { name: string; required: boolean; check: Check }[] = ${JSON.stringify(
    fields.map(({ name, check }) => ({ name, required: required.has(name), check }))
  )}

/** What each kind requires beyond the common fields, and the fields it never has. */
export const KINDS: Record<Announcement['kind'], { required: readonly string[]; forbidden: readonly string[] }> =
  ${JSON.stringify(
    Object.fromEntries(
      variants.map((/** @type {any} */ v) => [
        v.kind,
        { required: v.required, forbidden: v.forbidden }
      ])
    )
  )}
`
  return text
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(OUTPUT, await generateSchemaModule(JSON.parse(readFileSync(SCHEMA, 'utf8'))))
}
