// `npm run demo`: a release announcement delivered end to end, with no Tencent account and no
// network beyond loopback. It starts the emulator, runs the committed dist/index.js exactly as
// the runner would for a published release, and shows what the live rooms received.
//
//   npm run demo                          # one broadcast to every live room (Ultimate edition)
//   npm run demo -- --target live-rooms   # each live room found, then sent its own message
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { readAnnouncement } from '../client/dist/index.js'
import {
  DIST,
  ROOT,
  runAction,
  startEmulatorProcess
} from '../__tests__/helpers/action-process.mjs'

const { values: args } = parseArgs({
  options: { target: { type: 'string', default: 'broadcast' } }
})
if (args.target !== 'broadcast' && args.target !== 'live-rooms') {
  console.error('demo: --target must be broadcast or live-rooms')
  process.exit(2)
}

const event = JSON.parse(
  readFileSync(join(ROOT, '__fixtures__', 'events', 'release-published.json'), 'utf8')
)

const emulator = await startEmulatorProcess()
let exitCode = 1
try {
  console.log(`Emulator of Tencent Chat listening on ${emulator.url}`)
  console.log(
    `Running dist/index.js for a published release (${event.release.tag_name}), target ${args.target}…\n`
  )
  const run = await runAction({
    bundle: join(DIST, 'index.js'),
    eventName: 'release',
    event,
    inputs: {
      'sdk-app-id': emulator.app.sdkAppId,
      'secret-key': emulator.app.secretKey,
      endpoint: emulator.url,
      target: args.target
    }
  })
  for (const line of (run.stdout + run.stderr).trimEnd().split('\n')) {
    // The runner consumes these commands; a workflow log shows neither.
    if (!/^::(add-mask|debug)::/.test(line)) console.log(`  │ ${line}`)
  }
  console.log(`  └ exit code ${run.code}\n`)
  if (run.code !== 0) throw new Error(`the action failed (exit code ${run.code})`)

  const state = await emulator.state()
  const rooms = Object.values(state.rooms)[0] ?? {}
  const received = Object.values(rooms).map((messages) => messages.at(-1))
  if (received.length === 0 || received.some((message) => !message)) {
    throw new Error('not every live room received the announcement')
  }
  if (args.target === 'broadcast') {
    console.log(
      `The emulator received MsgSeq ${received[0].msgSeq} for ${received.length} live rooms:`
    )
  } else {
    console.log(`The emulator received one message in each of ${received.length} live rooms:`)
    for (const [groupId, messages] of Object.entries(rooms)) {
      const last = messages.at(-1)
      console.log(`  ${groupId}: MsgSeq ${last.msgSeq}, Random ${last.random}`)
    }
  }
  const custom = received[0].msgBody.find(
    (/** @type {{ MsgType: string }} */ element) => element.MsgType === 'TIMCustomElem'
  )
  console.log(`  Desc (offline push line): ${custom.MsgContent.Desc}`)
  console.log(`  Ext: ${custom.MsgContent.Ext}`)
  console.log(`  Data (the JSON the app receives):`)
  console.log(JSON.stringify(JSON.parse(custom.MsgContent.Data), null, 2).replace(/^/gm, '    '))

  // The other half: each room's message as @tencentcloud/chat hands it to the app, read by the
  // committed build of the reader package, as an app that installed it would.
  const inApp = Object.entries(Object.values(state.inApp)[0] ?? {}).filter(([id]) => id in rooms)
  console.log(`\nWhat an app reads with tencent-chat-announcement:`)
  for (const [groupId, messages] of inApp) {
    const read = readAnnouncement(messages.at(-1))
    if (!read.ok) throw new Error(`the app in ${groupId} could not read it: ${read.reason}`)
    const { announcement: a } = read
    const what = a.kind === 'release' ? `release ${a.version ?? ''}` : a.kind
    const how = read.broadcast ? 'a broadcast' : 'a group message'
    console.log(`  ${groupId}: ${what} "${a.title}" → ${a.url} (${how})`)
  }
  if (args.target === 'broadcast') {
    console.log(`\nmsg-seq: ${run.outputs['msg-seq']}`)
    if (run.outputs['msg-seq'] !== String(received[0].msgSeq)) {
      throw new Error(`the msg-seq output differs from the emulator's MsgSeq ${received[0].msgSeq}`)
    }
  } else {
    /** @type {{ status: string }[]} */
    const results = JSON.parse(run.outputs.results ?? '[]')
    const sent = results.filter((result) => result.status === 'sent').length
    console.log(`\nresults: ${results.length} groups, ${sent} sent`)
    if (results.length !== received.length) {
      throw new Error('the results output does not list every live room')
    }
  }
  exitCode = 0
} catch (error) {
  console.error(`demo failed: ${error instanceof Error ? error.message : String(error)}`)
} finally {
  await emulator.stop()
}
process.exit(exitCode)
