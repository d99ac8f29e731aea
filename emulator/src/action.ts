// The `./emulator` action: starts the emulator in the background for the rest of the job, so a
// workflow can run its announcement steps against it without a Tencent account.
import { spawn } from 'node:child_process'
import { openSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as core from '@actions/core'
import { DEMO_APP, STATE_PATH } from './index.js'
import { messageOf } from '../../src/prose.js'

const STARTUP_MS = 10_000

async function main(): Promise<void> {
  const input = (name: string, fallback: string) => core.getInput(name) || fallback
  const sdkAppId = input('sdk-app-id', String(DEMO_APP.sdkAppId))
  const admin = input('admin-identifier', DEMO_APP.admin)
  const log = join(process.env.RUNNER_TEMP ?? tmpdir(), `tencent-chat-emulator-${process.pid}.log`)
  const out = openSync(log, 'a')
  const child = spawn(
    process.execPath,
    [
      join(dirname(fileURLToPath(import.meta.url)), 'emulator.js'),
      ...['--port', input('port', '0'), '--rate', input('rate', '1')],
      ...['--app-id', sdkAppId, '--admin', admin]
    ],
    { detached: true, stdio: ['ignore', out, out] }
  )
  child.unref()

  const deadline = Date.now() + STARTUP_MS
  let url: string | undefined
  while (url === undefined) {
    if (child.exitCode !== null || Date.now() > deadline) {
      throw new Error(`the emulator did not start:\n${readFileSync(log, 'utf8')}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
    url = /listening on (\S+)/.exec(readFileSync(log, 'utf8'))?.[1]
  }
  core.info(`Tencent Chat emulator listening on ${url} (pid ${child.pid ?? '?'}, log ${log})`)
  core.setOutput('url', url)
  core.setOutput('state-url', `${url}${STATE_PATH}`)
  core.setOutput('sdk-app-id', sdkAppId)
  core.setOutput('admin-identifier', admin)
  core.setOutput('secret-key', DEMO_APP.key)
  core.setOutput('pid', String(child.pid ?? ''))
  core.setOutput('log', log)
}

main().catch((error: unknown) => {
  core.setFailed(messageOf(error))
})
