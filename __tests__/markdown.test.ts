import { describe, expect, it } from 'vitest'
import { markdownToText } from '../src/plan/markdown.js'

describe('markdownToText', () => {
  it.each([
    ['## What’s new', 'What’s new'],
    ['- **Co-host** mode', '• Co-host mode'],
    ['* item\n+ item', '• item\n• item'],
    ['- a\n  - nested', '• a\n  • nested'],
    ['- [x] done\n- [ ] todo', '• done\n• todo'],
    ['1. first\n2. second', '1. first\n2. second'],
    ['See [the docs](https://x.test/a_(b)) now', 'See the docs now'],
    ['![screenshot](https://x.test/s.png)', 'screenshot'],
    [
      'Use `npm ci` and __bold__ and _it_ and *it* and ~~old~~',
      'Use npm ci and bold and it and it and old'
    ],
    ['snake_case_name and 2*3*4 stay', 'snake_case_name and 2*3*4 stay'],
    ['> quoted', 'quoted'],
    [
      '<details><summary>More</summary>\n\nhidden &amp; shown\n</details>',
      'More\n\nhidden & shown'
    ],
    ['a <!-- comment --> b', 'a  b'],
    ['| A | B |\n|---|:-:|\n| 1 | 2 |', 'A · B\n1 · 2'],
    ['text\n\n---\n\nmore', 'text\n\nmore'],
    ['```js\nconst a = **x**\n```', 'const a = **x**'],
    ['[ref]: https://x.test\nline', 'line'],
    ['Full Changelog: <https://x.test/compare>', 'Full Changelog: https://x.test/compare'],
    ['a\r\nb\r\n\r\n\r\n\r\nc', 'a\nb\n\nc'],
    ['\\*not italic\\*', '*not italic*'],
    ['\\*', '*'],
    // Line endings and blank lines
    ['a\rb', 'a\nb'],
    ['a   \nb\t\t', 'a\nb'],
    ['\n\n\nx\n\n\n', 'x'],
    // Code fences: only at the start of a line, three marks or more, closed by the same mark
    ['a ```\n**b**', 'a ```\nb'],
    ['  ```\n**x**\n  ```', '**x**'],
    ['`a` b\n**c**', 'a b\nc'],
    ['~ not a fence\n**c**', '~ not a fence\nc'],
    ['```\n~~~\n**x**\n```', '~~~\n**x**'],
    ['```\ncode\n```\n**after**', 'code\nafter'],
    // Reference definitions and rules: whole lines only
    ['Note [a]: b', 'Note [a]: b'],
    ['  [ref]: https://x.test', ''],
    ['[ref]:   https://x.test', ''],
    ['a ---', 'a ---'],
    ['--- x', '--- x'],
    ['  ---', ''],
    ['- - -', ''],
    ['---  ', ''],
    ['x | -', 'x | -'],
    ['| - | x', '| - | x'],
    ['| :-- |', ''],
    [' |---|', ''],
    ['|--- |', ''],
    [':-:', ':-:'],
    // Headings, quotes and lists
    ['a # b', 'a # b'],
    ['## Title ##', 'Title'],
    ['  ## Indented', 'Indented'],
    ['##   Spaced', 'Spaced'],
    ['> > nested', 'nested'],
    ['>tight', 'tight'],
    ['see - [x] that', 'see - [x] that'],
    ['  - [x] nested task', '  • nested task'],
    ['-  [x] wide', '• wide'],
    ['- [x]  done', '• done'],
    ['-   item', '• item'],
    // Tables: a whole line between pipes
    ['a | b |', 'a | b |'],
    ['| a | b', '| a | b'],
    ['  | a | b |', 'a · b'],
    ['| a | b |  ', 'a · b'],
    // Inline markup
    ['<http://x.test/a>', 'http://x.test/a'],
    ['[a](https://x.test/a_(bc))', 'a'],
    ['[the docs][1] and [x][] here', 'the docs and x here'],
    ['``code``', 'code'],
    ['a&nbsp;b &lt;c&gt; &quot;d&quot; &amp;', 'a b <c> "d" &']
  ])('%j → %j', (markdown, text) => {
    expect(markdownToText(markdown)).toBe(text)
  })
})
