import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { DEMO_APP, startEmulator, STATE_PATH } from './index.js'

const usage = `Usage: npm run emulator -- [options]

A local stand-in for Tencent Chat's send_broadcast_msg REST API.

  --port N        port to listen on (default 0: a free one)
  --host H        address to listen on (default 127.0.0.1)
  --app-id N      SDKAppID (default ${DEMO_APP.sdkAppId})
  --key K         the app's secret key (default: the demo key)
  --admin A       the app admin account (default ${DEMO_APP.admin})
  --account A     another existing account, usable as from-account (repeatable)
  --rate N        broadcasts accepted per second (default 1; Enterprise edition: 5)
  --broadcast-off answer 10007, as when the console switch is off
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
      https: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false }
    }
  }))
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`)
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
          : `MsgSeq ${request.msgSeq}${request.repeat ? ' (repeat, discarded)' : ''}`
    const fault = request.fault && request.code !== undefined ? ` (fault: ${request.fault})` : ''
    console.log(
      `${new Date(request.time).toISOString()} ${request.method} ${request.path} → ${outcome}${fault}`
    )
  },
  port: number('port', values.port, 0),
  https: values.https,
  apps: [
    {
      sdkAppId,
      key: values.key,
      admin: values.admin,
      accounts: values.account,
      rate: number('rate', values.rate, 1),
      broadcast: !values['broadcast-off']
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
