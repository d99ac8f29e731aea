import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { DEMO_APP, DEMO_GROUPS, startEmulator, STATE_PATH } from './index.js'
import { messageOf } from '../../src/prose.js'

/** The demo app's groups with `rooms` live rooms: its own three first, then numbered ones. */
function demoGroups(rooms: number) {
  const live = DEMO_GROUPS.filter((group) => group.type === 'AVChatRoom')
  const others = DEMO_GROUPS.filter((group) => group.type !== 'AVChatRoom')
  const extra = Array.from({ length: Math.max(0, rooms - live.length) }, (_, i) => ({
    id: `@TGS#aLiveRoom${String(i + 1).padStart(4, '0')}`,
    type: 'AVChatRoom' as const
  }))
  return [...live.slice(0, rooms), ...extra, ...others]
}

const usage = `Usage: npm run emulator -- [options]

A local stand-in for Tencent Chat's REST APIs send_broadcast_msg, send_group_msg and
get_appid_group_list.

  --port N        port to listen on (default 0: a free one)
  --host H        address to listen on (default 127.0.0.1)
  --app-id N      SDKAppID (default ${DEMO_APP.sdkAppId})
  --key K         the app's secret key (default: the demo key)
  --admin A       the app admin account (default ${DEMO_APP.admin})
  --account A     another existing account, usable as from-account (repeatable)
  --rate N        broadcasts accepted per second (default 1; Enterprise edition: 5)
  --broadcast-off answer 10007, as when the console switch is off
  --rooms N       live rooms (AVChatRoom) of the app (default 3), beside one Public group
  --group-rate N  send_group_msg calls accepted per second for the app (default 200)
  --latency MS    a far region: every answer, and every new connection, waits MS ms (default 0)
  --https         serve HTTPS with a fresh self-signed certificate
  --help          show this text`

let values
try {
  ;({ values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      host: { type: 'string', default: '127.0.0.1' },
      'app-id': { type: 'string', default: String(DEMO_APP.sdkAppId) },
      key: { type: 'string', default: DEMO_APP.key },
      admin: { type: 'string', default: DEMO_APP.admin },
      account: { type: 'string', multiple: true, default: [] },
      rate: { type: 'string', default: '1' },
      'broadcast-off': { type: 'boolean', default: false },
      rooms: { type: 'string', default: '3' },
      'group-rate': { type: 'string', default: '200' },
      latency: { type: 'string', default: '0' },
      https: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false }
    }
  }))
} catch (error) {
  console.error(`${messageOf(error)}\n\n${usage}`)
  process.exit(2)
}
if (values.help) {
  console.log(usage)
  process.exit(0)
}

const number = (name: string, text: string, min: number): number => {
  if (!/^\d+$/.test(text) || Number(text) < min) {
    console.error(
      `--${name} must be a whole number of at least ${min}; got ${JSON.stringify(text)}`
    )
    process.exit(2)
  }
  return Number(text)
}

const sdkAppId = number('app-id', values['app-id'], 1)
const emulator = await startEmulator({
  host: values.host,
  onRequest: (request) => {
    const outcome =
      request.code === undefined
        ? `no answer (fault: ${request.fault})`
        : request.code !== 0
          ? `ErrorCode ${request.code}`
          : request.msgSeq === undefined
            ? 'OK'
            : `MsgSeq ${request.msgSeq}${request.repeat ? ' (repeat, discarded)' : ''}`
    const fault = request.fault && request.code !== undefined ? ` (fault: ${request.fault})` : ''
    const group = request.groupId === undefined ? '' : ` ${JSON.stringify(request.groupId)}`
    console.log(
      `${new Date(request.time).toISOString()} ${request.method} ${request.path}${group} → ${outcome}${fault}`
    )
  },
  port: number('port', values.port, 0),
  https: values.https,
  latencyMs: number('latency', values.latency, 0),
  apps: [
    {
      sdkAppId,
      key: values.key,
      admin: values.admin,
      accounts: values.account,
      rate: number('rate', values.rate, 1),
      broadcast: !values['broadcast-off'],
      groups: demoGroups(number('rooms', values.rooms, 0)),
      groupRate: number('group-rate', values['group-rate'], 1)
    }
  ]
})

console.log(`Tencent Chat emulator listening on ${emulator.url}`)
console.log(`  sdk-app-id: ${sdkAppId}   admin-identifier: ${values.admin}`)
if (values.key === DEMO_APP.key) console.log(`  secret-key: ${DEMO_APP.key}`)
if (emulator.certificate !== undefined) {
  const caFile = join(tmpdir(), `tencent-chat-emulator-${emulator.port}.pem`)
  writeFileSync(caFile, emulator.certificate)
  console.log(`  certificate: ${caFile} (trust it with NODE_EXTRA_CA_CERTS=${caFile})`)
}
console.log(`  state: GET ${emulator.url}${STATE_PATH}`)

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void emulator.close().then(() => process.exit(0))
  })
}
