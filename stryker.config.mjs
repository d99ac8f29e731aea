// `npm run mutate`: mutation testing of src/ and client/src/ with StrykerJS. The score and the
// survivors that remain, with the reason each is left, are in the README's Development section.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts' },
  // The reader package's own code too; its schema.ts is generated, and a test proves it current.
  mutate: ['src/**/*.ts', '!src/index.ts', '!src/types/**', 'client/src/index.ts'],
  coverageAnalysis: 'perTest',
  // Vitest compiles without type checks, so no file needs Stryker's `// @ts-nocheck`; and the
  // test that proves client/src/schema.ts generated reads it byte for byte.
  disableTypeChecks: false,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 85, break: 85 },
  concurrency: 2,
  tempDirName: '.stryker-tmp'
}
