// The dry run and the job summary, as a user sees them: the bundle run as the runner runs it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runAction } from '../scripts/action-process.mjs'
import { startEmulator, type Emulator } from '../src/emulator/index.js'
import { renderSummary } from '../src/summary.js'
import { emulatorInputs, maskedValues } from './helpers/action.js'
import { payload } from './helpers/events.js'

const release = payload('release-published')

let emulator: Emulator
beforeEach(async () => {
  emulator = await startEmulator()
})
afterEach(async () => {
  await emulator.close()
})

const inputs = (extra: Record<string, string> = {}) => emulatorInputs(emulator, extra)

describe('dry-run', () => {
  it('renders and checks the announcement, sends nothing, and needs no credential', async () => {
    const run = await runAction({
      inputs: inputs({ 'secret-key': '', 'dry-run': 'true' }),
      event: release
    })
    expect(run.code).toBe(0)
    expect(emulator.requests).toHaveLength(0)
    expect(run.outputs.status).toBe('dry-run')
    expect(run.outputs['msg-seq']).toBeUndefined()
    const payload = JSON.parse(run.outputs.payload ?? '') as { Random: number; MsgBody: unknown[] }
    expect(payload.Random).toBe(Number(run.outputs.random))
    expect(JSON.stringify(payload.MsgBody)).toContain('octo-org/live-app v2.3.0 released')
    expect(run.stdout).toMatch(/Dry run: the release announcement .* nothing was sent/)
  })

  it('sends the very payload the dry run showed', async () => {
    const dry = await runAction({ inputs: inputs({ 'dry-run': 'true' }), event: release })
    const real = await runAction({ inputs: inputs(), event: release })
    expect(real.outputs.payload).toBe(dry.outputs.payload)
    expect(emulator.requests[0]?.body).toBe(dry.outputs.payload)
  })

  it('still fails on bad input', async () => {
    const run = await runAction({
      inputs: inputs({ 'dry-run': 'true', data: '{"x":"{{ release.nope }}"}' }),
      event: release
    })
    expect(run.code).toBe(1)
    expect(run.summary).toContain('❌ Tencent Chat broadcast failed')
    expect(run.summary).toContain('refers to {{ release.nope }}')
  })
})

describe('the job summary', () => {
  it('tells what was sent, where, and what a live room shows', async () => {
    const run = await runAction({ inputs: inputs(), event: release })
    const summary = run.summary
    expect(summary).toContain('## 📣 Tencent Chat broadcast sent')
    expect(summary).toContain('| Kind | release |')
    expect(summary).toContain('| Title | v2.3.0 — Co-host mode |')
    expect(summary).toContain(`| Target | ${new URL(emulator.url).host} · SDKAppID 1400000000 |`)
    expect(summary).toContain(`| MsgSeq | ${run.outputs['msg-seq'] ?? ''} |`)
    expect(summary).toContain(`| Random | ${run.outputs.random ?? ''} |`)
    expect(summary).toMatch(/\| Size \| \d{3} of 12,000 bytes \|/)
    expect(summary).toContain('| Tries | 1 |')
    expect(summary).toMatch(/\| Duration \| \d+\.\d s \|/)
    expect(summary).toContain('**Push line (Desc):** octo-org/live-app v2.3.0 released')
    expect(summary).toContain('> • Co-host mode: invite a second streamer on stage')
    expect(summary).toContain('<details><summary>Data (what the app receives)</summary>')
    expect(summary).toContain('"version": "v2.3.0"')
  })

  it('shows a dry run as one', async () => {
    const run = await runAction({ inputs: inputs({ 'dry-run': 'true' }), event: release })
    expect(run.summary).toContain('## 🔎 Tencent Chat broadcast: dry run, nothing sent')
    expect(run.summary).not.toContain('| MsgSeq |')
    expect(run.summary).toContain('**Push line (Desc):**')
  })

  it('shows the code, the info and the remedy of a failure, and never a secret', async () => {
    emulator.inject({ kind: 'code', code: 10007, info: 'switch off' })
    const run = await runAction({ inputs: inputs(), event: release })
    expect(run.code).toBe(1)
    expect(run.summary).toContain('## ❌ Tencent Chat broadcast failed')
    expect(run.summary).toContain('ErrorCode 10007 (no permission): switch off.')
    expect(run.summary).toContain(
      '**What to do:** Switch on "Broadcast messaging of audio-video group"'
    )
    const masked = maskedValues(run.stdout)
    expect(masked.length).toBeGreaterThan(1)
    for (const secret of masked) expect(run.summary).not.toContain(secret)
  })

  it('escapes what the release author wrote', () => {
    const summary = renderSummary({
      status: 'sent',
      durationMs: 1200,
      message: {
        kind: 'release',
        title: '<img src=x onerror=alert(1)> | pipe',
        text: '<script>alert(1)</script>',
        desc: 'a & b',
        data: '{"a":"```"}',
        bytes: 10,
        maxBytes: 12000,
        truncated: true
      }
    })
    expect(summary).toContain('| Title | &lt;img src=x onerror=alert(1)&gt; \\| pipe |')
    expect(summary).toContain('> &lt;script&gt;alert(1)&lt;/script&gt;')
    expect(summary).toContain('**Push line (Desc):** a &amp; b')
    expect(summary).toContain('10 of 12,000 bytes (free text cut to fit)')
    expect(summary).not.toMatch(/"a": "```"/)
  })
})
