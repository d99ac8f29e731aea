import fc from 'fast-check'
import { micromark } from 'micromark'
import { gfm, gfmHtml } from 'micromark-extension-gfm'
import { describe, expect, it } from 'vitest'
import { renderSummary, type GroupRow, type SummaryFacts } from '../src/report/summary.js'

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
        where: { host: 'console.tim.qq.com', sdkAppId: 1400000000 },
        random: 42,
        msgSeq: 7,
        tries: 2
      })
    ).toBe(
      [
        '## 📣 Tencent Chat broadcast sent',
        '',
        '<table>',
        '<tr><th align="left">Kind</th><td>release</td></tr>',
        '<tr><th align="left">Title</th><td><code>v2.3.0 — Co-host mode</code></td></tr>',
        '<tr><th align="left">Target</th><td><code>console.tim.qq.com</code> · SDKAppID 1400000000</td></tr>',
        '<tr><th align="left">MsgSeq</th><td>7</td></tr>',
        '<tr><th align="left">Random</th><td>42</td></tr>',
        '<tr><th align="left">Size</th><td>922 of 12,000 bytes</td></tr>',
        '<tr><th align="left">Tries</th><td>2</td></tr>',
        '<tr><th align="left">Duration</th><td>1.2 s</td></tr>',
        '</table>',
        '',
        '### What a live room shows',
        '',
        '**Push line (Desc):** `octo-org/live-app v2.3.0 released`',
        '',
        '```text',
        'v2.3.0 — Co-host mode',
        '',
        'What’s new',
        '• Co-host mode',
        '```',
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
      '### What went wrong\n\n```text\nInput `region` must be one of …\n```\n\n**What to do:** Fix the inputs <now>.\n'
    )
    expect(summary).toContain('<tr><th align="left">Duration</th><td>0.1 s</td></tr>')
    expect(summary).not.toContain('What a live room shows')
  })

  it('shows twelve lines of the text, then an ellipsis', () => {
    const text = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join('\n')
    const summary = renderSummary({ status: 'sent', durationMs: 0, message: { ...message, text } })
    expect(summary).toContain('\nline 12\n…\n```\n')
    expect(summary).not.toContain('line 13')
    const twelve = renderSummary({
      status: 'sent',
      durationMs: 0,
      message: { ...message, text: text.split('\n').slice(0, 12).join('\n') }
    })
    expect(twelve).toContain('\nline 12\n```\n')
  })

  it('says when free text was cut, and counts bytes with separators', () => {
    const summary = renderSummary({
      status: 'sent',
      durationMs: 0,
      message: { ...message, bytes: 11998, maxBytes: 12000, truncated: true }
    })
    expect(summary).toContain(
      '<tr><th align="left">Size</th><td>11,998 of 12,000 bytes (free text cut to fit)</td></tr>'
    )
  })

  it('shows what the release author wrote as it is, and as nothing but text', () => {
    const summary = renderSummary({
      status: 'sent',
      durationMs: 1200,
      message: {
        ...message,
        title: '<img src=x onerror=alert(1)> | pipe\nsecond line',
        text: '<script>alert(1)</script>\n```\n[x](https://evil.example)',
        desc: '`a` & b ',
        data: '{"a":"```"}'
      }
    })
    expect(summary).toContain(
      '<td><code>&#60;img src=x onerror=alert(1)&#62; | pipe second line</code></td>'
    )
    expect(summary).toContain(
      '````text\n<img src=x onerror=alert(1)> | pipe\nsecond line\n\n<script>alert(1)</script>\n```\n[x](https://evil.example)\n````'
    )
    expect(summary).toContain('**Push line (Desc):** `` `a` & b  ``')
    expect(summary).toContain('````json\n{\n  "a": "```"\n}\n````')
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
        '<table>',
        '<tr><th>group</th><th>status</th><th>MsgSeq</th><th>error</th><th>tries</th></tr>',
        '<tr><td><code>room-1</code></td><td>✅ sent</td><td>101</td><td></td><td>1</td></tr>',
        '<tr><td><code>room-2</code></td><td>❌ failed</td><td></td><td><code>10010 group gone</code></td><td>1</td></tr>',
        '<tr><td><code>room-3</code></td><td>✅ sent</td><td>103</td><td></td><td>1</td></tr>',
        '</table>',
        ''
      ].join('\n')
    )
    expect(summary).not.toContain('<details><summary>3 groups')
  })

  it('shows a group ID as text, whatever it holds', () => {
    const summary = renderSummary({
      status: 'sent',
      durationMs: 0,
      groups: [{ ...row(1), groupId: 'a|b<script>`' }]
    })
    expect(summary).toContain('<tr><td><code>a|b&#60;script&#62;`</code></td><td>✅ sent</td>')
  })

  it('keeps thirty groups in the open', () => {
    const rows = Array.from({ length: 30 }, (_, i) => row(i, i === 29))
    const summary = renderSummary({ status: 'partial', durationMs: 0, groups: rows })
    expect(summary).not.toContain('<details><summary>30 groups')
    // In their order: no failed-first sorting in the open.
    const lines = summary.split('\n').filter((line) => line.startsWith('<tr><td><code>room-'))
    expect(lines[29]).toContain('<code>room-29</code></td><td>❌ failed')
  })

  it('folds thirty-one groups or more away, the failed ones first', () => {
    const rows = Array.from({ length: 31 }, (_, i) => row(i, i === 30))
    const summary = renderSummary({ status: 'partial', durationMs: 0, groups: rows })
    expect(summary).toContain(
      '### Groups: 30 of 31 sent\n\n<details><summary>31 groups, the failed first</summary>\n\n<table>\n'
    )
    const lines = summary.split('\n').filter((line) => line.startsWith('<tr><td><code>room-'))
    expect(lines).toHaveLength(31)
    expect(lines[0]).toContain('<code>room-30</code></td><td>❌ failed')
    expect(lines[1]).toContain('<code>room-0</code></td><td>✅ sent')
    expect(summary).toContain(
      '<tr><td><code>room-29</code></td><td>✅ sent</td><td>129</td><td></td><td>1</td></tr>\n</table>\n\n</details>\n'
    )
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
    expect(
      summary.split('\n').filter((line) => line.startsWith('<tr><td><code>room-'))
    ).toHaveLength(1000)
    expect(summary).not.toContain('more (see')
    expect(summary).toContain('### Groups: 1,000 of 1,000 sent')
  })

  it('lists 1,000 groups at most: GitHub refuses a summary over 1 MiB', () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => row(i, i >= 19_995))
    const summary = renderSummary({ status: 'partial', durationMs: 0, groups: rows })
    const lines = summary.split('\n').filter((line) => line.startsWith('<tr><td><code>room-'))
    expect(lines).toHaveLength(1000)
    expect(lines.slice(0, 5).every((line) => line.includes('❌ failed'))).toBe(true)
    expect(summary).toContain('### Groups: 19,995 of 20,000 sent')
    expect(summary).toContain(
      '</table>\n\nAnd 19,000 more (see the `results` output).\n\n</details>\n'
    )
    expect(Buffer.byteLength(summary)).toBeLessThan(1024 * 1024)
  })
})

/** The summary as GitHub renders it: CommonMark with GFM's tables and autolinks, HTML kept. */
function rendered(markdown: string): string {
  return micromark(markdown, {
    extensions: [gfm()],
    htmlExtensions: [gfmHtml()],
    allowDangerousHtml: true
  })
}

/** Markdown an attacker would write into a title, notes, a group ID or an ErrorInfo. */
const markup = fc
  .array(
    fc.constantFrom(
      '[click](https://evil.example/x)',
      '![i](https://evil.example/i.png)',
      '<img src=x onerror=alert(1)>',
      '<a href="https://evil.example">',
      '</details>',
      '<script>',
      'https://evil.example/y',
      'www.evil.example',
      'mallory@evil.example',
      '[ref]: https://evil.example',
      '`',
      '```',
      '~~~',
      '|',
      '\n',
      '\r\n',
      '*',
      '_',
      '#',
      '>',
      '&lt;',
      '\\',
      ' ',
      'text'
    ),
    { maxLength: 12 }
  )
  .map((pieces) => pieces.join(''))

describe('the summary as GitHub renders it', () => {
  it('makes no link, image or HTML of what it quotes, wherever it quotes it', () => {
    fc.assert(
      fc.property(
        fc.record({
          title: markup,
          text: markup,
          desc: markup,
          data: markup,
          host: markup,
          what: markup,
          skipped: markup,
          groupId: markup,
          errorInfo: markup
        }),
        fc.boolean(),
        (hostile, many) => {
          const groups = Array.from({ length: many ? 31 : 2 }, (_, i) => ({
            groupId: `${hostile.groupId}${i}`,
            status: i % 2 === 0 ? ('failed' as const) : ('sent' as const),
            msgSeq: i % 2 === 0 ? '' : '7',
            errorCode: i % 2 === 0 ? '10004' : '',
            errorInfo: i % 2 === 0 ? hostile.errorInfo : '',
            tries: 1
          }))
          const html = rendered(
            renderSummary({
              status: 'partial',
              durationMs: 0,
              message: { ...message, ...hostile },
              where: { host: hostile.host, sdkAppId: 1400000000 },
              skipped: hostile.skipped,
              failure: { what: hostile.what, remedy: 'Check `group-ids`.' },
              groups
            })
          )
          const tags = new Set([...html.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((m) => m[1]))
          // Only what the action's own Markdown makes: no a, img, script or anything else.
          const own = ['h2', 'h3', 'p', 'strong', 'code', 'pre', 'details', 'summary']
          const table = ['table', 'tr', 'th', 'td']
          for (const tag of tags) expect([...own, ...table]).toContain(tag)
          // Every group has its row: no quoted text ended the table or the folded block.
          expect(html.match(/<tr>/g)).toHaveLength(5 + 1 + groups.length)
          expect(html.match(/<details>/g)?.length).toBe(html.match(/<\/details>/g)?.length)
        }
      ),
      { numRuns: 300 }
    )
  })
})

describe('the size of the summary', () => {
  it('stays within GitHub’s 1 MiB, measured, whatever the IDs and ErrorInfo hold', () => {
    fc.assert(
      fc.property(
        // The longest group ID Tencent allows (48 bytes), and the ErrorInfo a failure quotes
        // (300 characters and its escapes), of the characters that grow most when shown.
        fc.constantFrom('|', '`', '😀', 'é', '<', '\\', 'a'),
        fc.constantFrom('|', '`', '😀', '\\u0000', 'a'),
        fc.integer({ min: 900, max: 12_000 }),
        (idChar, infoChar, count) => {
          const id = idChar.repeat(48 / Buffer.byteLength(idChar))
          const info = infoChar.repeat(Math.ceil(300 / infoChar.length))
          const groups: GroupRow[] = Array.from({ length: count }, (_, i) => ({
            groupId: `${id}${i}`,
            status: i % 3 === 0 ? 'sent' : 'failed',
            msgSeq: i % 3 === 0 ? '1' : '',
            errorCode: i % 3 === 0 ? '' : '10004',
            errorInfo: i % 3 === 0 ? '' : info,
            tries: 1
          }))
          const long = `${'notes '.repeat(5000)}\n`.repeat(20)
          const summary = renderSummary({
            status: 'partial',
            durationMs: 0,
            message: { ...message, title: long, text: long, desc: long },
            failure: { what: long, remedy: 'Run the job again.' },
            groups
          })
          expect(Buffer.byteLength(`${summary}\n`)).toBeLessThanOrEqual(1024 * 1024)
          const listed = summary.split('\n').filter((line) => /<td>(✅ sent|❌ failed)</.test(line))
          // The failed groups first; what is not listed is counted.
          expect(listed[0]).toContain('❌ failed')
          const more = /And ([\d,]+) more/.exec(summary)?.[1]?.replace(/,/g, '') ?? '0'
          expect(listed.length + Number(more)).toBe(count)
        }
      ),
      { numRuns: 25 }
    )
  })
})

describe('the room the table of groups has', () => {
  // 2,500 failed groups, each row about 1.8 KB (an ID and an ErrorInfo of three-byte characters):
  // more than 1 MiB holds, fewer than 1,000 rows, and what is left out needs as many digits to
  // count as the whole.
  const groups: GroupRow[] = Array.from({ length: 2500 }, (_, i) => ({
    groupId: `${'€'.repeat(290)}-${i}`,
    status: 'failed',
    msgSeq: '',
    errorCode: '10010',
    errorInfo: '€'.repeat(300),
    tries: 1
  }))
  const render = (whatLength: number) =>
    renderSummary({
      status: 'partial',
      durationMs: 0,
      message,
      failure: { what: 'x'.repeat(whatLength), remedy: 'Run it again.' },
      groups
    })
  const size = (summary: string) => Buffer.byteLength(summary)
  // GitHub's limit, written independently of the code: 1 MiB with the line break after it.
  const MOST = 1024 * 1024 - 1

  it('is used to the last byte, and one byte more leaves the last row out', () => {
    // Grow the explanation by what is still free until the summary is exactly full.
    let length = 1000
    for (let step = 0; step < 5 && size(render(length)) < MOST; step++) {
      length += MOST - size(render(length))
    }
    const full = render(length)
    expect(size(full)).toBe(MOST)
    const rows = (summary: string) => summary.split('\n').filter((l) => l.includes('❌ failed'))
    const over = render(length + 1)
    expect(size(over)).toBeLessThan(MOST)
    expect(rows(over)).toHaveLength(rows(full).length - 1)
    expect(full).toContain(`And ${(2500 - rows(full).length).toLocaleString('en-US')} more`)
    expect(full).toMatch(
      /<\/table>\n\nAnd [\d,]+ more \(see the `results` output\)\.\n\n<\/details>\n\n### What went wrong\n/
    )
  })
})

describe('values at their limits', () => {
  const base = { status: 'sent' as const, durationMs: 0 }

  it('shows a value of 300 characters whole, and cuts one of 301', () => {
    const whole = renderSummary({ ...base, message: { ...message, title: 't'.repeat(300) } })
    expect(whole).toContain(`<td><code>${'t'.repeat(300)}</code></td>`)
    const cut = renderSummary({ ...base, message: { ...message, title: 't'.repeat(301) } })
    expect(cut).toContain(`<td><code>${'t'.repeat(300)}…</code></td>`)
  })

  it('puts every line break of a value, a lone \\r too, on one line', () => {
    const summary = renderSummary({
      ...base,
      message: { ...message, title: 'a\rb\r\nc\nd', desc: 'e\rf\r\ng' },
      groups: [
        { groupId: 'g\rh', status: 'sent', msgSeq: '1', errorCode: '', errorInfo: '', tries: 1 }
      ]
    })
    expect(summary).toContain('<td><code>a b c d</code></td>')
    expect(summary).toContain('**Push line (Desc):** `e f g`\n')
    expect(summary).toContain('<td><code>g h</code></td>')
  })

  it('leaves an empty push line empty', () => {
    const summary = renderSummary({ ...base, message: { ...message, desc: '' } })
    expect(summary).toContain('**Push line (Desc):** \n')
  })

  it('indents Data up to 50,000 bytes, and shows larger Data as sent', () => {
    // {"a":"…"} indented is 13 bytes around the string.
    const at = JSON.stringify({ a: 'd'.repeat(50_000 - 13) })
    expect(Buffer.byteLength(JSON.stringify(JSON.parse(at), null, 2))).toBe(50_000)
    const indented = renderSummary({ ...base, message: { ...message, data: at } })
    expect(indented).toContain('```json\n{\n  "a": "ddd')
    const over = JSON.stringify({ a: 'd'.repeat(50_000 - 12) })
    const raw = renderSummary({ ...base, message: { ...message, data: over } })
    expect(raw).toContain(`\`\`\`json\n${over}\n\`\`\``)
  })

  it('ends what to do with a blank line before the preview', () => {
    const summary = renderSummary({
      ...base,
      message,
      failure: { what: 'w', remedy: 'Do this.' }
    })
    expect(summary).toContain('**What to do:** Do this.\n\n### What a live room shows\n')
  })
})
