// Builds the committed bundles: dist/index.js (the action) with dist/chunks/yaml.js (the YAML
// parser it loads on demand), dist/emulator.js (the emulator's command line) and
// dist/emulator-action.js (the ./emulator action that starts it). Each is one ESM file with a
// source map, so it runs with no node_modules and stack traces still point into src/. The options
// are in scripts/bundle-options.mjs.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { build } from 'esbuild'
import { common, YAML_CHUNK, yamlOnDemand } from './bundle-options.mjs'

// Start from an empty dist/, so no file of an earlier layout stays behind.
rmSync('dist', { recursive: true, force: true })

// The action: one file at start-up; the YAML parser beside it, loaded on demand.
const action = await build({
  ...common,
  entryPoints: { index: 'src/index.ts' },
  plugins: [...(common.plugins ?? []), yamlOnDemand],
  metafile: true
})
const yaml = await build({
  ...common,
  entryPoints: { [YAML_CHUNK.name]: YAML_CHUNK.entry },
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
for (const { metafile } of [action, yaml, emulator]) {
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
