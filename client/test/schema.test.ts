// One source of truth: the reader's types and checks come from schema/announcement-v1.schema.json.
// The property test draws objects from the schema itself (read here, not through the generated
// module) and shows that the reader accepts exactly what a JSON Schema validator accepts.
import { readFileSync } from 'node:fs'
import { Ajv2020 } from 'ajv/dist/2020.js'
import fc from 'fast-check'
import { parse as parseYaml } from 'yaml'
import { describe, expect, it } from 'vitest'
import { generateSchemaModule } from '../scripts/generate.mjs'
import { DEFAULT_BUSINESS_ID, readAnnouncement } from '../src/index.js'

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8')

interface Property {
  type?: string
  const?: unknown
  enum?: unknown[]
  pattern?: string
  default?: unknown
}
interface Variant {
  title: string
  properties: Record<string, unknown>
  required?: string[]
}
const schema = JSON.parse(read('../../schema/announcement-v1.schema.json')) as {
  required: string[]
  properties: Record<string, Property>
  oneOf: Variant[]
}
// Formats are annotations in draft 2020-12, as the schema says of url and run_url; the pattern is
// what holds a URL to http(s).
const validate = new Ajv2020({ strict: true, validateFormats: false }).compile(schema)
const NAMES = Object.keys(schema.properties)

/** A value the property's schema accepts. */
function valid(property: Property): fc.Arbitrary<unknown> {
  if ('const' in property) return fc.constant(property.const)
  if (property.enum) return fc.constantFrom(...property.enum)
  if (property.type === 'boolean') return fc.boolean()
  if (property.pattern) {
    return fc.oneof(
      fc.webUrl(),
      fc.string().map((rest) => `https://${rest}`),
      fc.constantFrom('http://a', 'https://x.test/a?b#c', 'https://例子.测试/路径')
    )
  }
  return fc.string({ unit: 'grapheme', maxLength: 12 })
}

/** Any JSON value, often of the wrong type. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ maxLength: 8 }),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(2, 3, '1', 1.5, 'javascript:alert(1)', 'HTTP://A', 'https://a b', 'ftp://x'),
  fc.array(fc.integer(), { maxLength: 2 }),
  fc.dictionary(fc.string({ maxLength: 3 }), fc.integer(), { maxKeys: 2 })
)

/**
 * Objects drawn from the schema: for each field, absent, a value its schema accepts or another
 * value, weighted so that about half the objects are valid; then a few fields nobody knows yet.
 */
const candidate = fc
  .tuple(
    fc.record(
      Object.fromEntries(
        NAMES.map((name) => {
          const property = schema.properties[name] ?? {}
          const required = schema.required.includes(name)
          return [
            name,
            fc.oneof(
              { weight: required ? 1 : 20, arbitrary: fc.constant(undefined) },
              { weight: required ? 150 : 20, arbitrary: valid(property) },
              { weight: 1, arbitrary: anyValue }
            )
          ]
        })
      )
    ),
    fc.dictionary(
      fc.string({ maxLength: 6 }).filter((key) => !NAMES.includes(key)),
      fc.jsonValue({ maxDepth: 2 }),
      { maxKeys: 3 }
    ),
    fc.constantFrom(undefined, DEFAULT_BUSINESS_ID, DEFAULT_BUSINESS_ID, 'chat_gift'),
    fc.boolean()
  )
  .map(([fields, unknown, businessID, strayFields]) => {
    // Half the objects keep only the fields their kind may have, as an announcement does.
    const variant = schema.oneOf.find((v) => v.title === fields.kind)
    const kept = (name: string) => strayFields || variant?.properties[name] !== false
    return Object.fromEntries([
      ...Object.entries(unknown),
      ...Object.entries({ ...fields, businessID }).filter(
        ([name, value]) => value !== undefined && kept(name)
      )
    ])
  })

describe('the reader and the JSON Schema', () => {
  it('accept exactly the same objects, among those addressed to the reader', () => {
    let accepted = 0
    let refused = 0
    fc.assert(
      fc.property(candidate, (object) => {
        const data = JSON.stringify(object)
        const addressed =
          object.businessID === undefined || object.businessID === DEFAULT_BUSINESS_ID
        const expected = validate(JSON.parse(data)) && addressed
        const result = readAnnouncement(data)
        expect(result.ok, `${data}\n${JSON.stringify(validate.errors)}`).toBe(expected)
        if (result.ok) {
          accepted++
          // The announcement is the Data without the fields the schema does not name.
          const known = Object.fromEntries(
            Object.entries(object).filter(([k]) => NAMES.includes(k))
          )
          expect(result.announcement).toEqual(known)
        } else refused++
      }),
      { numRuns: 3000 }
    )
    // Both answers were exercised, so agreement means something.
    expect(accepted).toBeGreaterThan(600)
    expect(refused).toBeGreaterThan(600)
  })

  it('agree on every required field, one at a time', () => {
    const deploy = {
      v: 1,
      kind: 'deploy',
      event: 'deployment_status',
      title: 't',
      text: 'x',
      truncated: false,
      repository: 'o/r',
      sha: 's',
      ref: 'r',
      actor: 'a'
    }
    expect(validate(deploy)).toBe(true)
    for (const name of schema.required) {
      const { [name]: _gone, ...without } = deploy as Record<string, unknown>
      expect(validate(without), name).toBe(false)
      expect(readAnnouncement(JSON.stringify(without)).ok, name).toBe(false)
    }
  })
})

describe('client/src/schema.ts', () => {
  it('is what client/scripts/generate.mjs makes of the schema: run `npm run build:client`', async () => {
    expect(read('../src/schema.ts')).toBe(await generateSchemaModule(schema))
  })

  it.each([
    [
      'a keyword it does not know',
      { ...schema, minProperties: 1 },
      /does not understand "minProperties"/
    ],
    [
      'a field keyword it does not know',
      { ...schema, properties: { ...schema.properties, title: { type: 'string', maxLength: 80 } } },
      /properties\.title: the generator does not understand "maxLength"/
    ],
    [
      'a field type it does not know',
      { ...schema, properties: { ...schema.properties, v: { type: 'integer' } } },
      /properties\.v: the generator does not understand this field's type/
    ],
    [
      'a kind without its variant',
      { ...schema, oneOf: schema.oneOf.slice(0, 2) },
      /one variant per kind/
    ],
    [
      'a variant that narrows a field with a schema',
      {
        ...schema,
        oneOf: schema.oneOf.map((v) =>
          v.title === 'deploy'
            ? { ...v, properties: { ...v.properties, state: { type: 'string' } } }
            : v
        )
      },
      /only true or false may narrow state/
    ],
    ['a closed object', { ...schema, additionalProperties: false }, /allows new optional fields/]
  ])('refuses %s rather than loosen the reader', async (_what, changed, message) => {
    await expect(generateSchemaModule(changed)).rejects.toThrow(message)
  })
})

describe('one fact, one source', () => {
  it('the default businessID is the schema’s, the action’s and the reader’s', () => {
    const action = parseYaml(read('../../action.yml')) as {
      inputs: Record<string, { default?: string }>
    }
    expect(schema.properties.businessID?.default).toBe('github_announcement')
    expect(action.inputs['business-id']?.default).toBe(schema.properties.businessID?.default)
    expect(DEFAULT_BUSINESS_ID).toBe(schema.properties.businessID?.default)
  })

  it('the package’s major version is the Data version it reads', () => {
    const pkg = JSON.parse(read('../package.json')) as { version: string }
    expect(Number(pkg.version.split('.')[0])).toBe(schema.properties.v?.const)
  })
})
