import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fakeCore } from '../__fixtures__/core.js'
import { ConfigError, parseConfig } from '../src/inputs/config.js'
import type { EventContext } from '../src/gather/event.js'
import { INPUTS, type RawInputs } from '../src/inputs/inputs.js'
import { plan as planOrSkip, type Plan } from '../src/plan/plan.js'
import type { GroupsDelivery } from '../src/deliver/fan-out/fan-out.js'
import type { Retried } from '../src/deliver/retries.js'
import { TARGETS } from '../src/deliver/targets.js'
import { OUTPUT_NAMES, report, statusOf, type Outcome } from '../src/report/report.js'
import { Secrets } from '../src/secrets.js'
import { contextOf, payload } from './helpers/events.js'

const raw = (given: Partial<RawInputs> = {}) =>
  ({
    ...Object.fromEntries(Object.keys(INPUTS).map((name) => [name, ''])),
    'sdk-app-id': '1400000000',
    'secret-key': 'k3y',
    random: '42',
    ...given
  }) as RawInputs
/** A plan, and the body its target shows. */
function plan(given: RawInputs, event: EventContext) {
  const planned = planOrSkip(parseConfig(given), { event, release: undefined })
  if ('skip' in planned) throw new Error(planned.skip)
  return { ...planned, body: TARGETS[planned.config.target].preview(planned).body }
}
const planned = (given: Partial<RawInputs> = {}) =>
  plan(raw(given), contextOf('release', payload('release-published')))

/** An outcome as each test names it: by its status, and what it holds. */
type Given =
  | { status: 'sent' | 'failed'; plan: Plan; sent: Retried }
  | { status: 'sent' | 'partial' | 'failed'; plan: Plan; groups: GroupsDelivery }
  | { status: 'dry-run'; plan: Plan }
  | { status: 'skipped'; reason: string }
  | { status: 'failed'; error: unknown }

/** The outcome the pipeline makes for what a test names. */
function outcomeOf(given: Given): Outcome {
  if ('error' in given) return { ended: 'stopped', error: given.error, tolerated: false }
  if (given.status === 'skipped') return { ended: 'skipped', skip: given.reason }
  const shown = { plan: given.plan, target: TARGETS[given.plan.config.target] }
  if ('sent' in given) {
    return { ended: 'delivered', ...shown, delivery: { kind: 'one', sent: given.sent } }
  }
  if ('groups' in given) {
    return { ended: 'delivered', ...shown, delivery: { kind: 'each', groups: given.groups } }
  }
  return { ended: 'previewed', ...shown }
}

function reported(given: Given, secret = 'S3CRET') {
  const outcome = outcomeOf(given)
  // The status a test names is the one the outcome has.
  expect(statusOf(outcome)).toBe(given.status)
  const core = fakeCore()
  const secrets = new Secrets(core.setSecret)
  secrets.add(secret)
  let summary = ''
  report(outcome, {
    core,
    secrets,
    durationMs: 1500,
    writeSummary: (markdown) => {
      summary += markdown
    }
  })
  const lines = core.log.filter((line) => !line.startsWith('::add-mask::'))
  return { core, outputs: core.outputs, lines, summary }
}

describe('report', () => {
  it('a delivered message: its MsgSeq, one info line, the summary', () => {
    const p = planned()
    const { outputs, lines, summary } = reported({
      status: 'sent',
      plan: p,
      sent: {
        answer: { ok: true, msgSeq: 7 },
        tries: 1,
        host: 'console.tim.qq.com',
        gaveUp: undefined
      }
    })
    expect(outputs).toEqual({
      'msg-seq': '7',
      random: '42',
      payload: JSON.stringify(p.body),
      truncated: 'false',
      tries: '1',
      status: 'sent',
      'error-code': '',
      'error-info': '',
      results: '[]'
    })
    expect(lines).toEqual(['Delivered: MsgSeq 7, Random 42, after 1 try.'])
    expect(summary).toMatch(/^## 📣 Tencent Chat broadcast sent\n/)
    expect(summary).toContain('<tr><th align="left">MsgSeq</th><td>7</td></tr>')
    expect(summary).toContain(
      '<tr><th align="left">Target</th><td><code>console.tim.qq.com</code> · SDKAppID 1400000000</td></tr>'
    )
    expect(summary).toContain('<tr><th align="left">Tries</th><td>1</td></tr>')
    expect(summary).toContain('<tr><th align="left">Duration</th><td>1.5 s</td></tr>')
    expect(summary).toContain('<tr><th align="left">Random</th><td>42</td></tr>')
  })

  it('counts tries in the plural', () => {
    const { lines } = reported({
      status: 'sent',
      plan: planned(),
      sent: { answer: { ok: true, msgSeq: 7 }, tries: 3, host: 'h', gaveUp: undefined }
    })
    expect(lines).toEqual(['Delivered: MsgSeq 7, Random 42, after 3 tries.'])
  })

  it('a dry run: the payload, grouped, and no MsgSeq', () => {
    const p = planned()
    const { outputs, lines, summary } = reported({ status: 'dry-run', plan: p })
    expect(outputs).toEqual({
      'msg-seq': '',
      random: '42',
      payload: JSON.stringify(p.body),
      truncated: 'false',
      tries: '0',
      status: 'dry-run',
      'error-code': '',
      'error-info': '',
      results: '[]'
    })
    expect(lines).toEqual([
      `Dry run: the release announcement "octo-org/live-app v2.3.0 released" (${p.message.bytes} bytes) was rendered and checked; nothing was sent.`,
      '::group::Payload',
      JSON.stringify(p.body, null, 2),
      '::endgroup::'
    ])
    expect(summary).toMatch(/^## 🔎 Tencent Chat broadcast: dry run, nothing sent\n/)
    expect(summary).toContain(
      '<tr><th align="left">Target</th><td><code>console.tim.qq.com</code> · SDKAppID 1400000000</td></tr>'
    )
    expect(summary).not.toContain('<th align="left">Tries</th>')
  })

  it('a refused message: one ::error with the code, the remedy and why it stopped', () => {
    const { outputs, lines, summary } = reported({
      status: 'failed',
      plan: planned(),
      sent: {
        answer: { ok: false, reason: 'tencent', code: 10002, info: 'busy' },
        tries: 3,
        host: 'adminapi.my-imcloud.com',
        gaveUp: 'all 2 retries were used'
      }
    })
    expect(outputs).toMatchObject({
      'msg-seq': '',
      tries: '3',
      status: 'failed',
      'error-code': '10002',
      'error-info': 'busy',
      results: '[]'
    })
    expect(lines).toEqual([
      '::error::Tencent Chat answered ErrorCode 10002 (internal server error): busy. Gave up after 3 tries: all 2 retries were used. A transient Tencent failure; run the job again.'
    ])
    expect(summary).toContain(
      '<tr><th align="left">Target</th><td><code>adminapi.my-imcloud.com</code> · SDKAppID 1400000000</td></tr>'
    )
    expect(summary).toContain('### What went wrong')
    expect(summary).toContain('**What to do:** A transient Tencent failure; run the job again.')
  })

  it('a failure tolerated by fail-on-error false: a warning, and the step stays green', () => {
    const { outputs, lines } = reported({
      status: 'failed',
      plan: planned({ 'fail-on-error': 'false' }),
      sent: {
        answer: { ok: false, reason: 'network', info: 'socket hang up' },
        tries: 1,
        host: 'h',
        gaveUp: '`retries` is 0'
      }
    })
    expect(outputs).toMatchObject({
      status: 'failed',
      'error-code': '',
      'error-info': 'socket hang up',
      results: '[]'
    })
    expect(lines).toEqual([
      "::warning::Tencent Chat was not reached, or its answer was lost: socket hang up. Gave up after 1 try: `retries` is 0. Check `region`, `endpoint` and the runner's network or proxy. The step goes on because `fail-on-error` is false."
    ])
  })

  it('bad inputs: one ::error naming each, outputs that say so, nothing else known', () => {
    const error = new ConfigError(['Input `region` must be one of …', 'Input `retries` must be …'])
    const { outputs, lines, summary } = reported({ status: 'failed', error })
    expect(outputs).toEqual({
      'msg-seq': '',
      random: '',
      payload: '',
      truncated: '',
      tries: '0',
      status: 'failed',
      'error-code': '',
      'error-info': 'Input `region` must be one of …\nInput `retries` must be …',
      results: '[]'
    })
    expect(lines).toEqual(['::error::Input `region` must be one of …\nInput `retries` must be …'])
    expect(summary).toContain('**What to do:** Fix the inputs named above; nothing was sent.')
    expect(summary).not.toContain('<th align="left">Kind</th>')
  })

  it('an unexpected failure: reported as a bug, its stack only in the debug log', () => {
    const error = new Error('boom with S3CRET inside')
    const { outputs, lines, summary } = reported({ status: 'failed', error })
    expect(outputs).toMatchObject({
      status: 'failed',
      'error-info': 'Unexpected failure: boom with *** inside',
      results: '[]'
    })
    expect(lines.at(-1)).toBe(
      '::error::Unexpected failure: boom with *** inside Please report this as a bug.'
    )
    expect(lines[0]).toMatch(/^::debug::Error: boom with \*\*\* inside\n\s+at /)
    expect(summary).toContain('**What to do:** Please report this as a bug.')
    expect(lines.join('\n')).not.toContain('S3CRET')
  })

  it('a skipped event: a notice that says why, every output set, a green step', () => {
    const reason = 'Nothing was sent: this release event is `created` …'
    const { outputs, lines, summary } = reported({ status: 'skipped', reason })
    expect(outputs).toEqual({
      'msg-seq': '',
      random: '',
      payload: '',
      truncated: '',
      tries: '0',
      status: 'skipped',
      'error-code': '',
      'error-info': '',
      results: '[]'
    })
    expect(lines).toEqual([`::notice::${reason}`])
    expect(summary).toBe(
      `## ⏭️ Tencent Chat broadcast skipped\n\n<table>\n<tr><th align="left">Duration</th><td>1.5 s</td></tr>\n</table>\n\n\`\`\`text\n${reason}\n\`\`\`\n`
    )
  })

  it('a thrown value that is not an Error is still reported', () => {
    const { lines } = reported({ status: 'failed', error: 'a string' })
    expect(lines).toEqual(['::error::Unexpected failure: a string Please report this as a bug.'])
  })

  it('sets every output on every outcome', () => {
    const p = planned()
    const outcomes: Given[] = [
      {
        status: 'sent',
        plan: p,
        sent: { answer: { ok: true, msgSeq: 1 }, tries: 1, host: 'h', gaveUp: undefined }
      },
      { status: 'dry-run', plan: p },
      { status: 'skipped', reason: 'r' },
      {
        status: 'failed',
        plan: p,
        sent: {
          answer: { ok: false, reason: 'tencent', code: 1, info: '' },
          tries: 1,
          host: 'h',
          gaveUp: undefined
        }
      },
      { status: 'failed', error: new Error('x') }
    ]
    for (const outcome of outcomes) {
      expect(Object.keys(reported(outcome).outputs).sort()).toEqual([...OUTPUT_NAMES].sort())
    }
  })

  it('scrubs the summary, and survives a summary file that cannot be written', () => {
    const core = fakeCore()
    const secrets = new Secrets(core.setSecret)
    secrets.add('k3y')
    let written = ''
    report(outcomeOf({ status: 'failed', error: new ConfigError(['Input `x` is k3y-shaped']) }), {
      core,
      secrets,
      durationMs: 0,
      writeSummary: (markdown) => (written = markdown)
    })
    expect(written).toContain('Input `x` is ***-shaped')
    const failing = fakeCore()
    report(outcomeOf({ status: 'dry-run', plan: planned() }), {
      core: failing,
      secrets: new Secrets(failing.setSecret),
      durationMs: 0,
      writeSummary: () => {
        throw new Error('EACCES: permission denied')
      }
    })
    expect(failing.log.at(-1)).toBe('::debug::No job summary: EACCES: permission denied')
    expect(failing.outputs.status).toBe('dry-run')
  })
})

describe('report, for groups', () => {
  const sent = (msgSeq: number, tries = 1) => ({
    answer: { ok: true as const, msgSeq },
    tries,
    host: 'console.tim.qq.com',
    gaveUp: undefined
  })
  const refused = (code: number, info: string, tries = 1) => ({
    answer: { ok: false as const, reason: 'tencent' as const, code, info },
    tries,
    host: 'console.tim.qq.com',
    gaveUp: undefined
  })
  const groupsPlan = (ids: string[], given: Partial<RawInputs> = {}) =>
    planned({ target: 'groups', 'group-ids': ids.join('\n'), ...given })

  it('all sent: each group in `results`, one info line, no Random of its own', () => {
    const p = groupsPlan(['room-a', 'room-b'])
    const { outputs, lines, summary } = reported({
      status: 'sent',
      plan: p,
      groups: {
        ok: true,
        results: [
          { groupId: 'room-a', sent: sent(11) },
          { groupId: 'room-b', sent: sent(12, 2) }
        ],
        tries: 3
      }
    })
    expect(outputs).toMatchObject({
      'msg-seq': '',
      random: '',
      tries: '3',
      status: 'sent',
      'error-code': '',
      'error-info': ''
    })
    expect(JSON.parse(outputs.results ?? '')).toEqual([
      {
        group_id: 'room-a',
        status: 'sent',
        msg_seq: 11,
        error_code: null,
        error_info: '',
        tries: 1
      },
      {
        group_id: 'room-b',
        status: 'sent',
        msg_seq: 12,
        error_code: null,
        error_info: '',
        tries: 2
      }
    ])
    expect(lines).toEqual([
      "Delivered to 2 groups (each one's MsgSeq is in `results`), after 3 requests."
    ])
    expect(summary).toContain(
      '<tr><th align="left">Target</th><td><code>2 groups via console.tim.qq.com</code> · SDKAppID 1400000000</td></tr>'
    )
    expect(summary).not.toContain('<th align="left">Random</th>')
  })

  it('a group that failed on the network: no code, no MsgSeq, the reason; the summary counts tries', () => {
    const { outputs, summary } = reported({
      status: 'partial',
      plan: groupsPlan(['a', 'b']),
      groups: {
        ok: true,
        results: [
          { groupId: 'a', sent: sent(5) },
          {
            groupId: 'b',
            sent: {
              answer: { ok: false, reason: 'network', info: 'connection reset' },
              tries: 6,
              host: 'console.tim.qq.com',
              gaveUp: 'all 5 retries were used'
            }
          }
        ],
        tries: 7
      }
    })
    expect(JSON.parse(outputs.results ?? '')).toEqual([
      { group_id: 'a', status: 'sent', msg_seq: 5, error_code: null, error_info: '', tries: 1 },
      {
        group_id: 'b',
        status: 'failed',
        msg_seq: null,
        error_code: null,
        error_info: 'connection reset',
        tries: 6
      }
    ])
    expect(outputs['error-code']).toBe('')
    expect(summary).toContain('<tr><th align="left">Tries</th><td>7</td></tr>')
    expect(summary).toContain(
      '<tr><td><code>b</code></td><td>❌ failed</td><td></td><td><code>connection reset</code></td><td>6</td></tr>'
    )
  })

  it('names all of exactly twenty failed groups, with no "more"', () => {
    const ids = Array.from({ length: 20 }, (_, i) => `room-${i}`)
    const { lines } = reported({
      status: 'failed',
      plan: groupsPlan(ids),
      groups: {
        ok: true,
        results: ids.map((groupId) => ({ groupId, sent: refused(10010, 'gone') })),
        tries: 20
      }
    })
    expect(lines[0]).toContain('room-19: ')
    expect(lines[0]).not.toContain('more (see')
  })

  it('one group: its MsgSeq is `msg-seq` too', () => {
    const { outputs, lines, summary } = reported({
      status: 'sent',
      plan: groupsPlan(['room-a']),
      groups: { ok: true, results: [{ groupId: 'room-a', sent: sent(11) }], tries: 1 }
    })
    expect(outputs['msg-seq']).toBe('11')
    expect(summary).toContain(
      '<tr><th align="left">Target</th><td><code>1 group via console.tim.qq.com</code> · SDKAppID 1400000000</td></tr>'
    )
    expect(lines).toEqual([
      "Delivered to 1 group (each one's MsgSeq is in `results`), after 1 request."
    ])
  })

  it('a partial failure: one ::error naming each failed group, each remedy once', () => {
    const { outputs, lines } = reported({
      status: 'partial',
      plan: groupsPlan(['a', 'b', 'c', 'd']),
      groups: {
        ok: true,
        results: [
          { groupId: 'a', sent: sent(1) },
          { groupId: 'b', sent: refused(10010, 'gone') },
          { groupId: 'c', sent: refused(10010, 'gone too') },
          { groupId: 'd', sent: refused(10017, 'muted') }
        ],
        tries: 4
      }
    })
    expect(outputs).toMatchObject({
      status: 'partial',
      'error-code': '10010',
      'error-info': 'gone'
    })
    expect(lines).toEqual([
      '::error::Delivered to 1 of 4 groups; 3 failed. ' +
        'b: Tencent Chat answered ErrorCode 10010 (the group does not exist or was disbanded): gone. ' +
        'c: Tencent Chat answered ErrorCode 10010 (the group does not exist or was disbanded): gone too. ' +
        'd: Tencent Chat answered ErrorCode 10017 (the sender is muted in the group): muted. ' +
        'Remove the group from `group-ids`: it is gone. ' +
        'Unmute `from-account` (or the admin) in the group, or send as another account.'
    ])
  })

  it('names twenty failed groups, counts the others, and says `fail-on-error` tolerates it', () => {
    const ids = Array.from({ length: 25 }, (_, i) => `room-${i}`)
    const { lines } = reported({
      status: 'failed',
      plan: groupsPlan(ids, { 'fail-on-error': 'false' }),
      groups: {
        ok: true,
        results: ids.map((groupId) => ({ groupId, sent: refused(10010, 'gone') })),
        tries: 25
      }
    })
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^::warning::Delivered to 0 of 25 groups; 25 failed\. room-0: /)
    expect(lines[0]).toContain('room-19: ')
    expect(lines[0]).not.toContain('room-20: ')
    expect(lines[0]).toContain(' And 5 more (see the `results` output).')
    expect(lines[0]).toMatch(/The step goes on because `fail-on-error` is false\.$/)
  })

  it('live rooms that could not be listed: nothing sent, and why', () => {
    const { outputs, lines, summary } = reported({
      status: 'failed',
      plan: planned({ target: 'live-rooms' }),
      groups: {
        ok: false,
        failure: { ok: false, reason: 'tencent', code: 60007, info: 'too often' },
        gaveUp: 'the time budget of this step ran out',
        calls: 3,
        tries: 9,
        pageTries: 7
      }
    })
    expect(outputs).toMatchObject({
      status: 'failed',
      tries: '9',
      'error-code': '60007',
      results: '[]'
    })
    // The give-up line counts the tries of the page that failed; `tries`, every request.
    expect(lines[0]).toMatch(
      /^::error::The live rooms could not be listed, so nothing was sent\. Tencent Chat answered ErrorCode 60007 .* Gave up after 7 tries: the time budget of this step ran out\. /
    )
    expect(summary).toContain('<td><code>every live room via console.tim.qq.com</code>')
    expect(summary).not.toContain('### Groups')
  })

  it('a dry run for live rooms says they were not listed, and shows the body each gets', () => {
    const { lines, outputs } = reported({
      status: 'dry-run',
      plan: planned({ target: 'live-rooms' })
    })
    expect(lines[0]).toContain(
      'for every live room (AVChatRoom), which were not listed (the body each gets is shown, with its own GroupId and Random); nothing was sent.'
    )
    expect(lines.join('\n')).toContain('  "GroupId": "<each AVChatRoom>",')
    expect(outputs.random).toBe('')
  })

  it('keeps `results` under the 1 MB GitHub keeps: every failure, then what fits', () => {
    const ids = Array.from(
      { length: 12_000 },
      (_, i) => `@TGS#aLiveRoom${String(i).padStart(6, '0')}`
    )
    const { outputs, lines } = reported({
      status: 'partial',
      plan: groupsPlan(ids.slice(0, 1)),
      groups: {
        ok: true,
        results: ids.map((groupId, i) => ({
          groupId,
          sent: i % 1000 === 999 ? refused(10010, 'gone') : sent(i)
        })),
        tries: 12_000
      }
    })
    const results = outputs.results ?? ''
    expect(Buffer.byteLength(results)).toBeLessThanOrEqual(1_000_000)
    const listed = JSON.parse(results) as { group_id: string; status: string }[]
    expect(listed.slice(0, 12).every((r) => r.status === 'failed')).toBe(true)
    expect(new Set(listed.map((r) => r.group_id)).size).toBe(listed.length)
    expect(listed[12]).toMatchObject({ group_id: '@TGS#aLiveRoom000000', status: 'sent' })
    expect(listed.length).toBeLessThan(12_000)
    expect(lines).toContain(
      `The \`results\` output lists ${listed.length} of 12000 groups, the failed ones first: GitHub keeps 1 MB of an output.`
    )
  })
})

describe('the `results` output, whatever the IDs and ErrorInfo hold', () => {
  /** A group ID of Tencent's 48 bytes, or an ErrorInfo of 300 characters, of `char`s. */
  const of = (char: string, bytes: number) =>
    char.repeat(Math.max(1, Math.floor(bytes / Buffer.byteLength(char))))

  const reportedFailed = (ids: string[], info: string | ((i: number) => string)) =>
    reported({
      status: 'partial',
      plan: planned({ target: 'groups', 'group-ids': 'x' }),
      groups: {
        ok: true,
        results: ids.map((groupId, i) => ({
          groupId,
          sent:
            i % 10 === 0
              ? {
                  answer: { ok: true as const, msgSeq: i },
                  tries: 1,
                  host: 'h',
                  gaveUp: undefined
                }
              : {
                  answer: {
                    ok: false as const,
                    reason: 'tencent' as const,
                    code: 10004,
                    info: typeof info === 'string' ? info : info(i)
                  },
                  tries: 1,
                  host: 'h',
                  gaveUp: undefined
                }
        })),
        tries: ids.length
      }
    })

  it('lists every failed group within 1 MB, as printed, shortening what each says', () => {
    fc.assert(
      fc.property(
        // What grows most when written as JSON and made inert: quotes, backslashes, the
        // runner's markers, characters escaped beside them, and long UTF-8.
        fc.constantFrom('"', '\\', '##[', '::', '\u200b', '😀', '\u0001'),
        fc.constantFrom('"', '\\', '##[', '\u200b', '😀', '\u0001'),
        fc.integer({ min: 1200, max: 2400 }),
        (idChar, infoChar, count) => {
          const ids = Array.from({ length: count }, (_, i) => `${of(idChar, 40)}${i}`)
          const { outputs, lines } = reportedFailed(ids, of(infoChar, 300))
          const results = outputs.results ?? ''
          expect(Buffer.byteLength(results)).toBeLessThanOrEqual(1_000_000)
          const listed = JSON.parse(results) as { group_id: string; status: string }[]
          const failed = ids.filter((_, i) => i % 10 !== 0)
          expect(listed.filter((r) => r.status === 'failed').map((r) => r.group_id)).toEqual(failed)
          if (listed.length < count) {
            expect(lines.some((line) => line.startsWith('The `results` output lists'))).toBe(true)
          }
        }
      ),
      { numRuns: 30 }
    )
  })

  it('cuts each error_info to a line when that is enough for every failed group to fit', () => {
    // 3,960 failed groups, half with 300 characters of ErrorInfo and half with 100, are 1.4 MB;
    // with at most 100 characters each they are 0.95 MB, and the sent groups fill the rest.
    const ids = Array.from({ length: 4400 }, (_, i) => `${'x'.repeat(40)}${i}`)
    const { outputs, lines } = reportedFailed(ids, (i) =>
      i % 2 ? 'e'.repeat(300) : 'f'.repeat(100)
    )
    const results = outputs.results ?? ''
    expect(Buffer.byteLength(results)).toBeLessThanOrEqual(1_000_000)
    const listed = JSON.parse(results) as { status: string; error_info: string }[]
    const failed = listed.filter((r) => r.status === 'failed')
    expect(failed).toHaveLength(3960)
    // Longer than a line: cut, and marked as cut; exactly a line: kept as it is.
    expect(new Set(failed.map((r) => r.error_info))).toEqual(
      new Set([`${'e'.repeat(100)}…`, 'f'.repeat(100)])
    )
    expect(listed.length).toBeGreaterThan(3960)
    expect(listed.length).toBeLessThan(4400)
    expect(lines).toContain(
      `The \`results\` output lists ${listed.length} of 4400 groups, the failed ones first, each \`error_info\` cut to 100 characters: GitHub keeps 1 MB of an output.`
    )
  })

  it('counts the failed groups it cannot list when not even their IDs fit', () => {
    const ids = Array.from({ length: 25_000 }, (_, i) => `${'x'.repeat(44)}${i}`)
    const { outputs, lines } = reportedFailed(ids, 'invalid parameter')
    const listed = JSON.parse(outputs.results ?? '') as { error_info: string }[]
    expect(Buffer.byteLength(outputs.results ?? '')).toBeLessThanOrEqual(1_000_000)
    expect(listed.every((r) => r.error_info === '')).toBe(true)
    expect(lines).toContain(
      `The \`results\` output lists ${listed.length} of 25000 groups, the failed ones first, without \`error_info\`: GitHub keeps 1 MB of an output. ${22_500 - listed.length} failed groups are not listed.`
    )
  })
})

describe('the `results` output at GitHub’s 1 MB', () => {
  /** `n` sent groups whose `results` JSON is exactly `bytes` long, written out independently. */
  function groupsOfSize(bytes: number) {
    const item = (id: string) =>
      JSON.stringify({
        group_id: id,
        status: 'sent',
        msg_seq: 1,
        error_code: null,
        error_info: '',
        tries: 1
      })
    const id = 'x'.repeat(40)
    const n = Math.floor(bytes / (item(id).length + 1))
    const ids = Array.from({ length: n }, () => id)
    const total = 2 + n * item(id).length + (n - 1)
    ids[n - 1] = id + 'y'.repeat(bytes - total)
    expect(JSON.stringify(ids.map((i) => JSON.parse(item(i)) as unknown)).length).toBe(bytes)
    return ids
  }

  /** The report of a run in which every one of these groups was sent the message. */
  const reportedSent = (ids: string[]) =>
    reported({
      status: 'sent',
      plan: planned({ target: 'groups', 'group-ids': 'x' }),
      groups: {
        ok: true,
        results: ids.map((groupId) => ({
          groupId,
          sent: {
            answer: { ok: true as const, msgSeq: 1 },
            tries: 1,
            host: 'h',
            gaveUp: undefined
          }
        })),
        tries: ids.length
      }
    })

  it.each([
    [1_000_000, true],
    [1_000_001, false]
  ])('%i bytes of results are listed whole: %s', (bytes, whole) => {
    const ids = groupsOfSize(bytes)
    const { outputs, lines } = reportedSent(ids)
    const results = outputs.results ?? ''
    expect(Buffer.byteLength(results)).toBeLessThanOrEqual(1_000_000)
    expect((JSON.parse(results) as unknown[]).length).toBe(whole ? ids.length : ids.length - 1)
    expect(lines.some((line) => line.startsWith('The `results` output lists'))).toBe(!whole)
  })

  it('fills the 1 MB to the byte when it has to leave groups out', () => {
    const ids = [...groupsOfSize(1_000_000), 'one-more']
    const { outputs } = reportedSent(ids)
    const results = outputs.results ?? ''
    expect(Buffer.byteLength(results)).toBe(1_000_000)
    expect((JSON.parse(results) as unknown[]).length).toBe(ids.length - 1)
  })
})
