// Builds the committed bundles: dist/index.js (the action), dist/emulator.js (the emulator's
// command line) and dist/emulator-action.js (the ./emulator action that starts it). Each is one
// ESM file with a source map, so it runs with no node_modules and stack traces still point into
// src/.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { builtinModules, createRequire } from 'node:module'
import { build } from 'esbuild'

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))

/**
 * Keeps out of the bundle what the action never runs, so start-up loads only what it needs:
 * - The toolkit's modules (@actions/*) and Octokit's are marked free of side effects, so what the
 *   action does not import goes: the Octokit client @actions/github builds at import time (the
 *   action reads only `context`), and @actions/core's `platform` (with @actions/exec and io) and
 *   `summary`, whose top-level `fs.promises` alone costs 10 ms of start-up.
 * - undici (about 770 KB) is imported by @actions/http-client and @actions/github only for their
 *   fetch and dispatcher helpers (getAgentDispatcher, getProxyFetch), which the action never
 *   calls: HttpClient.post() goes through Node's http/https and tunnel, proxies included. It is
 *   replaced by a module that fails loudly if that ever changes.
 */
/** @type {import('esbuild').Plugin} */
const leanToolkit = {
  name: 'lean-toolkit',
  setup(build) {
    build.onResolve({ filter: /^undici$/ }, () => ({ path: 'undici', namespace: 'not-bundled' }))
    build.onLoad({ filter: /.*/, namespace: 'not-bundled' }, () => ({
      loader: 'js',
      contents: `
        const missing = (name) => function () {
          throw new Error(\`undici.\${name} is not bundled: the action's requests go through Node's http/https.\`)
        }
        export const ProxyAgent = missing('ProxyAgent')
        export const fetch = missing('fetch')`
    }))
    build.onResolve({ filter: /.*/ }, async (args) => {
      if (
        args.pluginData?.lean ||
        !/(@octokit|@actions)[\\/]/.test(`${args.importer}/${args.path}`)
      )
        return undefined
      const resolved = await build.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: { lean: true }
      })
      if (resolved.errors.length > 0) return undefined
      return { ...resolved, sideEffects: false }
    })
  }
}

/**
 * Loads Node's built-in modules with require() rather than import. An ESM import of a built-in
 * builds its ESM facade, which reads every export; `node:http` then loads Node's internal undici
 * (for its lazy WebSocket and fetch getters), about 16 ms of start-up the action never uses.
 */
/** @type {import('esbuild').Plugin} */
const builtinsByRequire = {
  name: 'builtins-by-require',
  setup(build) {
    const names = builtinModules
      .filter((name) => !name.startsWith('_'))
      .map((name) => name.replace(/[/]/g, '\\/'))
    const filter = new RegExp(`^(node:)?(${names.join('|')})$`)
    build.onResolve({ filter }, (args) =>
      args.namespace === 'builtin'
        ? { path: args.path, external: true }
        : { path: args.path, namespace: 'builtin' }
    )
    build.onLoad({ filter: /.*/, namespace: 'builtin' }, (args) => ({
      loader: 'js',
      contents: `module.exports = require(${JSON.stringify(args.path.startsWith('node:') ? args.path : `node:${args.path}`)})`
    }))
  }
}

/**
 * Loads tunnel, which @actions/http-client uses only to reach a proxy, on its first use instead of
 * at start-up (with assert, net and tls: about 6 ms when no proxy is set). Its four agent
 * factories stand in for it; calling one loads the real module.
 */
/** @type {import('esbuild').Plugin} */
const tunnelOnDemand = {
  name: 'tunnel-on-demand',
  setup(build) {
    build.onResolve({ filter: /^tunnel$/ }, (args) =>
      args.namespace === 'on-demand' ? undefined : { path: 'tunnel', namespace: 'on-demand' }
    )
    build.onLoad({ filter: /.*/, namespace: 'on-demand' }, () => ({
      loader: 'js',
      resolveDir: process.cwd(),
      contents: ['httpOverHttp', 'httpsOverHttp', 'httpOverHttps', 'httpsOverHttps']
        .map((name) => `exports.${name} = (options) => require('tunnel').${name}(options)`)
        .join('\n')
    }))
  }
}

/** @type {import('esbuild').BuildOptions} */
const common = {
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
  plugins: [leanToolkit, builtinsByRequire, tunnelOnDemand],
  // Bundled CommonJS code (tls-sig-api-v2, tunnel, and built-ins above) calls require(), which an
  // ESM file does not have.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);"
  }
}

// Chunk names carry a content hash: start from an empty dist/ so no stale chunk stays behind.
rmSync('dist', { recursive: true, force: true })

// The action splits: what it loads only on demand (the YAML parser) goes to dist/chunks/.
const action = await build({
  ...common,
  entryPoints: { index: 'src/index.ts' },
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  metafile: true
})
// The emulator's two entries are built apart, so they share no chunk with the action.
const emulator = await build({
  ...common,
  entryPoints: { emulator: 'src/emulator/cli.ts', 'emulator-action': 'src/emulator/action.ts' },
  metafile: true
})

// The bundles carry third-party code; their licences travel with it, as the licences require.
const packages = new Set()
for (const { metafile } of [action, emulator]) {
  for (const output of Object.values(metafile?.outputs ?? {})) {
    // Only what reached the output: a module tree-shaken away ships nothing.
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input)
      if (match?.[1] && bytesInOutput > 0) packages.add(match[1])
    }
  }
}
const notices = [...packages]
  .map((dir) => {
    const { name, version, license } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
    const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)/i.test(f))
    const text = file ? readFileSync(join(dir, file), 'utf8').trim() : `License: ${license}`
    return { name, version, text }
  })
  .sort((a, b) => a.name.localeCompare(b.name))
  .filter(
    (pkg, i, all) =>
      all.findIndex((other) => other.name === pkg.name && other.version === pkg.version) === i
  )
  .map(({ name, version, text }) => `${name}@${version}\n\n${text}\n`)
writeFileSync('dist/licenses.txt', notices.join(`\n${'-'.repeat(78)}\n\n`))
