// action.yml, the README and the code describe the same action: every input with its default,
// every output, every error code with its remedy, the examples and the file layout.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { INPUTS } from '../src/inputs/inputs.js'
import { OUTPUT_NAMES } from '../src/report/report.js'
import { TENCENT_ERRORS } from '../src/deliver/tencent-errors.js'
import { ROOT } from './helpers/action-process.mjs'

interface ActionYml {
  runs: { using: string; main: string }
  inputs: Record<string, { description: string; required?: boolean; default?: string }>
  outputs: Record<string, { description: string }>
}

const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionYml
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')

/** The rows of the README table whose header starts with `| input` or `| output`. */
function readmeTable(kind: 'input' | 'output'): Map<string, string[]> {
  const lines = readme.split('\n')
  const start = lines.findIndex((l) => new RegExp(`^\\|\\s*${kind}\\s*\\|`, 'i').test(l))
  const rows = new Map<string, string[]>()
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break
    const cells = line
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim())
    const name = /^`([a-z-]+)`$/.exec(cells[0] ?? '')?.[1]
    if (name) rows.set(name, cells)
  }
  return rows
}

const specs = Object.entries(INPUTS) as [
  string,
  { default?: string; expression?: string; required?: string; secret?: true }
][]

describe('action.yml', () => {
  it('runs the committed bundle on node24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
  })

  it('declares exactly the inputs the action reads, in the same order', () => {
    expect(Object.keys(action.inputs)).toEqual(Object.keys(INPUTS))
  })

  it('declares the defaults the code applies, and which inputs are required', () => {
    for (const [name, spec] of specs) {
      expect(action.inputs[name]?.default, name).toBe(spec.default ?? spec.expression)
      expect(action.inputs[name]?.required ?? false, name).toBe(spec.required !== undefined)
    }
  })

  it('tells to pass each credential from a secret', () => {
    for (const [name, spec] of specs) {
      if (spec.secret) expect(action.inputs[name]?.description, name).toMatch(/secret/i)
    }
  })

  it('declares the outputs every run sets, in the same order', () => {
    expect(Object.keys(action.outputs)).toEqual([...OUTPUT_NAMES])
  })
})

describe('README', () => {
  it('documents every input with its default, and nothing else', () => {
    const rows = readmeTable('input')
    expect([...rows.keys()].sort()).toEqual(Object.keys(INPUTS).sort())
    for (const [name, spec] of specs) {
      const defaultCell = rows.get(name)?.[1] ?? ''
      const shown = spec.default ?? spec.expression
      if (shown !== undefined) expect(defaultCell, name).toBe(`\`${shown}\``)
      else if (spec.required) expect(defaultCell, name).toMatch(/required/i)
      else expect(defaultCell, name).toBe('')
      if (spec.secret) expect(rows.get(name)?.[2], name).toMatch(/secret/i)
    }
  })

  it('documents every output, and nothing else', () => {
    expect([...readmeTable('output').keys()].sort()).toEqual([...OUTPUT_NAMES].sort())
  })

  it('lists every error code the action knows: its meaning, whether it is retried, the remedy', () => {
    const retried = {
      yes: /^yes$/,
      'rate-limited': /^yes, after ≥ 1 s$/,
      no: /^no$/,
      'new-usersig': /^yes, with a new UserSig \(secret-key only\)$/,
      'after-60s': /^after 60 s, when the budget allows$/
    }
    for (const [code, { meaning, retry, remedy }] of Object.entries(TENCENT_ERRORS)) {
      const row = readme.split('\n').find((line) => line.startsWith(`| ${code} `))
      const [, shownMeaning, shownRetry, shownRemedy] = (row ?? '')
        .split(' | ')
        .map((c) => c.trim())
      expect(shownMeaning, code).toBe(meaning)
      expect(Object.keys(retried), code).toContain(retry)
      expect(shownRetry, code).toMatch(retried[retry])
      expect(shownRemedy?.replace(/\s*\|$/, ''), code).toBe(remedy.replaceAll('|', '\\|'))
    }
  })

  it.each(readdirSync(join(ROOT, 'examples')))('shows examples/%s exactly as committed', (file) => {
    const example = readFileSync(join(ROOT, 'examples', file), 'utf8').trimEnd()
    expect(readme).toContain(`\`\`\`yaml\n${example}\n\`\`\``)
  })

  it('documents the emulator action’s inputs and outputs', () => {
    const emulatorAction = parse(
      readFileSync(join(ROOT, 'emulator', 'action.yml'), 'utf8')
    ) as ActionYml
    expect(emulatorAction.runs).toEqual({ using: 'node24', main: '../dist/emulator-action.js' })
    const section = readme.slice(readme.indexOf('### Test your own workflow'))
    for (const name of [
      ...Object.keys(emulatorAction.inputs),
      ...Object.keys(emulatorAction.outputs)
    ]) {
      expect(section, name).toContain(`\`${name}\``)
    }
  })

  it('shows the newcomer commands', () => {
    expect(readme).toContain('npm ci && npm run demo')
    expect(readme).toContain('npm test')
  })

  it('lists every file of src/ in its architecture section, and no file that is not there', () => {
    const section = readme.slice(readme.indexOf('### Architecture'), readme.indexOf('### Testing'))
    const listed = [...section.matchAll(/^\s*\d+\. `src\/([\w/-]+\.ts)`/gm)].map((m) => m[1])
    const tree = readdirSync(join(ROOT, 'src'), { recursive: true })
      .map(String)
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
    expect([...listed].sort()).toEqual(tree.sort())
  })
})
