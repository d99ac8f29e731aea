// Builds the committed bundles: dist/index.js (the action), dist/emulator.js (the emulator's
// command line) and dist/emulator-action.js (the ./emulator action that starts it). Each is one
// ESM file with a source map, so it runs with no node_modules and stack traces still point into
// src/.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { build } from 'esbuild'

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))

await build({
  entryPoints: {
    index: 'src/index.ts',
    emulator: 'src/emulator/cli.ts',
    'emulator-action': 'src/emulator/action.ts'
  },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  legalComments: 'linked',
  logLevel: 'warning',
  define: { __ACTION_VERSION__: JSON.stringify(version) },
  // tls-sig-api-v2's package.json names `main` twice; esbuild takes the first, a file that does
  // not exist. Node (JSON.parse) takes the last, the real one: resolve it the way Node does.
  alias: { 'tls-sig-api-v2': createRequire(import.meta.url).resolve('tls-sig-api-v2') },
  // CommonJS dependencies (tls-sig-api-v2, tunnel) call require() on Node builtins, which an ESM
  // file does not have.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);"
  }
})
