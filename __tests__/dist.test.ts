// The committed dist/ is exactly what the source builds: the runner runs dist/, never src/. After
// an edit of src/, `npm run bundle` and commit the result (the other tests run a fresh build).
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { expect, it } from 'vitest'
import { buildDist } from './helpers/action.js'
import { DIST } from './helpers/action-process.mjs'

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort()
}

it('the committed dist/ is what the source builds, file for file', () => {
  const built = buildDist()
  expect(files(DIST), 'run `npm run bundle` and commit dist/').toEqual(files(built))
  for (const file of files(built)) {
    const same = readFileSync(join(DIST, file)).equals(readFileSync(join(built, file)))
    expect(same, `dist/${file} is stale: run \`npm run bundle\` and commit it`).toBe(true)
  }
})
