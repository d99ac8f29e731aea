import { describe, expect, it } from 'vitest'
import { fakeCore } from '../__fixtures__/core.js'
import { ConfigError } from '../src/config.js'
import { INPUTS, type RawInputs } from '../src/inputs.js'
import { plan as planOrSkip, type Plan } from '../src/plan.js'
import { OUTPUT_NAMES, report, type Outcome } from '../src/report.js'
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
function plan(...args: Parameters<typeof planOrSkip>): Plan {
  const planned = planOrSkip(...args)
  if ('skip' in planned) throw new Error(planned.skip)
  return planned
}
const planned = (given: Partial<RawInputs> = {}): Plan =>
  plan(raw(given), contextOf('release', payload('release-published')))

function reported(outcome: Outcome, secret = 'S3CRET') {
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
        delivery: { ok: true, msgSeq: 7 },
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
      'error-info': ''
    })
    expect(lines).toEqual(['Delivered: MsgSeq 7, Random 42, after 1 try.'])
    expect(summary).toMatch(/^## 📣 Tencent Chat broadcast sent\n/)
    expect(summary).toContain('| MsgSeq | 7 |')
    expect(summary).toContain('| Target | console.tim.qq.com · SDKAppID 1400000000 |')
    expect(summary).toContain('| Tries | 1 |')
    expect(summary).toContain('| Duration | 1.5 s |')
  })

  it('counts tries in the plural', () => {
    const { lines } = reported({
      status: 'sent',
      plan: planned(),
      sent: { delivery: { ok: true, msgSeq: 7 }, tries: 3, host: 'h', gaveUp: undefined }
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
      'error-info': ''
    })
    expect(lines).toEqual([
      `Dry run: the release announcement "octo-org/live-app v2.3.0 released" (${p.message.bytes} bytes) was rendered and checked; nothing was sent.`,
      '::group::Payload',
      JSON.stringify(p.body, null, 2),
      '::endgroup::'
    ])
    expect(summary).toMatch(/^## 🔎 Tencent Chat broadcast: dry run, nothing sent\n/)
    expect(summary).toContain('| Target | console.tim.qq.com · SDKAppID 1400000000 |')
    expect(summary).not.toContain('| Tries |')
  })

  it('a refused message: one ::error with the code, the remedy and why it stopped', () => {
    const { outputs, lines, summary } = reported({
      status: 'failed',
      plan: planned(),
      sent: {
        delivery: { ok: false, reason: 'tencent', code: 10002, info: 'busy' },
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
      'error-info': 'busy'
    })
    expect(lines).toEqual([
      '::error::Tencent Chat answered ErrorCode 10002 (internal server error): busy. Gave up after 3 tries: all 2 retries were used. A transient Tencent failure; run the job again.'
    ])
    expect(summary).toContain('| Target | adminapi.my-imcloud.com · SDKAppID 1400000000 |')
    expect(summary).toContain('### What went wrong')
    expect(summary).toContain('**What to do:** A transient Tencent failure; run the job again.')
  })

  it('a failure tolerated by fail-on-error false: a warning, and the step stays green', () => {
    const { outputs, lines } = reported({
      status: 'failed',
      plan: planned({ 'fail-on-error': 'false' }),
      sent: {
        delivery: { ok: false, reason: 'network', info: 'socket hang up' },
        tries: 1,
        host: 'h',
        gaveUp: '`retries` is 0'
      }
    })
    expect(outputs).toMatchObject({
      status: 'failed',
      'error-code': '',
      'error-info': 'socket hang up'
    })
    expect(lines).toEqual([
      "::warning::The request did not reach Tencent Chat: socket hang up. Gave up after 1 tries: `retries` is 0. Check `region`, `endpoint` and the runner's network or proxy. The step goes on because `fail-on-error` is false."
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
      'error-info': 'Input `region` must be one of …\nInput `retries` must be …'
    })
    expect(lines).toEqual(['::error::Input `region` must be one of …\nInput `retries` must be …'])
    expect(summary).toContain('**What to do:** Fix the inputs named above; nothing was sent.')
    expect(summary).not.toContain('| Kind |')
  })

  it('an unexpected failure: reported as a bug, its stack only in the debug log', () => {
    const error = new Error('boom with S3CRET inside')
    const { outputs, lines, summary } = reported({ status: 'failed', error })
    expect(outputs).toMatchObject({
      status: 'failed',
      'error-info': 'Unexpected failure: boom with *** inside'
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
      'error-info': ''
    })
    expect(lines).toEqual([`::notice::${reason}`])
    expect(summary).toBe(
      `## ⏭️ Tencent Chat broadcast skipped\n\n| | |\n| --- | --- |\n| Duration | 1.5 s |\n\n${reason}\n`
    )
  })

  it('a thrown value that is not an Error is still reported', () => {
    const { lines } = reported({ status: 'failed', error: 'a string' })
    expect(lines).toEqual(['::error::Unexpected failure: a string Please report this as a bug.'])
  })

  it('sets every output on every outcome', () => {
    const p = planned()
    const outcomes: Outcome[] = [
      {
        status: 'sent',
        plan: p,
        sent: { delivery: { ok: true, msgSeq: 1 }, tries: 1, host: 'h', gaveUp: undefined }
      },
      { status: 'dry-run', plan: p },
      { status: 'skipped', reason: 'r' },
      {
        status: 'failed',
        plan: p,
        sent: {
          delivery: { ok: false, reason: 'tencent', code: 1, info: '' },
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
    report(
      { status: 'failed', error: new ConfigError(['Input `x` is k3y-shaped']) },
      { core, secrets, durationMs: 0, writeSummary: (markdown) => (written = markdown) }
    )
    expect(written).toContain('Input `x` is ***-shaped')
    const failing = fakeCore()
    report(
      { status: 'dry-run', plan: planned() },
      {
        core: failing,
        secrets: new Secrets(failing.setSecret),
        durationMs: 0,
        writeSummary: () => {
          throw new Error('EACCES: permission denied')
        }
      }
    )
    expect(failing.log.at(-1)).toBe('::debug::No job summary: EACCES: permission denied')
    expect(failing.outputs.status).toBe('dry-run')
  })
})
