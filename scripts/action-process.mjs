// Runs the committed bundle the way the GitHub runner does: a separate Node process, inputs as
// INPUT_<NAME> variables, the event in the file GITHUB_EVENT_PATH names, outputs written to the
// file GITHUB_OUTPUT names. Shared by `npm run demo` and the end-to-end tests.
import { spawn } from 'node:child_process'
import { get as httpGet } from 'node:http'
import { get as httpsGet } from 'node:https'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = fileURLToPath(new URL('..', import.meta.url))
export const ACTION_BUNDLE = join(ROOT, 'dist', 'index.js')
export const EMULATOR_BUNDLE = join(ROOT, 'dist', 'emulator.js')
export const EMULATOR_ACTION_BUNDLE = join(ROOT, 'dist', 'emulator-action.js')

/**
 * @typedef {object} ActionRun
 * @property {number | null} code exit code
 * @property {string} stdout
 * @property {string} stderr
 * @property {Record<string, string>} outputs what the action wrote to GITHUB_OUTPUT
 * @property {string} summary what the action wrote to GITHUB_STEP_SUMMARY
 */

/**
 * Runs an action bundle (dist/index.js unless told otherwise) once. The environment starts empty but for PATH and HOME, so nothing from
 * the calling shell (a real runner's GITHUB_* variables, a proxy) leaks into the run.
 * @param {object} options
 * @param {Record<string, string>} options.inputs action inputs by their action.yml names
 * @param {string} [options.eventName] GITHUB_EVENT_NAME
 * @param {unknown} [options.event] the webhook payload
 * @param {Record<string, string>} [options.env] more variables (they win over the defaults)
 * @param {string} [options.node] the Node binary (default: the one running this)
 * @param {string} [options.bundle] the action's bundle (default: dist/index.js)
 * @returns {Promise<ActionRun>}
 */
export async function runAction({
  inputs,
  eventName = 'release',
  event = {},
  env = {},
  node,
  bundle = ACTION_BUNDLE
}) {
  const dir = mkdtempSync(join(tmpdir(), 'action-run-'))
  try {
    const eventPath = join(dir, 'event.json')
    const outputPath = join(dir, 'output.txt')
    const summaryPath = join(dir, 'summary.md')
    writeFileSync(eventPath, JSON.stringify(event))
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
      GITHUB_SHA: '6113728f27ae82c7b1a177c8d03f9e96e0adf246',
      GITHUB_REF: 'refs/tags/v2.3.0',
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

/**
 * Reads a GITHUB_OUTPUT file: `name<<DELIMITER` blocks (what @actions/core writes) and plain
 * `name=value` lines.
 * @param {string} text
 * @returns {Record<string, string>}
 */
export function parseFileCommand(text) {
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
 * Starts dist/emulator.js as its own process and waits for the banner it prints.
 * @param {string[]} [args] emulator options, such as ['--rate', '5'] or ['--https']
 * @returns {Promise<EmulatorProcess>}
 */
export async function startEmulatorProcess(args = []) {
  const child = spawn(process.execPath, [EMULATOR_BUNDLE, '--port', '0', ...args], {
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
