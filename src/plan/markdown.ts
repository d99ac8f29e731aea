/**
 * Turns release notes (GitHub-flavoured Markdown) into text a live room can show as is.
 * Kept: the words, line structure, list items (as "• "), numbered items, code as plain lines
 * and bare URLs. Dropped: markup characters, link targets behind a link text, images, HTML tags
 * and comments, table rules and horizontal rules.
 */
export function markdownToText(markdown: string): string {
  const lines = markdown
    .replace(/\r\n?/g, '\n')
    .replace(/<!--[\s\S]*?-->/g, '')
    .split('\n')
  const out: string[] = []
  let fence: string | undefined
  for (const line of lines) {
    const fenceMark = /^\s*(`{3,}|~{3,})/.exec(line)?.[1]
    if (fenceMark !== undefined && (fence === undefined || fenceMark.startsWith(fence))) {
      fence = fence === undefined ? fenceMark : undefined
      continue
    }
    if (fence !== undefined) {
      out.push(line)
      continue
    }
    const text = blockLine(line)
    if (text !== undefined) out.push(text)
  }
  return out
    .join('\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\s+$/g, '')
}

/** A line without its block markup; `undefined` for a line that is only markup. */
function blockLine(line: string): string | undefined {
  if (/^\s*\[[^\]]+\]:\s+\S+/.test(line)) return undefined // a reference-link definition
  if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) return undefined // a horizontal rule
  if (line.includes('|') && /^[\s|:-]*-[\s|:-]*$/.test(line)) return undefined // a table rule
  let text = line
  text = text.replace(/^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/, '$1') // heading
  text = text.replace(/^(\s*>)+\s?/, '') // blockquote
  text = text.replace(/^(\s*)[-*+]\s+\[[ xX]\]\s+/, '$1• ') // task list item
  text = text.replace(/^(\s*)[-*+]\s+/, '$1• ') // list item
  if (/^\s*\|.*\|\s*$/.test(text)) {
    text = text
      .trim()
      .slice(1, -1)
      .split('|')
      .map((cell) => cell.trim())
      .join(' · ')
  }
  return inline(text)
}

/**
 * Backslash escapes are set aside (as characters of a private-use plane) while the inline
 * markup is removed, so that `\*` survives as a literal `*`.
 */
const ESCAPED = /\\([\\`*_{}[\]()#+\-.!|>~<])/g
const SET_ASIDE = /[\u{F0000}-\u{F007F}]/gu

function inline(text: string): string {
  // Most lines of notes are plain words: skip the dozen replacements when no markup can be there.
  if (!/[\\`*_~[<&]/.test(text)) return text
  return text
    .replace(ESCAPED, (_all, char: string) => String.fromCodePoint(0xf0000 + char.charCodeAt(0)))
    .replace(/<(https?:\/\/[^>\s]+)>/g, '$1') // autolinks
    .replace(/<\/?[A-Za-z][^>]*>/g, '') // HTML tags
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1') // images: their alt text
    .replace(/\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)/g, '$1') // links: their text
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1') // reference links
    .replace(/`+([^`]+?)`+/g, '$1') // inline code
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2') // bold
    .replace(/(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])/g, '$1') // italic *x*
    .replace(/(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])/g, '$1') // italic _x_
    .replace(/~~(?=\S)(.+?)(?<=\S)~~/g, '$1') // strikethrough
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(SET_ASIDE, (char) => String.fromCharCode((char.codePointAt(0) ?? 0xf0000) - 0xf0000))
}
