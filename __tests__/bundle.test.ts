// The runner checks the action out without node_modules and runs dist/index.js as it is: the
// bundle and what it loads on demand must stand on their own.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { ACTION_BUNDLE, ROOT, runAction } from '../scripts/action-process.mjs'
import { startEmulator, type Emulator } from '../src/emulator/index.js'
import { emulatorInputs } from './helpers/action.js'
import { startConnectProxy } from './helpers/connect-proxy.js'
import { payload } from './helpers/events.js'

let emulator: Emulator
let checkout: string
beforeEach(async () => {
  emulator = await startEmulator()
  // What a runner has of the action: action.yml, package.json (it makes dist/*.js ESM), dist/.
  checkout = mkdtempSync(join(tmpdir(), 'action-checkout-'))
  for (const entry of ['action.yml', 'package.json', 'dist'])
    cpSync(join(ROOT, entry), join(checkout, entry), { recursive: true })
})
afterEach(async () => {
  await emulator.close()
  rmSync(checkout, { recursive: true, force: true })
})

it('loads only Node built-ins at start-up, and the YAML parser from dist/ when asked for', () => {
  const source = readFileSync(ACTION_BUNDLE, 'utf8')
  const imports = [...source.matchAll(/^import\b[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1])
  expect(imports.length).toBeGreaterThan(0)
  for (const specifier of imports) expect(specifier).toMatch(/^node:/)
  const dynamic = [...source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1])
  expect(dynamic).toEqual(['./chunks/yaml.js'])
})

it('runs from a checkout without node_modules: YAML data, through a proxy', async () => {
  const proxy = await startConnectProxy({ 'gateway.octo.example': emulator.port })
  try {
    const run = await runAction({
      bundle: join(checkout, 'dist', 'index.js'),
      inputs: emulatorInputs(emulator, {
        endpoint: `http://gateway.octo.example:${emulator.port}`,
        data: 'type: 1\ncontent: "{{ event.release.tag_name }} is out"'
      }),
      event: payload('release-published'),
      env: { HTTP_PROXY: proxy.url }
    })
    expect(run.stderr).toBe('')
    expect(run.code, run.stdout).toBe(0)
    // The proxy was used (tunnel, loaded on first use) and the YAML was parsed (its chunk).
    expect(proxy.connects).toEqual([`gateway.octo.example:${emulator.port}`])
    const [broadcast] = emulator.broadcasts
    const element = broadcast?.msgBody[0] as { MsgContent: { Data: string } }
    expect(JSON.parse(element.MsgContent.Data)).toEqual({ type: 1, content: 'v2.3.0 is out' })
  } finally {
    await proxy.close()
  }
})
