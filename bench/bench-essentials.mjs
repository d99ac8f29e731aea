// The benchmark's third contender: the least any action built on this action's required packages
// does to deliver. It reads two inputs with @actions/core, signs with tls-sig-api-v2, posts one
// fixed message with @actions/http-client and sets `msg-seq`: no validation, no event, no
// rendering, no retries, no summary. bench/bench.mjs bundles it with the action's own esbuild
// options, so the gap between it and the floor is what those packages cost, and the gap between
// it and dist/index.js is what this action's own work costs.
import * as core from '@actions/core'
import { HttpClient } from '@actions/http-client'
import tlsSigApi from 'tls-sig-api-v2'

const sdkAppId = Number(core.getInput('sdk-app-id'))
const secretKey = core.getInput('secret-key')
core.setSecret(secretKey)
const userSig = new tlsSigApi.Api(sdkAppId, secretKey).genUserSig('administrator', 300)
core.setSecret(userSig)
const random = Math.floor(Math.random() * 2 ** 32)
const query = new URLSearchParams({
  sdkappid: String(sdkAppId),
  identifier: 'administrator',
  usersig: userSig,
  random: String(random),
  contenttype: 'json'
})
const url = `${core.getInput('endpoint')}/v4/group_open_http_svc/send_broadcast_msg?${query}`
const body = JSON.stringify({
  Random: random,
  MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'essentials' } }]
})
const response = await new HttpClient('bench').post(url, body, {
  'Content-Type': 'application/json'
})
const answer = JSON.parse(await response.readBody())
if (answer.ErrorCode !== 0) core.setFailed(`ErrorCode ${answer.ErrorCode}`)
core.setOutput('msg-seq', answer.MsgSeq)
