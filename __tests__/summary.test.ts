import { describe, expect, it } from 'vitest'
import { renderSummary, type GroupRow, type SummaryFacts } from '../src/summary.js'

const message: NonNullable<SummaryFacts['message']> = {
  kind: 'release',
  title: 'v2.3.0 — Co-host mode',
  text: 'What’s new\n• Co-host mode',
  desc: 'octo-org/live-app v2.3.0 released',
  data: '{"v":1,"kind":"release"}',
  bytes: 922,
  maxBytes: 12000,
  truncated: false
}

describe('renderSummary', () => {
  it('tells what was sent, where, and what a live room shows', () => {
    expect(
      renderSummary({
        status: 'sent',
        durationMs: 1234,
        message,
        target: { host: 'console.tim.qq.com', sdkAppId: 1400000000 },
        random: 42,
        msgSeq: 7,
        tries: 2
      })
    ).toBe(
      [
        '## 📣 Tencent Chat broadcast sent',
        '',
        '| | |',
        '| --- | --- |',
        '| Kind | release |',
        '| Title | v2.3.0 — Co-host mode |',
        '| Target | console.tim.qq.com · SDKAppID 1400000000 |',
        '| MsgSeq | 7 |',
        '| Random | 42 |',
        '| Size | 922 of 12,000 bytes |',
        '| Tries | 2 |',
        '| Duration | 1.2 s |',
        '',
        '### What a live room shows',
        '',
        '**Push line (Desc):** octo-org/live-app v2.3.0 released',
        '',
        '> **v2.3.0 — Co-host mode**',
        '>',
        '> What’s new',
        '> • Co-host mode',
        '',
        '<details><summary>Data (what the app receives)</summary>',
        '',
        '```json',
        '{',
        '  "v": 1,',
        '  "kind": "release"',
        '}',
        '```',
        '',
        '</details>',
        ''
      ].join('\n')
    )
  })

  it('heads a dry run and a failure as such', () => {
    expect(renderSummary({ status: 'dry-run', durationMs: 0 })).toMatch(
      /^## 🔎 Tencent Chat broadcast: dry run, nothing sent\n/
    )
    expect(renderSummary({ status: 'failed', durationMs: 0 })).toMatch(
      /^## ❌ Tencent Chat broadcast failed\n/
    )
  })

  it('says what went wrong and what to do', () => {
    const summary = renderSummary({
      status: 'failed',
      durationMs: 50,
      failure: { what: 'Input `region` must be one of …', remedy: 'Fix the inputs <now>.' }
    })
    expect(summary).toContain(
      '### What went wrong\n\nInput `region` must be one of …\n\n**What to do:** Fix the inputs &lt;now&gt;.\n'
    )
    expect(summary).toContain('| Duration | 0.1 s |')
    expect(summary).not.toContain('What a live room shows')
  })

  it('shows twelve lines of the text, then an ellipsis', () => {
    const text = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join('\n')
    const summary = renderSummary({ status: 'sent', durationMs: 0, message: { ...message, text } })
    expect(summary).toContain('> line 12\n> …\n')
    expect(summary).not.toContain('line 13')
    const twelve = renderSummary({
      status: 'sent',
      durationMs: 0,
      message: { ...message, text: text.split('\n').slice(0, 12).join('\n') }
    })
    expect(twelve).toContain('> line 12\n\n')
  })

  it('says when free text was cut, and counts bytes with separators', () => {
    const summary = renderSummary({
      status: 'sent',
      durationMs: 0,
      message: { ...message, bytes: 11998, maxBytes: 12000, truncated: true }
    })
    expect(summary).toContain('| Size | 11,998 of 12,000 bytes (free text cut to fit) |')
  })

  it('escapes what the release author wrote', () => {
    const summary = renderSummary({
      status: 'sent',
      durationMs: 1200,
      message: {
        ...message,
        title: '<img src=x onerror=alert(1)> | pipe\nsecond line',
        text: '<script>alert(1)</script>',
        desc: 'a & b',
        data: '{"a":"```"}'
      }
    })
    expect(summary).toContain('| Title | &lt;img src=x onerror=alert(1)&gt; \\| pipe second line |')
    expect(summary).toContain('> &lt;script&gt;alert(1)&lt;/script&gt;')
    expect(summary).toContain('**Push line (Desc):** a &amp; b')
    expect(summary).toContain('"a": "`\u200b``"')
  })

  it('shows Data as it is when it is not JSON', () => {
    const summary = renderSummary({
      status: 'dry-run',
      durationMs: 0,
      message: { ...message, data: 'not json' }
    })
    expect(summary).toContain('```json\nnot json\n```')
  })
})

describe('the table of groups', () => {
  const row = (i: number, failed = false): GroupRow => ({
    groupId: `room-${i}`,
    status: failed ? 'failed' : 'sent',
    msgSeq: failed ? '' : String(100 + i),
    errorCode: failed ? '10010' : '',
    errorInfo: failed ? 'group gone' : '',
    tries: 1
  })

  it('lists a few groups in the open, in their order, each with its result', () => {
    const summary = renderSummary({
      status: 'partial',
      durationMs: 0,
      groups: [row(1), row(2, true), row(3)]
    })
    expect(summary).toMatch(/^## ⚠️ Tencent Chat broadcast: some groups failed\n/)
    expect(summary).toContain(
      [
        '### Groups: 2 of 3 sent',
        '',
        '| group | status | MsgSeq | error | tries |',
        '| --- | --- | --- | --- | --- |',
        '| room-1 | ✅ sent | 101 |  | 1 |',
        '| room-2 | ❌ failed |  | 10010 group gone | 1 |',
        '| room-3 | ✅ sent | 103 |  | 1 |',
        ''
      ].join('\n')
    )
    expect(summary).not.toContain('<details><summary>3 groups')
  })

  it('escapes a group ID, which could hold a pipe or markup', () => {
    const summary = renderSummary({
      status: 'sent',
      durationMs: 0,
      groups: [{ ...row(1), groupId: 'a|b<script>' }]
    })
    expect(summary).toContain('| a\\|b&lt;script&gt; | ✅ sent |')
  })

  it('keeps thirty groups in the open', () => {
    const rows = Array.from({ length: 30 }, (_, i) => row(i, i === 29))
    const summary = renderSummary({ status: 'partial', durationMs: 0, groups: rows })
    expect(summary).not.toContain('<details><summary>30 groups')
    // In their order: no failed-first sorting in the open.
    const lines = summary.split('\n').filter((line) => line.startsWith('| room-'))
    expect(lines[29]).toContain('| room-29 | ❌ failed |')
  })

  it('folds thirty-one groups or more away, the failed ones first', () => {
    const rows = Array.from({ length: 31 }, (_, i) => row(i, i === 30))
    const summary = renderSummary({ status: 'partial', durationMs: 0, groups: rows })
    expect(summary).toContain(
      '### Groups: 30 of 31 sent\n\n<details><summary>31 groups, the failed first</summary>\n\n| group |'
    )
    const lines = summary.split('\n').filter((line) => line.startsWith('| room-'))
    expect(lines).toHaveLength(31)
    expect(lines[0]).toContain('| room-30 | ❌ failed |')
    expect(lines[1]).toContain('| room-0 | ✅ sent |')
    expect(summary).toContain('| room-29 | ✅ sent | 129 |  | 1 |\n\n</details>\n')
  })

  it('folds thirty groups all sent without the word "failed"', () => {
    const rows = Array.from({ length: 40 }, (_, i) => row(i))
    expect(renderSummary({ status: 'sent', durationMs: 0, groups: rows })).toContain(
      '<details><summary>40 groups</summary>'
    )
  })

  it('lists exactly 1,000 groups whole, with nothing counted', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => row(i))
    const summary = renderSummary({ status: 'sent', durationMs: 0, groups: rows })
    expect(summary.split('\n').filter((line) => line.startsWith('| room-'))).toHaveLength(1000)
    expect(summary).not.toContain('more (see')
    expect(summary).toContain('### Groups: 1,000 of 1,000 sent')
  })

  it('lists 1,000 groups at most: GitHub refuses a summary over 1 MiB', () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => row(i, i >= 19_995))
    const summary = renderSummary({ status: 'partial', durationMs: 0, groups: rows })
    const lines = summary.split('\n').filter((line) => line.startsWith('| room-'))
    expect(lines).toHaveLength(1000)
    expect(lines.slice(0, 5).every((line) => line.includes('❌ failed'))).toBe(true)
    expect(summary).toContain('### Groups: 19,995 of 20,000 sent')
    expect(summary).toContain('\nAnd 19,000 more (see the `results` output).\n\n</details>\n')
    expect(Buffer.byteLength(summary)).toBeLessThan(1024 * 1024)
  })
})
