// `npm run bench`: what users feel of the action, measured side by side in one run.
//  1. Time to delivered: `node dist/index.js` against the emulator versus the floor, a bare
//     `node` process that posts one request to the same emulator (median of per-pair ratios).
//     Beside them, the "essentials" (bench/bench-essentials.mjs): the least an action on the
//     required packages does, bundled the same way; it shows what those packages cost and what
//     is left to the action's own work. Each is split into phases (before its connection opens,
//     the TLS handshake, the request and answer, after the answer), to show where they differ.
//     And the action with a release lookup (`release-tag`) against a GitHub API on loopback
//     (__tests__/helpers/fake-github.mjs): one request to GitHub, then the broadcast.
//  2. Bundle: bytes of dist/index.js (and what it loads) and the time to load it.
//  3. Burst: ten action processes against the 1 call/s limit; time until the last lands, as a
//     ratio of the physical limit (nine seconds), and duplicates.
//  4. Peak memory (max RSS) of the action process, beside the floor's.
//  5. Cutting: a dry run with 1 MB of release notes, under Node 20 and Node 24.
//  6. Fan-out: `target: live-rooms` to 1,000 emulated live rooms, on loopback and 200 ms away
//     (the emulator's --latency); time from start to exit, as a ratio of the physical limit
//     (1,000 calls at Tencent's 200 a second: 5 s), rooms that got it twice or never, and peak
//     memory.
//  7. Fan-out through a storm: the same 1,000 rooms, every send_group_msg refused with 10023
//     for two seconds from the first second on; time from start to exit against the pacing
//     bound (1,000 at 160 a second: 6.25 s), whose budget is 1.3 × 6.25 s + the 2 s storm.
// Everything runs on loopback. Budget: ratio ≤ 1.4, bundle ≈ 100 KB, burst ≤ 1.5, no duplicate.
import { execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from 'esbuild'
import { DIST, ROOT, runtimes, startEmulatorProcess } from '../__tests__/helpers/action-process.mjs'
import { startFakeGitHub } from '../__tests__/helpers/fake-github.mjs'
import { common } from '../scripts/bundle-options.mjs'

const ACTION_BUNDLE = join(DIST, 'index.js')
const RUNS = Number(process.env.BENCH_RUNS ?? 15)
const event = readFileSync(join(ROOT, '__fixtures__', 'events', 'release-published.json'), 'utf8')
const { Api } = createRequire(import.meta.url)('tls-sig-api-v2')

/**
 * Spawns `node args…` with `env`, resolving with wall time (ms) and what the probe reported.
 * @param {string[]} args
 * @param {Record<string, string>} env
 * @returns {Promise<{ ms: number } & Partial<Probed>>}
 */
function timed(args, env) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint()
    const child = spawn(process.execPath, args, {
      env,
      stdio: ['ignore', 'ignore', 'pipe', 'pipe']
    })
    let probed = ''
    child.stdio[3]?.on('data', (chunk) => (probed += chunk))
    let stderr = ''
    child.stderr?.on('data', (chunk) => (stderr += chunk))
    child.once('error', reject)
    child.once('close', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6
      if (code !== 0) reject(new Error(`${args.join(' ')} exited ${code}: ${stderr}`))
      else resolve({ ms, ...(probed ? JSON.parse(probed) : {}) })
    })
  })
}

/**
 * The environment the runner gives the action, for one run (run ids differ: no repeats).
 * @param {string} dir
 * @param {import('../__tests__/helpers/action-process.mjs').EmulatorProcess} emulator
 * @param {number} runId
 * @returns {Record<string, string>}
 */
function actionEnv(dir, emulator, runId, job = 'bench') {
  const eventPath = join(dir, 'event.json')
  writeFileSync(eventPath, event)
  const output = join(dir, `output-${runId}-${job}.txt`)
  writeFileSync(output, '')
  const summary = join(dir, `summary-${runId}-${job}.md`)
  writeFileSync(summary, '')
  return {
    PATH: process.env.PATH ?? '',
    GITHUB_EVENT_NAME: 'release',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_REPOSITORY: 'octo-org/live-app',
    GITHUB_RUN_ID: String(runId),
    GITHUB_JOB: job,
    'INPUT_SDK-APP-ID': emulator.app.sdkAppId,
    'INPUT_SECRET-KEY': emulator.app.secretKey,
    INPUT_ENDPOINT: emulator.url
  }
}

// The floor: start Node, post one broadcast over HTTPS (as Tencent is reached), read the answer,
// exit. No toolkit, no signing.
const FLOOR = `
const https = require('node:https');
const req = https.request(process.env.URL, { method: 'POST', headers: { 'Content-Type': 'application/json' } }, (res) => {
  let text = ''; res.on('data', (c) => (text += c)); res.on('end', () => { if (!text.includes('"ErrorCode":0')) process.exit(1) });
});
req.end(process.env.BODY);
`
/**
 * What the probe reports; times are ms since the process started.
 * @typedef {object} Probed
 * @property {number} rssKb peak memory
 * @property {number} exit when the process began to exit
 * @property {number} [connect] when its first connection was opened
 * @property {number} [secure] when that connection's TLS handshake ended
 * @property {number} [answered] when the whole answer had arrived
 */
// Loaded before the measured script, it reports on fd 3 as the process exits. It listens on
// Node's public diagnostics channels (Node 20 has no `net.client.socket` for TLS: no phases
// there) and loads nothing the scripts would not load themselves.
const PROBE = `
const dc = require('node:diagnostics_channel');
const at = {};
dc.subscribe('net.client.socket', ({ socket }) => {
  at.connect ??= performance.now();
  socket.once('secureConnect', () => (at.secure ??= performance.now()));
});
dc.subscribe('http.client.response.finish', () => (at.answered ??= performance.now()));
process.on('exit', () => require('node:fs').writeSync(3, JSON.stringify({
  ...at, exit: performance.now(), rssKb: process.resourceUsage().maxRSS
})));
`

/**
 * @param {number[]} values
 * @returns {number}
 */
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  const at = (/** @type {number} */ i) => sorted[i] ?? Number.NaN
  return sorted.length % 2 ? at(mid) : (at(mid - 1) + at(mid)) / 2
}

/**
 * Splits a run into what came before its connection opened, the TLS handshake, the request and
 * its answer, and what came after it until exit.
 * @param {Partial<Probed>} run
 * @returns {number[] | undefined} ms of each phase, or undefined when the probe saw no connection
 */
function phases({ connect, secure, answered, exit }) {
  if (connect === undefined || secure === undefined || answered === undefined || !exit)
    return undefined
  return [connect, secure - connect, answered - secure, exit - answered]
}

function bundleFiles() {
  // The entry and what it may load on demand (not the emulator's bundles).
  return [
    'index.js',
    ...readdirSync(join(ROOT, 'dist', 'chunks'))
      .filter((f) => f.endsWith('.js'))
      .map((f) => `chunks/${f}`)
  ]
}

/**
 * Bundles bench/bench-essentials.mjs with the action's esbuild options.
 * @param {string} dir
 * @returns {Promise<string>} the bundle's path
 */
async function bundleEssentials(dir) {
  await build({
    ...common,
    entryPoints: { essentials: join(ROOT, 'bench', 'bench-essentials.mjs') },
    outdir: dir,
    outExtension: { '.js': '.mjs' },
    sourcemap: false
  })
  return join(dir, 'essentials.mjs')
}

/** @param {string} dir */
async function timeToDelivered(dir) {
  const essentialsBundle = await bundleEssentials(dir)
  const emulator = await startEmulatorProcess(['--rate', '1000', '--https'])
  const github = await startFakeGitHub({ releases: [JSON.parse(event).release] })
  try {
    // All sides trust the emulator's certificate the same way.
    const trust = { NODE_EXTRA_CA_CERTS: emulator.certificate ?? '' }
    const { sdkAppId, secretKey } = emulator.app
    const userSig = new Api(Number(sdkAppId), secretKey).genUserSig('administrator', 3600)
    const query = new URLSearchParams({
      sdkappid: sdkAppId,
      identifier: 'administrator',
      usersig: userSig,
      random: '1',
      contenttype: 'json'
    })
    const url = `${emulator.url}/v4/group_open_http_svc/send_broadcast_msg?${query}`
    const floorEnv = { PATH: process.env.PATH ?? '', URL: url, ...trust }
    const probe = ['--require', join(dir, 'probe.cjs')]
    const rows = []
    for (let i = 0; i < RUNS + 2; i++) {
      const body = JSON.stringify({
        Random: i,
        MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: `floor ${i}` } }]
      })
      const env = { ...actionEnv(dir, emulator, 1000 + i), ...trust }
      // The same release, looked up through a GitHub API on loopback (`release-tag`), as a job
      // of its own so that Tencent does not take it for a repeat.
      const lookupEnv = {
        ...actionEnv(dir, emulator, 1000 + i, 'bench-lookup'),
        ...trust,
        'INPUT_RELEASE-TAG': 'v2.3.0',
        'INPUT_GITHUB-TOKEN': 'ghs_fake-installation-token-0123456789',
        GITHUB_API_URL: github.url
      }
      const contenders = [
        () => timed([...probe, '-e', FLOOR], { ...floorEnv, BODY: body }),
        () => timed([...probe, ACTION_BUNDLE], env),
        () => timed([...probe, essentialsBundle], env),
        () => timed([...probe, ACTION_BUNDLE], lookupEnv)
      ]
      // Rotate which goes first, so drift in the machine's load hits all alike.
      const times = new Array(contenders.length)
      for (let k = 0; k < contenders.length; k++) {
        const which = (i + k) % contenders.length
        times[which] = await contenders[which]?.()
      }
      const [floor, action, essentials, lookup] = times
      // The first two rounds warm the machine's caches up and are not counted.
      if (i >= 2)
        rows.push({
          action: action.ms,
          floor: floor.ms,
          essentials: essentials.ms,
          lookup: lookup.ms,
          lookupRatio: lookup.ms / floor.ms,
          ratio: action.ms / floor.ms,
          essentialsRatio: essentials.ms / floor.ms,
          rssKb: action.rssKb,
          floorRssKb: floor.rssKb,
          phases: { floor: phases(floor), essentials: phases(essentials), action: phases(action) }
        })
    }
    const state = await emulator.state()
    return { rows, broadcasts: state.broadcasts.length, githubRequests: github.requests.length }
  } finally {
    await emulator.stop()
    await github.close()
  }
}

/** @param {string} dir */
async function loadTime(dir) {
  // Importing the bundle runs the action; with no inputs it stops at validation, before any
  // network: what is left is loading and parsing.
  const times = []
  for (let i = 0; i < RUNS; i++) {
    const bare = await timed(['-e', ''], { PATH: process.env.PATH ?? '' })
    writeFileSync(join(dir, 'load.txt'), '')
    const started = process.hrtime.bigint()
    await new Promise((resolve) => {
      const child = spawn(process.execPath, [ACTION_BUNDLE], {
        env: { PATH: process.env.PATH ?? '', GITHUB_OUTPUT: join(dir, 'load.txt') },
        stdio: 'ignore'
      })
      child.once('close', resolve)
    })
    times.push(Number(process.hrtime.bigint() - started) / 1e6 - bare.ms)
  }
  return median(times)
}

/** @param {string} dir */
async function burst(dir) {
  const emulator = await startEmulatorProcess(['--rate', '1'])
  try {
    await new Promise((resolve) => setTimeout(resolve, 1100)) // a fresh rate window
    const started = Date.now()
    await Promise.all(
      Array.from({ length: 10 }, (_, job) =>
        timed([ACTION_BUNDLE], actionEnv(dir, emulator, 7, `job-${job}`))
      )
    )
    const state = await emulator.state()
    const last = Math.max(...state.broadcasts.map((/** @type {{ time: number }} */ b) => b.time))
    const randoms = new Set(state.broadcasts.map((/** @type {{ random: number }} */ b) => b.random))
    return {
      seconds: (last - started) / 1000,
      landed: state.broadcasts.length,
      duplicates: state.broadcasts.length - randoms.size,
      requests: state.requests.length
    }
  } finally {
    await emulator.stop()
  }
}

/**
 * `target: live-rooms` against an app with 1,000 live rooms, three rounds, each a workflow run of
 * its own (numbered from `firstRun`). With `stormMs`, from the first second on and for that long,
 * Tencent refuses every send_group_msg for its frequency limit (10023): the emulator's faults,
 * scripted over its HTTP control while the action runs.
 * @param {string} dir
 * @param {{ firstRun: number, latencyMs?: number, stormMs?: number }} how
 */
async function fanOut(dir, { firstRun, latencyMs = 0, stormMs = 0 }) {
  const ROOMS = 1000
  const emulator = await startEmulatorProcess([
    '--rooms',
    String(ROOMS),
    '--latency',
    String(latencyMs)
  ])
  const faults = `${emulator.url}/__emulator/faults`
  const calm = () => fetch(faults, { method: 'DELETE' })
  try {
    const rounds = []
    for (let i = 0; i < 3; i++) {
      const env = {
        ...actionEnv(dir, emulator, firstRun + i),
        INPUT_TARGET: 'live-rooms',
        'INPUT_TIMEOUT-SECONDS': '10'
      }
      const started = Date.now()
      const timers =
        stormMs === 0
          ? []
          : [
              setTimeout(() => {
                void fetch(faults, {
                  method: 'POST',
                  body: JSON.stringify({
                    kind: 'code',
                    code: 10023,
                    info: 'send frequency exceeded',
                    api: 'send_group_msg',
                    times: 1_000_000
                  })
                })
              }, 1000),
              setTimeout(() => void calm(), 1000 + stormMs)
            ]
      const run = await timed(['--require', join(dir, 'probe.cjs'), ACTION_BUNDLE], env)
      timers.forEach(clearTimeout)
      if (stormMs > 0) await calm()
      rounds.push({ seconds: (Date.now() - started) / 1000, rssKb: run.rssKb })
      // A fresh second for the next round's list call.
      await new Promise((resolve) => setTimeout(resolve, 1100))
    }
    const state = await emulator.state()
    const rooms = Object.values(Object.values(state.rooms)[0] ?? {})
    const counts = rooms.map((/** @type {unknown[]} */ messages) => messages.length)
    return {
      seconds: median(rounds.map((r) => r.seconds)),
      rssKb: median(rounds.map((r) => r.rssKb ?? Number.NaN)),
      duplicates: counts.filter((n) => n > rounds.length).length,
      missed: counts.filter((n) => n < rounds.length).length,
      refused: state.requests.filter((/** @type {{ code?: number }} */ r) => r.code === 10023)
        .length
    }
  } finally {
    await emulator.stop()
  }
}

/**
 * A dry run of a release whose notes are 1 MB of emoji sequences, CJK and combining marks, under
 * each Node: rendering cuts them to 12,000 bytes. Cutting segments only a window of text around
 * the cut; segmenting all of it took minutes on Node 20, whose segmenter is quadratic.
 * @param {string} dir
 */
async function cutting(dir) {
  // No line break and no two ASCII characters side by side: no certain boundary to start from.
  const notes = '👨‍👩‍👧‍👦直播间e\u0301🇨🇳'.repeat(1 + Math.floor(1_000_000 / 20)).slice(0, 1_000_000)
  const release = JSON.parse(event)
  release.release.body = notes
  const eventPath = join(dir, 'huge.json')
  writeFileSync(eventPath, JSON.stringify(release))
  return runtimes().map(({ binary, label }) => {
    const times = []
    for (let i = 0; i < 3; i++) {
      writeFileSync(join(dir, 'huge-output.txt'), '')
      const started = process.hrtime.bigint()
      execFileSync(binary, [ACTION_BUNDLE], {
        env: {
          PATH: process.env.PATH ?? '',
          GITHUB_EVENT_NAME: 'release',
          GITHUB_EVENT_PATH: eventPath,
          GITHUB_OUTPUT: join(dir, 'huge-output.txt'),
          'INPUT_SDK-APP-ID': '1400000000',
          'INPUT_DRY-RUN': 'true'
        },
        stdio: 'ignore'
      })
      times.push(Number(process.hrtime.bigint() - started) / 1e6)
    }
    return { label, ms: median(times) }
  })
}

/**
 * Where each contender's time goes, phase by phase (medians over the rounds).
 * @param {Record<string, number[] | undefined>[]} rounds
 */
function printPhases(rounds) {
  const names = ['floor', 'essentials', 'action']
  if (rounds.some((round) => names.some((name) => round[name] === undefined))) {
    console.log('   (no phases: this Node reports no client connections to diagnostics_channel)\n')
    return
  }
  const head = ['to connect', 'TLS handshake', 'request, answer', 'answer to exit']
  console.log(
    `   ${'where the time goes, ms'.padEnd(24)}${head.map((h) => h.padStart(17)).join('')}`
  )
  for (const name of names) {
    const cells = head.map((_, k) =>
      median(rounds.map((round) => round[name]?.[k] ?? Number.NaN))
        .toFixed(1)
        .padStart(17)
    )
    console.log(`   ${name.padEnd(24)}${cells.join('')}`)
  }
  console.log()
}

const dir = mkdtempSync(join(tmpdir(), 'bench-'))
try {
  writeFileSync(join(dir, 'probe.cjs'), PROBE)
  console.log(`Node ${process.version}, ${RUNS} rounds, the contenders' order rotating\n`)

  const files = bundleFiles()
  const entryBytes = statSync(ACTION_BUNDLE).size
  const allBytes = files.reduce((sum, f) => sum + statSync(join(ROOT, 'dist', f)).size, 0)
  const load = await loadTime(dir)
  console.log('2. Bundle')
  console.log(
    `   dist/index.js: ${(entryBytes / 1024).toFixed(0)} KB loaded at start-up (budget ≈ 100 KB); ${files.length} file(s), ${(allBytes / 1024).toFixed(0)} KB in all`
  )
  console.log(`   load and validate, beyond a bare node start: ${load.toFixed(1)} ms (median)\n`)

  const { rows, broadcasts, githubRequests } = await timeToDelivered(dir)
  const ratio = median(rows.map((r) => r.ratio))
  console.log('1. Time to delivered')
  console.log(
    `   action ${median(rows.map((r) => r.action)).toFixed(1)} ms, floor ${median(rows.map((r) => r.floor)).toFixed(1)} ms (medians)`
  )
  console.log(
    `   ratio ${ratio.toFixed(2)} (median of ${rows.length} rounds; budget ≤ 1.4); ${broadcasts} broadcasts landed`
  )
  console.log(
    `   essentials (sign and post with the required packages, nothing else): ${median(rows.map((r) => r.essentials)).toFixed(1)} ms, ratio ${median(rows.map((r) => r.essentialsRatio)).toFixed(2)}`
  )
  console.log(
    `   with a release lookup (release-tag, a GitHub API on loopback, ${githubRequests} requests for ${rows.length + 2} runs): ${median(rows.map((r) => r.lookup)).toFixed(1)} ms, ratio ${median(rows.map((r) => r.lookupRatio)).toFixed(2)}`
  )
  printPhases(rows.map((r) => r.phases))

  const b = await burst(dir)
  console.log('3. Burst: ten jobs at once against 1 call/s')
  console.log(
    `   last landed after ${b.seconds.toFixed(1)} s: ratio ${(b.seconds / 9).toFixed(2)} of the 9 s limit (goal ≤ 1.5)`
  )
  console.log(`   ${b.landed} landed, ${b.duplicates} duplicates, ${b.requests} requests\n`)

  const mb = (/** @type {(number | undefined)[]} */ kb) =>
    (median(kb.filter((v) => v !== undefined)) / 1024).toFixed(1)
  console.log('4. Peak memory (max RSS)')
  console.log(
    `   action ${mb(rows.map((r) => r.rssKb))} MB, floor ${mb(rows.map((r) => r.floorRssKb))} MB (medians)\n`
  )

  console.log('5. A release with 1 MB of notes (emoji sequences, CJK, combining marks), dry run')
  for (const { label, ms } of await cutting(dir)) {
    console.log(`   ${label}: ${ms.toFixed(0)} ms (median of 3, process start to exit)`)
  }

  console.log('\n6. Fan-out: target live-rooms to 1,000 live rooms (median of 3 runs)')
  for (const latencyMs of [0, 200]) {
    const f = await fanOut(dir, { firstRun: 5000 + latencyMs, latencyMs })
    console.log(
      `   ${latencyMs === 0 ? 'loopback' : `${latencyMs} ms away`}: ${f.seconds.toFixed(2)} s start to exit, ratio ${(f.seconds / 5).toFixed(2)} of the 5 s limit (paced at 160/s: 6.25 s by design); ${f.duplicates} duplicated, ${f.missed} missed, ${f.refused} refused; peak memory ${(f.rssKb / 1024).toFixed(1)} MB`
    )
  }

  console.log('\n7. Fan-out through a 2-second storm of 10023, 1,000 live rooms (median of 3 runs)')
  const storm = await fanOut(dir, { firstRun: 7000, stormMs: 2000 })
  const bound = 1.3 * 6.25 + 2
  console.log(
    `   ${storm.seconds.toFixed(2)} s start to exit: ${(storm.seconds / 6.25).toFixed(2)} × the 6.25 s pacing bound, budget ${bound.toFixed(2)} s (1.3 × 6.25 s + the storm); ${storm.duplicates} duplicated, ${storm.missed} missed, ${storm.refused} refused`
  )
} finally {
  rmSync(dir, { recursive: true, force: true })
}
