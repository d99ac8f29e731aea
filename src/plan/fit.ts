/** Tencent's limit for one broadcast message: the serialized MsgBody, in UTF-8 bytes. */
export const MAX_MESSAGE_BYTES = 12_000

/**
 * The smallest limit `max-bytes` accepts. A default release announcement needs about 660 bytes
 * once its notes are cut away (the fields every announcement carries: links, commit, run, Desc);
 * 1 KiB leaves room for longer names and still fits the notes' first lines.
 */
export const MIN_MESSAGE_BYTES = 1024

/** Made on first use: building a segmenter loads ICU data, some 20 ms that most runs never need. */
let graphemes: Intl.Segmenter | undefined

/**
 * How much text before a cut is segmented to find the character boundary. Segmenting a whole
 * long text is quadratic on Node 20 (minutes for 1 MB); a window keeps every cut linear.
 */
const WINDOW = 1024

/** Two printable ASCII characters: always a character boundary between them. */
const ASCII_PAIR = /[\x20-\x7e]{2}/g

/**
 * The last user-perceived character boundary at or before `end`, an index into `text` (0
 * included), so that a cut there never splits a multi-byte character, a surrogate pair or an
 * emoji sequence. Only a window before `end` is segmented, starting where a boundary is certain
 * (between two ASCII characters, after a line feed) when the window has such a place.
 */
function boundaryAtOrBefore(text: string, end: number): number {
  graphemes ??= new Intl.Segmenter('en', { granularity: 'grapheme' })
  let start = Math.max(0, end - WINDOW)
  const window = text.slice(start, end)
  const lineFeed = window.indexOf('\n')
  ASCII_PAIR.lastIndex = 0
  const pair = ASCII_PAIR.exec(window)
  const safe = [lineFeed + 1, pair ? pair.index + 1 : 0].filter((at) => at > 0)
  if (safe.length > 0) start += Math.min(...safe)
  else {
    // No certain boundary in the window: at least start on a whole code point, and not inside
    // a run of flags, whose regional indicators pair up from the first of the run.
    if (/[\udc00-\udfff]/.test(text[start] ?? '')) start--
    while (start >= 2 && /\ud83c[\udde6-\uddff]/.test(text.slice(start - 2, start))) start -= 2
  }
  let boundary = start
  // The code point at `end` is included whole (two code units when it is a surrogate pair):
  // whether a boundary falls at `end` depends on it.
  for (const { index } of graphemes.segment(text.slice(start, end + 2))) {
    if (start + index > end) break
    boundary = start + index
  }
  return boundary
}

/** How far back from the longest cut that fits a line end is still "near". */
const LINE_END_REACH = 0.25

/**
 * The longest cut of `text` for which `fits` holds, ending in `ellipsis`: at a line end when one
 * is near, otherwise after the last whole character that fits. Returns `text` itself when it
 * fits whole, and `undefined` when not even the ellipsis alone fits. `fits` is asked about a
 * number of candidates that grows with the logarithm of the text's length.
 */
export function cutToFit(
  text: string,
  fits: (candidate: string) => boolean,
  ellipsis = '…'
): string | undefined {
  if (fits(text)) return text
  const cut = (end: number) => `${text.slice(0, end).trimEnd()}${ellipsis}`
  if (!fits(cut(0))) return undefined
  // The longest prefix, in code units, that fits; then back to a character boundary.
  let low = 0
  let high = text.length - 1 // the whole text is known not to fit
  while (low < high) {
    const middle = Math.ceil((low + high) / 2)
    if (fits(cut(middle))) low = middle
    else high = middle - 1
  }
  const end = boundaryAtOrBefore(text, low)
  const lineEnd = text.lastIndexOf('\n', end)
  if (lineEnd > 0 && lineEnd >= end * (1 - LINE_END_REACH)) {
    const atLine = `${text.slice(0, lineEnd).trimEnd()}\n${ellipsis}`
    if (fits(atLine)) return atLine
  }
  return cut(end)
}

/** The size Tencent counts: a MsgBody exactly as sent, after JSON escaping, in UTF-8. */
export function serializedBytes(msgBody: unknown): number {
  return Buffer.byteLength(JSON.stringify(msgBody), 'utf8')
}

/** Shortens a text to its first line and at most `max` characters, for Desc and text lines. */
export function oneLine(text: string, max: number): string {
  const first = text.split('\n').find((line) => line.trim() !== '') ?? ''
  const trimmed = first.trim()
  // No text has more characters than UTF-16 code units: a short one needs no segmenting.
  if (trimmed.length <= max) return trimmed
  graphemes ??= new Intl.Segmenter('en', { granularity: 'grapheme' })
  // Only the beginning is segmented (a long line would be slow on Node 20): enough for `max`
  // characters of a few code units each, more only when the characters are longer.
  for (let reach = max * 8; ; reach *= 4) {
    const starts = [...graphemes.segment(trimmed.slice(0, reach + 1))].map(({ index }) => index)
    // More than `max` characters: keep `max - 1` of them and the ellipsis.
    if (starts.length > max) return `${trimmed.slice(0, starts[max - 1]).trimEnd()}…`
    if (reach >= trimmed.length) return trimmed
  }
}
