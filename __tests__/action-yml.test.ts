import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { ROOT } from '../scripts/action-process.mjs'
import { DEFAULTS } from '../src/config.js'
import { INPUT_NAMES } from '../src/inputs.js'
import { TENCENT_ERRORS } from '../src/tencent-errors.js'

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

describe('action.yml', () => {
  it('runs the committed bundle on node24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
  })

  it('declares exactly the inputs the action reads', () => {
    expect(Object.keys(action.inputs).sort()).toEqual([...INPUT_NAMES].sort())
  })

  it('declares the same defaults the code applies when run without the runner', () => {
    const declared = Object.fromEntries(
      Object.entries(action.inputs)
        .filter(([, input]) => input.default !== undefined)
        .map(([name, input]) => [name, input.default])
    )
    expect(declared).toEqual(DEFAULTS)
    expect(action.inputs['sdk-app-id']?.required).toBe(true)
  })

  it('declares the documented outputs', () => {
    expect(Object.keys(action.outputs)).toEqual([
      'msg-seq',
      'random',
      'payload',
      'truncated',
      'tries',
      'status',
      'error-code',
      'error-info'
    ])
  })
})

describe('README', () => {
  it('documents every input with its default, and nothing else', () => {
    const rows = readmeTable('input')
    expect([...rows.keys()].sort()).toEqual(Object.keys(action.inputs).sort())
    for (const [name, input] of Object.entries(action.inputs)) {
      const defaultCell = rows.get(name)?.[1] ?? ''
      if (input.default !== undefined) expect(defaultCell, name).toBe(`\`${input.default}\``)
      else if (input.required) expect(defaultCell, name).toMatch(/required/i)
      else expect(defaultCell, name).toBe('')
    }
  })

  it('documents every output, and nothing else', () => {
    expect([...readmeTable('output').keys()].sort()).toEqual(Object.keys(action.outputs).sort())
  })

  it('lists every error code the action knows, with the remedy it prints', () => {
    for (const [code, { remedy }] of Object.entries(TENCENT_ERRORS)) {
      const row = readme.split('\n').find((line) => line.startsWith(`| ${code} `))
      expect(row, code).toBeDefined()
      expect(row?.replace(/\s+/g, ' '), code).toContain(remedy.replaceAll('|', '\\|'))
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
})
