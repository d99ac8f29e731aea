import { describe, expect, it } from 'vitest'
import { describeError, TENCENT_ERRORS } from '../src/deliver/tencent-errors.js'
import { explainFailure } from '../src/report/explain.js'

describe('the error table', () => {
  it('knows every code of the spec’s tables, each with a meaning and a remedy', () => {
    expect(Object.keys(TENCENT_ERRORS).map(Number)).toEqual([
      10002, 10003, 10004, 10007, 10010, 10015, 10016, 10017, 10018, 10023, 60002, 60003, 60004,
      60005, 60006, 60007, 60008, 60009, 60010, 60011, 60012, 60016, 60017, 60018, 60019, 60020,
      60021, 70001, 70002, 70003, 70005, 70009, 70013, 70014, 70016, 70020, 70050, 70051, 70052,
      70107, 70169, 70202, 70398, 70402, 70403, 70500, 80001, 80002, 80003, 80004
    ])
    for (const { meaning, remedy } of Object.values(TENCENT_ERRORS)) {
      expect(meaning).not.toBe('')
      expect(remedy).toMatch(/\.$/)
    }
  })

  it.each([
    [10002, 'yes'],
    [10004, 'no'],
    [10010, 'no'],
    [10016, 'no'],
    [10018, 'no'],
    [10023, 'rate-limited'],
    [60007, 'rate-limited'],
    [60011, 'rate-limited'],
    [60018, 'rate-limited'],
    [60019, 'rate-limited'],
    [60008, 'yes'],
    [70001, 'new-usersig'],
    [70050, 'after-60s'],
    [70052, 'new-usersig'],
    [70169, 'yes'],
    [70202, 'yes'],
    [70500, 'yes'],
    [80001, 'no'],
    [80002, 'no']
  ])('says whether %i can be retried: %s', (code, retry) => {
    expect(describeError(code).retry).toBe(retry)
  })

  it('gives an unlisted code a generic entry that is never retried', () => {
    expect(describeError(12345)).toEqual({
      meaning: 'unlisted error',
      retry: 'no',
      remedy: 'See https://intl.cloud.tencent.com/document/product/1047/34348 for this code.'
    })
  })
})

describe('explainFailure', () => {
  it('quotes Tencent’s code, meaning and ErrorInfo, with the remedy', () => {
    expect(
      explainFailure({ ok: false, reason: 'tencent', code: 10007, info: 'switch off' })
    ).toEqual({
      what: 'Tencent Chat answered ErrorCode 10007 (no permission): switch off.',
      remedy:
        'Set `admin-identifier` to the app admin account. For `target: broadcast`, switch on "Broadcast messaging of audio-video group" in the Tencent Chat console (Ultimate edition), or use `target: live-rooms`, which every edition has.'
    })
  })

  it('leaves out an empty ErrorInfo', () => {
    expect(explainFailure({ ok: false, reason: 'tencent', code: 10002, info: '' }).what).toBe(
      'Tencent Chat answered ErrorCode 10002 (internal server error).'
    )
  })

  it('says a network failure did not reach Tencent or lost its answer, and where to look', () => {
    expect(
      explainFailure({
        ok: false,
        reason: 'network',
        info: 'connect ECONNREFUSED'
      })
    ).toEqual({
      what: 'Tencent Chat was not reached, or its answer was lost: connect ECONNREFUSED.',
      remedy: "Check `region`, `endpoint` and the runner's network or proxy."
    })
  })

  it.each([
    [{ ok: false, reason: 'http', info: 'HTTP 502', status: 502 } as const],
    [{ ok: false, reason: 'malformed', info: 'the answer is not JSON' } as const]
  ])('calls anything else an unexpected answer and points at `endpoint` (%j)', (failure) => {
    expect(explainFailure(failure)).toEqual({
      what: `Tencent Chat gave an unexpected answer (${failure.info}).`,
      remedy: 'Check `endpoint`: it must point at the Tencent Chat REST API or a proxy of it.'
    })
  })

  it('says the answer contradicted itself, and points at `endpoint`', () => {
    expect(
      explainFailure({ ok: false, reason: 'garbled', info: 'ErrorCode 0 with ActionStatus "FAIL"' })
    ).toEqual({
      what: 'Tencent Chat gave a contradictory answer (ErrorCode 0 with ActionStatus "FAIL").',
      remedy: 'Check `endpoint`: it must point at the Tencent Chat REST API or a proxy of it.'
    })
  })

  it('names a message a live room dropped, and says how to be dropped last', () => {
    expect(explainFailure({ ok: false, reason: 'dropped', info: 'dropped: MsgFreqCtrl' })).toEqual({
      what: "A live room's frequency control dropped the message (dropped: MsgFreqCtrl).",
      remedy:
        'Keep `priority` at High, which live rooms drop last, and announce when the room is quieter.'
    })
  })

  it('names a redirect, and says to give the final URL', () => {
    expect(
      explainFailure({
        ok: false,
        reason: 'redirect',
        status: 301,
        info: 'HTTP 301, a redirect to elsewhere.example'
      })
    ).toEqual({
      what: 'The endpoint answered HTTP 301, a redirect to elsewhere.example; the action does not follow redirects.',
      remedy:
        'Set `endpoint` to the final URL: following a redirect would send the UserSig to another host.'
    })
  })

  it('names a group no try could reach in time, and says a re-run reaches it once', () => {
    const explanation = explainFailure({
      ok: false,
      reason: 'out-of-time',
      info: 'no try could start before the end of the time budget of this step'
    })
    expect(explanation.what).toBe(
      'Not sent: no try could start before the end of the time budget of this step.'
    )
    expect(explanation.remedy).toMatch(/^Run the job again: rooms that already have the message/)
  })

  it('names an entry of the list that is no group, and says nothing can reach it', () => {
    expect(
      explainFailure({ ok: false, reason: 'unsendable', info: 'a GroupId that is a number' })
    ).toEqual({
      what: 'Not sent: a GroupId that is a number.',
      remedy: 'Tencent listed something that is no group ID; nothing can be sent to it.'
    })
  })

  it('names a listing stopped at a limit, and says how to reach every room', () => {
    const explanation = explainFailure({ ok: false, reason: 'limit', info: 'more than 100 pages' })
    expect(explanation.what).toBe('The listing was stopped: more than 100 pages.')
    expect(explanation.remedy).toMatch(/^Announce with `target: broadcast` \(Ultimate edition\)/)
  })

  it.each([
    ['certificate', /^The server's TLS certificate is not trusted: x\.$/, /NODE_EXTRA_CA_CERTS/],
    ['proxy', /^The proxy refused to open a tunnel: x\.$/, /proxy credentials .* NO_PROXY/],
    ['dns', /^The endpoint's name does not resolve: x\.$/, /host name in `endpoint`/]
  ] as const)('explains an unreachable endpoint (%s) with its remedy', (kind, what, remedy) => {
    const explanation = explainFailure({ ok: false, reason: 'unreachable', kind, info: 'x' })
    expect(explanation.what).toMatch(what)
    expect(explanation.remedy).toMatch(remedy)
  })
})
