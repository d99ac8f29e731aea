// Reading Tencent's answer: success only when everything agrees, and every other answer named
// precisely, in text that is safe to print.
import { describe, expect, it } from 'vitest'
import { readGroupPage, readSendAnswer } from '../src/deliver/answers.js'
import type { HttpAnswer } from '../src/deliver/http.js'
import { Secrets } from '../src/secrets.js'

const url = new URL(
  'https://console.tim.qq.com/v4/group_open_http_svc/send_broadcast_msg?usersig=S'
)
const secrets = new Secrets(() => undefined)
secrets.add('SECRET-USERSIG')

const answer = (text: string, status = 200, headers: HttpAnswer['headers'] = {}): HttpAnswer => ({
  ok: true,
  status,
  headers,
  text
})
const read = (text: string, status?: number, headers?: HttpAnswer['headers']) =>
  readSendAnswer(answer(text, status, headers), url, secrets)

describe('readSendAnswer', () => {
  it.each([
    ['{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0,"MsgSeq":1283}', 1283],
    ['{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0,"MsgSeq":0,"RequestId":"Id-1"}', 0],
    ['{"ActionStatus":"OK","ErrorCode":0,"MsgSeq":9007199254740991}', 9007199254740991]
  ])('reads success from %s', (text, msgSeq) => {
    expect(read(text)).toEqual({ ok: true, msgSeq })
  })

  it('reads a refusal with its code and info', () => {
    expect(
      read(
        '{"ActionStatus":"FAIL","ErrorInfo":"Fail to Parse json data of body","ErrorCode":10004}'
      )
    ).toEqual({
      ok: false,
      reason: 'tencent',
      code: 10004,
      info: 'Fail to Parse json data of body'
    })
  })

  it.each([
    ['{"ActionStatus":"FAIL","ErrorCode":0,"MsgSeq":5}', 'ErrorCode 0 with ActionStatus "FAIL"'],
    ['{"ActionStatus":"OK","ErrorCode":10002}', 'ErrorCode 10002 with ActionStatus "OK"'],
    ['{"ErrorCode":10002}', 'ErrorCode 10002 with ActionStatus null'],
    ['{"ActionStatus":"OK","ErrorCode":0}', 'an answer of success with no MsgSeq'],
    ['{"ActionStatus":"OK","ErrorCode":0,"MsgSeq":-1}', 'an answer of success with MsgSeq -1'],
    ['{"ActionStatus":"OK","ErrorCode":0,"MsgSeq":1.5}', 'an answer of success with MsgSeq 1.5'],
    ['{"ActionStatus":"OK","ErrorCode":0,"MsgSeq":"7"}', 'an answer of success with MsgSeq "7"'],
    [
      '{"ActionStatus":"OK","ErrorCode":0,"MsgSeq":9007199254740993}',
      'an answer of success with MsgSeq 9007199254740992'
    ],
    ['{"ActionStatus":"OK"}', 'an answer with no ErrorCode'],
    ['{"ActionStatus":"FAIL","ErrorCode":"10004"}', 'an answer with ErrorCode "10004"'],
    ['{"ActionStatus":"FAIL","ErrorCode":10004.5}', 'an answer with ErrorCode 10004.5']
  ])('calls %s garbled: %s', (text, info) => {
    expect(read(text)).toEqual({ ok: false, reason: 'garbled', info })
  })

  it.each([
    ['<html>502 Bad Gateway</html>', 'the answer is not JSON'],
    ['', 'the answer is not JSON'],
    ['null', 'the answer is not a JSON object'],
    ['[1]', 'the answer is not a JSON object']
  ])('calls %j malformed', (text, info) => {
    expect(read(text)).toEqual({ ok: false, reason: 'malformed', info })
  })

  it.each([502, 503, 429, 404, 400, 299, 204])('calls HTTP %i an HTTP failure', (status) => {
    expect(read('{"ErrorCode":0}', status)).toEqual({
      ok: false,
      reason: 'http',
      status,
      info: `HTTP ${status}`
    })
  })

  it.each([
    [301, 'https://elsewhere.example/v4/x', 'elsewhere.example'],
    [308, '/v4/moved', 'console.tim.qq.com'],
    [302, 'http://[bad', 'an unreadable location'],
    [307, undefined, 'nowhere (no Location header)'],
    [300, '/v4/choices', 'console.tim.qq.com'],
    [399, '/v4/odd', 'console.tim.qq.com']
  ])('names a redirect (%i) and where it points', (status, location, host) => {
    expect(read('', status, location === undefined ? {} : { location })).toEqual({
      ok: false,
      reason: 'redirect',
      status,
      info: `HTTP ${status}, a redirect to ${host}`
    })
  })

  it('makes what the server wrote inert: no line breaks, no workflow command, no secret', () => {
    const result = read(
      JSON.stringify({
        ActionStatus: 'FAIL',
        ErrorCode: 10004,
        ErrorInfo: 'bad\n::stop-commands::abc\r\n::warning::x\u2028y SECRET-USERSIG'
      })
    )
    expect(result).toEqual({
      ok: false,
      reason: 'tencent',
      code: 10004,
      info: 'bad\\n::stop-commands::abc\\r\\n::warning::x\\u2028y ***'
    })
  })

  it('scrubs a secret before it cuts a long ErrorInfo', () => {
    const info = `${'x'.repeat(295)}SECRET-USERSIG${'y'.repeat(100)}`
    const result = read(JSON.stringify({ ActionStatus: 'FAIL', ErrorCode: 1, ErrorInfo: info }))
    expect(result).toEqual({
      ok: false,
      reason: 'tencent',
      code: 1,
      info: `${'x'.repeat(295)}***${'y'.repeat(2)}…`
    })
  })

  it('keeps a transport failure that may pass a network failure, and the others unreachable', () => {
    expect(
      readSendAnswer(
        { ok: false, kind: 'timeout', retryable: true, detail: 'no answer within 1 s\n::x' },
        url,
        secrets
      )
    ).toEqual({ ok: false, reason: 'network', info: 'no answer within 1 s\\n::x' })
    expect(
      readSendAnswer(
        { ok: false, kind: 'certificate', retryable: false, detail: 'self-signed certificate' },
        url,
        secrets
      )
    ).toEqual({
      ok: false,
      reason: 'unreachable',
      kind: 'certificate',
      info: 'self-signed certificate'
    })
  })
})

describe('readGroupPage', () => {
  const listUrl = new URL(
    'https://console.tim.qq.com/v4/group_open_http_svc/get_appid_group_list?usersig=S'
  )
  const readPage = (text: string) => readGroupPage(answer(text), listUrl, secrets)
  const ok = '"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":""'

  it('reads the group IDs and the Next cursor digit for digit', () => {
    expect(
      readPage(
        `{${ok},"TotalCount":3,"GroupIdList":[{"GroupId":"@TGS#aRoomA"},{"GroupId":"lounge"}],"Next":18446744073709551615}`
      )
    ).toEqual({
      ok: true,
      page: { groups: [{ id: '@TGS#aRoomA' }, { id: 'lounge' }], next: '18446744073709551615' }
    })
  })

  it('reads the last page: Next 0, perhaps with no group at all', () => {
    expect(readPage(`{${ok},"GroupIdList":[],"Next":0}`)).toEqual({
      ok: true,
      page: { groups: [], next: '0' }
    })
  })

  it('reads a refusal as Tencent’s code and info', () => {
    expect(
      readPage('{"ActionStatus":"FAIL","ErrorCode":10018,"ErrorInfo":"packet too large"}')
    ).toEqual({ ok: false, reason: 'tencent', code: 10018, info: 'packet too large' })
  })

  it.each([
    ['no Next', `{${ok},"GroupIdList":[]}`, 'a page of groups without a valid Next'],
    [
      'a Next of 2^64',
      `{${ok},"GroupIdList":[],"Next":18446744073709551616}`,
      'a page of groups without a valid Next'
    ],
    [
      'a Next that is text',
      `{${ok},"GroupIdList":[],"Next":"12"}`,
      'a page of groups without a valid Next'
    ],
    [
      'a Next only in a nested object',
      `{${ok},"GroupIdList":[{"GroupId":"a","Next":3}]}`,
      'a page of groups without a valid Next'
    ],
    ['no GroupIdList', `{${ok},"Next":0}`, 'a page of groups without a GroupIdList'],
    [
      'a GroupIdList that is an object',
      `{${ok},"GroupIdList":{},"Next":0}`,
      'a page of groups without a GroupIdList'
    ]
  ])('calls a page with %s garbled: no group of it is trusted', (_, text, info) => {
    expect(readPage(text)).toEqual({ ok: false, reason: 'garbled', info })
  })

  it('sends to any text ID as Tencent lists it; an entry that is no text ID cannot be sent to', () => {
    const page = readPage(
      `{${ok},"GroupIdList":[{"GroupId":"a\\n::stop-commands::x"},{"GroupId":"${'x'.repeat(49)}"},{"GroupId":""},{"GroupId":7},{"Id":"a"},"b",{"GroupId":{"deep":"${'y'.repeat(80)}"}}],"Next":0}`
    )
    expect(page).toEqual({
      ok: true,
      page: {
        groups: [
          { id: 'a\n::stop-commands::x' },
          { id: 'x'.repeat(49) },
          { unsendable: '""', why: 'the list of live rooms gave a GroupId that is empty' },
          {
            unsendable: '7',
            why: 'the list of live rooms gave a GroupId that is not text (number)'
          },
          { unsendable: '{"Id":"a"}', why: 'an entry of the list of live rooms has no GroupId' },
          { unsendable: '"b"', why: 'an entry of the list of live rooms has no GroupId' },
          {
            unsendable: `{"deep":"${'y'.repeat(51)}…`,
            why: 'the list of live rooms gave a GroupId that is not text (object)'
          }
        ],
        next: '0'
      }
    })
  })
})
