// `npm run demo`: a release announcement delivered end to end, with no Tencent account and no
// network beyond loopback. It starts the emulator, runs the committed dist/index.js exactly as
// the runner would for a published release, and shows what the live rooms received.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  DIST,
  ROOT,
  runAction,
  startEmulatorProcess
} from '../__tests__/helpers/action-process.mjs'

const event = JSON.parse(
  readFileSync(join(ROOT, '__fixtures__', 'events', 'release-published.json'), 'utf8')
)

const emulator = await startEmulatorProcess()
let exitCode = 1
try {
  console.log(`Emulator of Tencent Chat listening on ${emulator.url}`)
  console.log(`Running dist/index.js for a published release (${event.release.tag_name})…\n`)
  const run = await runAction({
    bundle: join(DIST, 'index.js'),
    eventName: 'release',
    event,
    inputs: {
      'sdk-app-id': emulator.app.sdkAppId,
      'secret-key': emulator.app.secretKey,
      endpoint: emulator.url
    }
  })
  for (const line of (run.stdout + run.stderr).trimEnd().split('\n')) {
    // The runner consumes these commands; a workflow log shows neither.
    if (!/^::(add-mask|debug)::/.test(line)) console.log(`  │ ${line}`)
  }
  console.log(`  └ exit code ${run.code}\n`)

  const state = await emulator.state()
  const rooms = Object.values(state.rooms)[0] ?? {}
  const received = state.broadcasts.at(-1)
  if (run.code !== 0 || !received) throw new Error('the broadcast did not land')

  const custom = received.msgBody.find(
    (/** @type {{ MsgType: string }} */ element) => element.MsgType === 'TIMCustomElem'
  )
  console.log(
    `The emulator received MsgSeq ${received.msgSeq} for ${Object.keys(rooms).length} live rooms:`
  )
  console.log(`  Desc (offline push line): ${custom.MsgContent.Desc}`)
  console.log(`  Ext: ${custom.MsgContent.Ext}`)
  console.log(`  Data (what the app renders):`)
  console.log(JSON.stringify(JSON.parse(custom.MsgContent.Data), null, 2).replace(/^/gm, '    '))
  console.log(`\nmsg-seq: ${run.outputs['msg-seq']}`)
  if (run.outputs['msg-seq'] !== String(received.msgSeq)) {
    throw new Error(`the msg-seq output differs from the emulator's MsgSeq ${received.msgSeq}`)
  }
  exitCode = 0
} catch (error) {
  console.error(`demo failed: ${error instanceof Error ? error.message : String(error)}`)
} finally {
  await emulator.stop()
}
process.exit(exitCode)
