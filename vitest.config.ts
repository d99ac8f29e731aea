import { readFileSync } from 'node:fs'
import { defineConfig } from 'vitest/config'

const { version } = JSON.parse(
  readFileSync(new URL('./package.json', import.meta.url), 'utf8')
) as {
  version: string
}

export default defineConfig({
  define: { __ACTION_VERSION__: JSON.stringify(version) },
  test: {
    include: ['__tests__/**/*.test.ts', 'client/test/**/*.test.ts'],
    // Bundles src/ for the process-level tests (*.e2e.test.ts), which run it as the runner does.
    globalSetup: ['__tests__/helpers/global-setup.ts'],
    // Process-level tests spawn real processes; the machine has two cores.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    clearMocks: true,
    restoreMocks: true
  }
})
