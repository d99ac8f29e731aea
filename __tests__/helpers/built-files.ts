import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { expect } from 'vitest'

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort()
}

/**
 * Expects a committed build to be, file for file and byte for byte, what the source builds now;
 * `remedy` says which command to run and commit when it is not.
 */
export function expectCommittedBuild(committed: string, built: string, remedy: string): void {
  expect(files(committed), remedy).toEqual(files(built))
  for (const file of files(built)) {
    const same = readFileSync(join(committed, file)).equals(readFileSync(join(built, file)))
    expect(same, `${relative(process.cwd(), join(committed, file))} is stale: ${remedy}`).toBe(true)
  }
}
