// The runner checks the action out without node_modules and runs dist/index.js as it is: the
// bundle and what it loads on demand must stand on their own.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect } from 'vitest'
import { buildDist, runBundle } from './helpers/action.js'
import { ROOT } from './helpers/action-process.mjs'
import { startConnectProxy } from './helpers/connect-proxy.js'
import { startFakeGitHub } from './helpers/fake-github.mjs'
import { emulatorInputs, test } from './helpers/emulator.js'
import { payload } from './helpers/events.js'

test('loads only Node built-ins at start-up; the YAML parser, the fan-out, the GitHub client and the proxy tunnel from dist/ on demand', () => {
  const source = readFileSync(join(buildDist(), 'index.js'), 'utf8')
  // Static imports, wherever whitespace minification put them: `import{…}from"node:fs"`.
  const imports = [...source.matchAll(/\bimport\b[^'"();]*?\bfrom\s*['"]([^'"]+)['"]/g)].map(
    (m) => m[1]
  )
  expect(imports.length).toBeGreaterThan(0)
  for (const specifier of imports) expect(specifier).toMatch(/^node:/)
  const dynamic = [...source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1])
  expect(dynamic.sort()).toEqual(['./chunks/github.js', './chunks/groups.js', './chunks/yaml.js'])
  // CommonJS, required only inside the proxy agents' factories, when a proxy is set.
  const required = new Set([...source.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]))
  for (const specifier of required) expect(specifier).toMatch(/^node:|^\.\/chunks\/tunnel\.cjs$/)
  expect(required).toContain('./chunks/tunnel.cjs')
  expect(source).toMatch(/=>\s*(?:__)?require\("\.\/chunks\/tunnel\.cjs"\)\.httpsOverHttp\(/)
  expect(source).not.toContain('TunnelingAgent')
})

test('the fan-out chunk is small, and carries no copy of how a request is signed or sent', () => {
  const chunk = readFileSync(join(buildDist(), 'chunks', 'groups.js'), 'utf8')
  expect(Buffer.byteLength(chunk)).toBeLessThan(8 * 1024)
  // Signing, URLs, HTTP, answers, bodies and retries stay in dist/index.js.
  for (const marker of [
    'usersig',
    'send_group_msg',
    'get_appid_group_list',
    'genUserSig',
    'createHash',
    'HttpClient',
    'ActionStatus',
    'MsgPriority',
    'nextStep'
  ]) {
    expect(chunk, marker).not.toContain(marker)
  }
  // The GitHub client asks the action for its requests too: it holds no HTTP code of the action's.
  const github = readFileSync(join(buildDist(), 'chunks', 'github.js'), 'utf8')
  for (const marker of ['no answer within', 'the TLS handshake', 'usersig']) {
    expect(github, marker).not.toContain(marker)
  }
})

/**
 * What a runner has of the action: action.yml, package.json (it makes dist/*.js ESM), dist/;
 * `without` are files of dist/ left out.
 */
function checkout(without: string[] = []): { bundle: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'action-checkout-'))
  for (const entry of ['action.yml', 'package.json']) cpSync(join(ROOT, entry), join(dir, entry))
  cpSync(buildDist(), join(dir, 'dist'), { recursive: true })
  for (const file of without) rmSync(join(dir, 'dist', file))
  return {
    bundle: join(dir, 'dist', 'index.js'),
    remove: () => {
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

test('runs from a checkout without node_modules: YAML data, through a proxy', async ({
  emulator
}) => {
  const action = checkout()
  const proxy = await startConnectProxy({ 'gateway.octo.example': emulator.port })
  try {
    const run = await runBundle({
      bundle: action.bundle,
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
    const element = emulator.broadcasts[0]?.msgBody[0] as { MsgContent: { Data: string } }
    expect(JSON.parse(element.MsgContent.Data)).toEqual({ type: 1, content: 'v2.3.0 is out' })
  } finally {
    await proxy.close()
    action.remove()
  }
})

test('runs from a checkout without node_modules: every live room, through the fan-out chunk', async ({
  emulator
}) => {
  const action = checkout()
  try {
    const run = await runBundle({
      bundle: action.bundle,
      inputs: emulatorInputs(emulator, { target: 'live-rooms' }),
      event: payload('release-published')
    })
    expect(run.stderr).toBe('')
    expect(run.code, run.stdout).toBe(0)
    expect(run.outputs.status).toBe('sent')
    expect(emulator.groupMessages.map((m) => m.groupId).sort()).toEqual([
      '@TGS#aLiveRoomA',
      '@TGS#aLiveRoomB',
      '@TGS#aLiveRoomC'
    ])
  } finally {
    action.remove()
  }
})

test('a run without a lookup or a proxy never loads the GitHub client or tunnel: it runs without their chunks', async ({
  emulator
}) => {
  const action = checkout(['chunks/github.js', 'chunks/tunnel.cjs'])
  try {
    // A pushed tag, with no token: nothing to look up.
    const run = await runBundle({
      bundle: action.bundle,
      inputs: emulatorInputs(emulator),
      eventName: 'push',
      event: payload('push-tag')
    })
    expect(run.stderr).toBe('')
    expect(run.code, run.stdout).toBe(0)
    expect(run.outputs.status).toBe('sent')
  } finally {
    action.remove()
  }
})

test('runs from a checkout without node_modules: a release looked up through a proxy', async ({
  emulator
}) => {
  const action = checkout()
  const github = await startFakeGitHub({
    releases: [payload('release-published').release as Record<string, unknown>]
  })
  const proxy = await startConnectProxy({ 'api.github.example': github.port })
  try {
    const run = await runBundle({
      bundle: action.bundle,
      inputs: emulatorInputs(emulator, {
        'release-tag': 'v2.3.0',
        'github-token': 'ghs_fake-installation-token-0123456789'
      }),
      eventName: 'workflow_dispatch',
      event: payload('workflow-dispatch'),
      env: { GITHUB_API_URL: `http://api.github.example:${github.port}`, HTTP_PROXY: proxy.url }
    })
    expect(run.stderr).toBe('')
    expect(run.code, run.stdout).toBe(0)
    expect(proxy.connects).toEqual([`api.github.example:${github.port}`])
    expect(github.requests.map((r) => r.path)).toEqual([
      '/repos/octo-org/live-app/releases/tags/v2.3.0'
    ])
    expect(run.outputs.status).toBe('sent')
  } finally {
    await proxy.close()
    await github.close()
    action.remove()
  }
})
