// The tests StrykerJS runs for each mutant: those that import src/ or client/src/ directly.
// Process-level tests run a bundle in a child process, where no mutant can be switched on, so
// they are left out, as are the tests that build from the files on disk.
import { defineConfig } from 'vitest/config'
import base from './vitest.config.js'

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    exclude: [
      '**/*.e2e.test.ts',
      '__tests__/dist.test.ts',
      '__tests__/workflows.test.ts',
      // Builds the committed client/dist from the files on disk, which hold every mutant at once.
      'client/test/package.test.ts'
    ],
    globalSetup: []
  }
})
