// Runs an action bundle the way the GitHub runner does: a separate Node process, inputs as
// INPUT_<NAME> variables, the event in the file GITHUB_EVENT_PATH names with GITHUB_REF and
// GITHUB_SHA as the runner sets them for that event, outputs read back from the file
// GITHUB_OUTPUT names. Shared by the process-level tests (which run a bundle freshly built from
// src/), `npm run demo` and `npm run bench` (which run the committed dist/).
import { execFileSync, spawn } from 'node:child_process'
import { get as httpGet } from 'node:http'
import { get as httpsGet } from 'node:https'
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = fileURLToPath(new URL('../..', import.meta.url))
/** The committed bundles. */
export const DIST = join(ROOT, 'dist')

/**
 * @typedef {object} ActionRun
 * @property {number | null} code exit code
 * @property {string} stdout
 * @property {string} stderr
 * @property {Record<string, string>} outputs what the action wrote to GITHUB_OUTPUT
 * @property {string} summary what the action wrote to GITHUB_STEP_SUMMARY
 */

/**
 * Runs an action bundle once. The environment starts empty but for PATH and HOME, so nothing from
 * the calling shell (a real runner's GITHUB_* variables, a proxy) leaks into the run.
 * @param {object} options
 * @param {string} options.bundle the action's bundle, such as dist/index.js
 * @param {Record<string, string>} options.inputs action inputs by their action.yml names
 * @param {string} [options.eventName] GITHUB_EVENT_NAME
 * @param {any} [options.event] the webhook payload
 * @param {string} [options.eventFile] the event file's text, instead of `event` as JSON
 * @param {Record<string, string>} [options.env] more variables (they win over the defaults)
 * @param {string} [options.node] the Node binary (default: the one running this)
 * @returns {Promise<ActionRun>}
 */
export async function runAction({
  bundle,
  inputs,
  eventName = 'release',
  event = {},
  eventFile = JSON.stringify(event),
  env = {},
  node
}) {
  const dir = mkdtempSync(join(tmpdir(), 'action-run-'))
  try {
    const eventPath = join(dir, 'event.json')
    const outputPath = join(dir, 'output.txt')
    const summaryPath = join(dir, 'summary.md')
    writeFileSync(eventPath, eventFile)
    writeFileSync(outputPath, '')
    writeFileSync(summaryPath, '')
    /** @type {Record<string, string>} */
    const childEnv = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? dir,
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: eventName,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_OUTPUT: outputPath,
      GITHUB_STEP_SUMMARY: summaryPath,
      GITHUB_REPOSITORY: 'octo-org/live-app',
      GITHUB_SERVER_URL: 'https://github.com',
      ...refAndSha(eventName, event),
      GITHUB_ACTOR: 'mona',
      GITHUB_RUN_ID: '9876543210',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_JOB: 'announce',
      GITHUB_WORKFLOW: 'Announce',
      RUNNER_TEMP: dir,
      ...Object.fromEntries(
        Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])
      ),
      ...env
    }
    const child = spawn(node ?? process.execPath, [bundle], {
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    /** @type {number | null} */
    const code = await new Promise((resolve, reject) => {
      child.once('error', reject)
      child.once('close', resolve)
    })
    return {
      code,
      stdout,
      stderr,
      outputs: parseFileCommand(readFileSync(outputPath, 'utf8')),
      summary: readFileSync(summaryPath, 'utf8')
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The default branch's head in the test repository. */
const DEFAULT_BRANCH_HEAD = '6113728f27ae82c7b1a177c8d03f9e96e0adf246'

/**
 * GITHUB_REF and GITHUB_SHA as the runner sets them for an event ("Events that trigger
 * workflows" in GitHub's documentation).
 * @param {string} eventName
 * @param {any} event
 * @returns {{ GITHUB_REF: string, GITHUB_SHA: string }}
 */
export function refAndSha(eventName, event) {
  switch (eventName) {
    case 'release':
      return {
        GITHUB_REF: `refs/tags/${event?.release?.tag_name}`,
        GITHUB_SHA: DEFAULT_BRANCH_HEAD
      }
    case 'push':
      // A deleted ref has no commit: the runner gives the ref and the all-zero "after".
      return { GITHUB_REF: event?.ref ?? '', GITHUB_SHA: event?.after ?? DEFAULT_BRANCH_HEAD }
    case 'deployment':
    case 'deployment_status': {
      const ref = event?.deployment?.ref ?? ''
      // A deployment of a commit SHA has no ref.
      const isSha = /^[0-9a-f]{40}$/.test(ref)
      return {
        GITHUB_REF: isSha ? '' : /^refs\//.test(ref) ? ref : `refs/heads/${ref}`,
        GITHUB_SHA: event?.deployment?.sha ?? DEFAULT_BRANCH_HEAD
      }
    }
    case 'pull_request':
      return {
        GITHUB_REF: `refs/pull/${event?.number}/merge`,
        GITHUB_SHA: DEFAULT_BRANCH_HEAD
      }
    default:
      // workflow_dispatch, workflow_run, schedule, repository_dispatch: the default branch.
      return { GITHUB_REF: 'refs/heads/main', GITHUB_SHA: DEFAULT_BRANCH_HEAD }
  }
}

/**
 * Reads a GITHUB_OUTPUT file: `name<<DELIMITER` blocks (what @actions/core writes) and plain
 * `name=value` lines.
 * @param {string} text
 * @returns {Record<string, string>}
 */
function parseFileCommand(text) {
  /** @type {Record<string, string>} */
  const values = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? ''
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const [, name = '', delimiter] = heredoc
      const end = lines.indexOf(delimiter ?? '', i + 1)
      if (end === -1) throw new Error(`unterminated output ${name}`)
      values[name] = lines.slice(i + 1, end).join('\n')
      i = end
    } else if (line.includes('=')) {
      const at = line.indexOf('=')
      values[line.slice(0, at)] = line.slice(at + 1)
    }
  }
  return values
}

/**
 * @typedef {object} EmulatorProcess
 * @property {string} url
 * @property {{ sdkAppId: string, secretKey: string }} app the app it serves, as its banner names it
 * @property {string | undefined} certificate the certificate file to trust, with --https
 * @property {() => Promise<any>} state what it received
 * @property {() => Promise<void>} stop
 */

/**
 * Starts the emulator's bundle as its own process and waits for the banner it prints.
 * @param {string[]} [args] emulator options, such as ['--rate', '5'] or ['--https']
 * @param {string} [dist] where the bundles are (default: the committed dist/)
 * @returns {Promise<EmulatorProcess>}
 */
export async function startEmulatorProcess(args = [], dist = DIST) {
  const child = spawn(process.execPath, [join(dist, 'emulator.js'), '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'inherit']
  })
  /** @type {string} */
  const banner = await new Promise((resolve, reject) => {
    let seen = ''
    child.stdout.on('data', (chunk) => {
      seen += chunk
      if (/ state: GET \S+\n/.test(seen)) resolve(seen)
    })
    child.once('exit', (code) =>
      reject(new Error(`the emulator exited (${code}) before listening`))
    )
  })
  const url = /listening on (\S+)/.exec(banner)?.[1] ?? ''
  const app = {
    sdkAppId: /sdk-app-id: (\d+)/.exec(banner)?.[1] ?? '',
    secretKey: /secret-key: (\S+)/.exec(banner)?.[1] ?? ''
  }
  const certificate = /certificate: (\S+)/.exec(banner)?.[1]
  const ca = certificate === undefined ? undefined : readFileSync(certificate, 'utf8')
  return {
    url,
    app,
    certificate,
    state: () =>
      new Promise((resolve, reject) => {
        const get = url.startsWith('https:') ? httpsGet : httpGet
        get(`${url}/__emulator/state`, { ca }, (res) => {
          let text = ''
          res.on('data', (chunk) => (text += chunk))
          res.on('end', () => resolve(JSON.parse(text)))
        }).on('error', reject)
      }),
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      })
  }
}

/**
 * @typedef {object} Runtime
 * @property {string} binary
 * @property {number} major
 * @property {string} label
 */

/**
 * The Node binaries to run a bundle under: Node 24 from the `node` dev dependency (what GitHub
 * runs for `node24` actions) and the machine's own Node (20 here), found on PATH outside
 * node_modules, since npm scripts put the dev dependency first. One per major version.
 * @returns {Runtime[]}
 */
export function runtimes() {
  /** @type {Map<number, Runtime>} */
  const found = new Map()
  const candidates = [
    join(ROOT, 'node_modules', 'node', 'bin', 'node'),
    ...(process.env.PATH ?? '')
      .split(delimiter)
      .filter((dir) => dir !== '' && !dir.includes('node_modules'))
      .map((dir) => join(dir, 'node'))
  ]
  for (const binary of candidates) {
    try {
      accessSync(binary, constants.X_OK)
      const version = execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim()
      const major = Number(/^v(\d+)/.exec(version)?.[1])
      if (!found.has(major)) found.set(major, { binary, major, label: `Node ${version}` })
    } catch {
      // not a Node binary
    }
  }
  return [...found.values()].sort((a, b) => a.major - b.major)
}
