// Builds the committed bundles: dist/index.js (the action) with dist/chunks/ (the YAML parser, the
// fan-out to groups, the GitHub client and the proxy tunnel, which it loads on demand),
// dist/emulator.js (the emulator's command line) and dist/emulator-action.js (the ./emulator action
// that starts it). Each is one file with a source map (ESM, but for the tunnel, which stays
// CommonJS), so it runs with no node_modules and stack traces still point into the source. The
// options are in scripts/bundle-options.mjs.
//
// `npm run bundle` writes them to dist/. The tests build the same files in memory: into a
// temporary directory to run them (so they test the source as it is now), and beside the
// committed dist/ to prove it current.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import { CHUNKS, chunksOnDemand, common, TUNNEL_CHUNK, tunnelOnDemand } from './bundle-options.mjs'

const ROOT = fileURLToPath(new URL('..', import.meta.url))

/**
 * Builds every bundle without writing it.
 * @returns {Promise<Map<string, Uint8Array>>} file contents by path under dist/
 */
export async function buildBundles() {
  const options = { ...common, absWorkingDir: ROOT, write: false, metafile: true }
  // Every plugin but where tunnel is loaded from, which depends on where the bundle is.
  const plugins = (common.plugins ?? []).filter((plugin) => plugin.name !== 'tunnel-on-demand')
  const builds = await Promise.all([
    // The action: one file at start-up; its chunks beside it, loaded on demand.
    build({
      ...options,
      entryPoints: { index: 'src/index.ts' },
      plugins: [...(common.plugins ?? []), chunksOnDemand]
    }),
    // Beside dist/index.js in dist/chunks/, they load tunnel from beside themselves.
    ...CHUNKS.map(({ name, entry }) =>
      build({
        ...options,
        entryPoints: { [name]: entry },
        plugins: [...plugins, tunnelOnDemand('./')]
      })
    ),
    // tunnel, CommonJS as it is: the stand-ins above require() it on first use.
    build({
      ...options,
      format: 'cjs',
      banner: {},
      outExtension: { '.js': '.cjs' },
      entryPoints: { [TUNNEL_CHUNK.name]: TUNNEL_CHUNK.entry }
    }),
    // The emulator's two entries are built apart, so they share no chunk with the action.
    build({
      ...options,
      entryPoints: {
        emulator: 'emulator/src/cli.ts',
        'emulator-action': 'emulator/src/action.ts'
      }
    })
  ])
  const dist = join(ROOT, 'dist')
  const files = new Map()
  for (const { outputFiles } of builds) {
    for (const file of outputFiles ?? []) files.set(relative(dist, file.path), file.contents)
  }
  files.set('licenses.txt', Buffer.from(licenses(builds.map((b) => b.metafile))))
  return files
}

/**
 * The licences of the third-party code the bundles carry, as the licences require.
 * @param {(import('esbuild').Metafile | undefined)[]} metafiles
 */
function licenses(metafiles) {
  const packages = new Set()
  for (const metafile of metafiles) {
    for (const output of Object.values(metafile?.outputs ?? {})) {
      // Only what reached the output: a module tree-shaken away ships nothing.
      for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
        const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input)
        if (match?.[1] && bytesInOutput > 0) packages.add(join(ROOT, match[1]))
      }
    }
  }
  return [...packages]
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
    .join(`\n${'-'.repeat(78)}\n\n`)
}

/**
 * Writes the bundles to `dir`, replacing what was there.
 * @param {string} dir
 * @param {Map<string, Uint8Array>} files
 */
export function writeBundles(dir, files) {
  // Start from an empty directory, so no file of an earlier layout stays behind.
  rmSync(dir, { recursive: true, force: true })
  for (const [path, contents] of files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), contents)
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  writeBundles(join(ROOT, 'dist'), await buildBundles())
}
