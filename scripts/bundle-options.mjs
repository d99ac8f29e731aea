// The esbuild options the committed bundles are built with, shared by scripts/bundle.mjs and by
// the benchmark (bench/bench.mjs), which builds its "essentials" contender the same way.
import { readFileSync } from 'node:fs'
import { builtinModules, createRequire } from 'node:module'

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
const { resolve } = createRequire(import.meta.url)

/**
 * What dist/index.js loads only when a run needs it, each a bundle of its own: its name under
 * dist/, the module it is built from, and the specifier the action imports it by.
 * - yaml: the YAML parser, for a `data` input that is not JSON.
 * - groups: the fan-out to groups one by one, for `target: groups` and `live-rooms`. It takes
 *   what it needs from the action as arguments, so it holds no second copy of it.
 * - github: the release lookup, with @actions/github and Octokit, for `release-tag` and pushed
 *   tags. Its requests go through a `fetch` the action passes in.
 */
export const CHUNKS = [
  { name: 'chunks/yaml', entry: resolve('yaml'), specifier: 'yaml' },
  {
    name: 'chunks/groups',
    entry: 'src/deliver/fan-out/fan-out.ts',
    specifier: './fan-out/fan-out.js'
  },
  {
    name: 'chunks/github',
    entry: 'src/gather/release-lookup.ts',
    specifier: './release-lookup.js'
  }
]

/**
 * Keeps out of the bundles what the action never runs, so start-up loads only what it needs:
 * - The toolkit's modules (@actions/*) and Octokit's are marked free of side effects, so what the
 *   action does not import goes: @actions/core's `platform` (with @actions/exec and io) and
 *   `summary`, whose top-level `fs.promises` alone costs 10 ms of start-up.
 * - undici (about 770 KB) is imported by @actions/http-client and @actions/github only for their
 *   fetch and dispatcher helpers, which the action never uses: its requests go through Node's
 *   http/https and tunnel, proxies included, and the GitHub client is given the action's own
 *   fetch. It is replaced by a module that fails loudly if that ever changes. @actions/github
 *   builds a proxy dispatcher when it is imported and a proxy is set: that `ProxyAgent` may be
 *   made, never used.
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
        export class ProxyAgent {
          dispatch = missing('ProxyAgent.dispatch')
        }
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

/** Where tunnel is built to, beside the CHUNKS: CommonJS, as tunnel is, so `require` loads it. */
export const TUNNEL_CHUNK = { name: 'chunks/tunnel', entry: resolve('tunnel') }

/**
 * Loads tunnel, which @actions/http-client uses only to reach a proxy, on its first use instead of
 * at start-up (with assert, net and tls: about 6 ms when no proxy is set), and from a file of its
 * own (dist/chunks/tunnel.cjs, 6 KB the start-up bundle does not carry). Its four agent factories
 * stand in for it; calling one loads the real module. `fromBundle` is the path from the bundle
 * being built to dist/chunks/.
 * @param {string} fromBundle
 * @returns {import('esbuild').Plugin}
 */
export function tunnelOnDemand(fromBundle) {
  const chunk = `${fromBundle}tunnel.cjs`
  return {
    name: 'tunnel-on-demand',
    setup(build) {
      build.onResolve({ filter: /^tunnel$/ }, () => ({ path: 'tunnel', namespace: 'on-demand' }))
      build.onResolve({ filter: /tunnel\.cjs$/ }, (args) =>
        args.namespace === 'on-demand' ? { path: args.path, external: true } : undefined
      )
      build.onLoad({ filter: /.*/, namespace: 'on-demand' }, () => ({
        loader: 'js',
        contents: ['httpOverHttp', 'httpsOverHttp', 'httpOverHttps', 'httpsOverHttps']
          .map((name) => `exports.${name} = (options) => require('${chunk}').${name}(options)`)
          .join('\n')
      }))
    }
  }
}

/**
 * Leaves the CHUNKS out of dist/index.js: the action's `import('yaml')` (or of a chunk's module)
 * loads dist/chunks/….js, a bundle of its own (see scripts/bundle.mjs). Separate bundles rather
 * than esbuild's code splitting: splitting puts esbuild's helpers in a shared chunk, which every
 * start-up then loads as a second module.
 */
/** @type {import('esbuild').Plugin} */
export const chunksOnDemand = {
  name: 'chunks-on-demand',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => {
      const chunk = CHUNKS.find(({ specifier }) => specifier === args.path)
      return args.kind === 'dynamic-import' && chunk
        ? { path: `./${chunk.name}.js`, external: true }
        : undefined
    })
  }
}

/** @type {import('esbuild').BuildOptions} */
export const common = {
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  // Whitespace only: names stay, so a stack trace still reads, and the source map leads back to
  // src/. It cuts the start-up bundle by a fifth (144 KB → 112 KB as of this writing).
  minifyWhitespace: true,
  legalComments: 'linked',
  logLevel: 'warning',
  define: { __ACTION_VERSION__: JSON.stringify(version) },
  // tls-sig-api-v2's package.json names `main` twice; esbuild takes the first, a file that does
  // not exist. Node (JSON.parse) takes the last, the real one: resolve it the way Node does.
  alias: { 'tls-sig-api-v2': resolve('tls-sig-api-v2') },
  plugins: [leanToolkit, builtinsByRequire, tunnelOnDemand('./chunks/')],
  // Bundled CommonJS code (tls-sig-api-v2, tunnel, and built-ins above) calls require(), which an
  // ESM file does not have.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);"
  }
}
