/** Tencent's limit for one broadcast message: the serialized MsgBody, in UTF-8 bytes. */
export const MAX_MESSAGE_BYTES = 12_000

/** Made on first use: building a segmenter loads ICU data, some 20 ms that most runs never need. */
let graphemes: Intl.Segmenter | undefined

/**
 * Where a text may be cut: the code-unit offset after each user-perceived character, so a cut
 * never splits a multi-byte character, a surrogate pair or an emoji sequence.
 */
function cutPoints(text: string): number[] {
  graphemes ??= new Intl.Segmenter('en', { granularity: 'grapheme' })
  const points = [0]
  for (const { index, segment } of graphemes.segment(text)) points.push(index + segment.length)
  return points
}

/** How far back from the longest cut that fits a line end is still "near". */
const LINE_END_REACH = 0.25

/**
 * The longest cut of `text` for which `fits` holds, ending in `ellipsis`: at a line end when one
 * is near, otherwise after the last whole character that fits. Returns `text` itself when it
 * fits whole, and `undefined` when not even the ellipsis alone fits.
 */
export function cutToFit(
  text: string,
  fits: (candidate: string) => boolean,
  ellipsis = '…'
): string | undefined {
  if (fits(text)) return text
  const points = cutPoints(text)
  const cut = (end: number) => `${text.slice(0, end).trimEnd()}${ellipsis}`
  let low = 0
  let high = points.length - 2 // the whole text is known not to fit
  if (!fits(cut(0))) return undefined
  while (low < high) {
    const middle = Math.ceil((low + high) / 2)
    if (fits(cut(points[middle] ?? 0))) low = middle
    else high = middle - 1
  }
  const end = points[low] ?? 0
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
  const points = cutPoints(trimmed)
  if (points.length - 1 <= max) return trimmed
  return `${trimmed.slice(0, points[max - 1] ?? 0).trimEnd()}…`
}
