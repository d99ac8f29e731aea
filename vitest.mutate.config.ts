// The tests StrykerJS runs for each mutant: those that import src/ directly. Process-level tests
// run a bundle in a child process, where no mutant can be switched on, so they are left out.
import { defineConfig } from 'vitest/config'
import base from './vitest.config.js'

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    exclude: [
      '__tests__/**/*.e2e.test.ts',
      '__tests__/dist.test.ts',
      '__tests__/workflows.test.ts'
    ],
    globalSetup: []
  }
})
