/** A count and its noun, in the number the count takes: `1 try`, `2 tries`, `0 groups`. */
export function counted(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`
}

/** 12000 → 12,000; Intl.NumberFormat would cost some 9 ms of ICU loading for this. */
export function thousands(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

/**
 * A text kept on the line it is printed in: line breaks (also U+2028/9 and NEL) and other
 * control characters written as visible escapes, a tab as a space.
 */
export function oneLine(text: string): string {
  return text.replace(/[\p{Cc}\u2028\u2029]/gu, (char) => {
    if (char === '\n') return '\\n'
    if (char === '\r') return '\\r'
    if (char === '\t') return ' '
    return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`
  })
}

/** What a thrown value says: an error's message, or the value as text. */
export function messageOf(thrown: unknown): string {
  return thrown instanceof Error ? thrown.message : String(thrown)
}
