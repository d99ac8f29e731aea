// Builds the bundles from src/ as it is now, into a temporary directory, before any test runs (and
// again before each re-run in watch mode). The process-level tests run that build, so an edit of
// src/ is seen without `npm run bundle`; __tests__/dist.test.ts compares it with the committed dist/.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { buildBundles, writeBundles } from '../../scripts/bundle.mjs'

declare module 'vitest' {
  export interface ProvidedContext {
    /** A directory with `dist/` built from src/ and a package.json that makes it ESM. */
    build: string
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'action-build-'))
  // The bundles are ESM; outside this repository a package.json has to say so.
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n')
  const build = async () => {
    writeBundles(join(dir, 'dist'), await buildBundles())
  }
  await build()
  project.provide('build', dir)
  project.onTestsRerun(build)
  return () => {
    rmSync(dir, { recursive: true, force: true })
  }
}
