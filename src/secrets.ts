import { oneLine } from './prose.js'

/**
 * The one door every credential goes through before anything can print it. A credential is
 * registered with the runner (`::add-mask::`) as given and in the spellings the action's own URLs
 * give it, and `scrub` removes it from every text the action prints, outputs or summarises in
 * any spelling a server could echo: each character as it is or percent-encoded (either case, or
 * encoded twice), as a JSON `\uXXXX` escape, and a base64 credential also in the standard
 * alphabet (`+` `/` `=` for Tencent's `*` `-` `_`). A URL that carries a credential is registered
 * too, whole and as its path and query (what HTTP errors quote), through its UserSig.
 */
export class Secrets {
  /** What the runner was asked to mask. */
  private readonly masked = new Set<string>()
  /** The credentials registered, as given. */
  private readonly credentials = new Set<string>()
  /** The URLs registered, each as its forms through the UserSig. */
  private readonly urls = new Set<string>()
  /** Every credential and URL as written, and in the few spellings that need no decoding. */
  private plain: RegExp | undefined
  /**
   * Every credential in any spelling. Built only for a text that holds an escape: a pattern of
   * every spelling of a 200-character UserSig takes some 30 ms to compile, and most runs never
   * print an escape.
   */
  private spelled: RegExp | undefined

  /** `mask` is the runner's masker, `core.setSecret`. */
  constructor(private readonly mask: (value: string) => void) {}

  /** Registers a credential, or a URL that carries one. */
  add(value: string | URL): void {
    if (value === '') return
    const forms =
      value instanceof URL
        ? [value.href, `${value.pathname}${value.search}`].map(throughUserSig)
        : [value, encodeURIComponent(value), new URLSearchParams({ _: value }).toString().slice(2)]
    for (const form of forms) {
      if (this.masked.has(form)) continue
      this.masked.add(form)
      this.mask(form)
    }
    const known = value instanceof URL ? this.urls : this.credentials
    const before = known.size
    for (const form of value instanceof URL ? forms : [value]) known.add(form)
    if (known.size === before) return
    this.plain = undefined
    this.spelled = undefined
  }

  /**
   * A text with every registered credential, in any of its spellings, replaced by `***`, then
   * cut to `maxLength` characters. In that order: a secret cut in half is no longer recognisable
   * by anyone's mask.
   */
  scrub(text: string, maxLength = Infinity): string {
    return cut(this.hide(text), maxLength)
  }

  /**
   * Text from outside (a server, a proxy, an event, a listing) made safe to print on one line:
   * scrubbed, then every line break and control character written as an escape, then cut.
   * Printing makes it inert to the runner as well (see workflow-commands.ts).
   */
  untrusted(text: string, maxLength = Infinity): string {
    return cut(oneLine(this.hide(text)), maxLength)
  }

  private hide(text: string): string {
    if (this.credentials.size + this.urls.size === 0) return text
    this.plain ??= new RegExp(
      longestFirst([...this.urls, ...[...this.credentials].flatMap(plainSpellings)])
        .map(literal)
        .join('|'),
      'g'
    )
    const out = text.replace(this.plain, '***')
    if (!ESCAPE.test(out)) return out
    this.spelled ??= new RegExp(
      longestFirst([...this.credentials])
        .map((value) => `${spellings(value)}|${spellings(standardBase64(value), true)}`)
        .join('|'),
      'g'
    )
    return out.replace(this.spelled, '***')
  }
}

/** A percent-encoded byte or a JSON escape: a text that may spell a credential otherwise. */
const ESCAPE = /%(?:25)?[\da-f]{2}|\\u[\da-f]{4}|\\\//i

/** The longer first, so that a credential inside a longer one is removed with it. */
function longestFirst(texts: string[]): string[] {
  return [...new Set(texts)].sort((a, b) => b.length - a.length)
}

/**
 * The spellings of a credential that need no decoding: as it is, as a URL's query writes it, and
 * in the standard base64 alphabet, with or without its padding, `+` perhaps read as a space.
 */
function plainSpellings(value: string): string[] {
  const standard = standardBase64(value)
  const unpadded = standard.replace(/=+$/, '')
  return [
    value,
    encodeURIComponent(value),
    new URLSearchParams({ _: value }).toString().slice(2),
    standard,
    unpadded,
    unpadded.replace(/\+/g, ' ')
  ].filter((form) => form !== '')
}

/**
 * A URL up to the end of its UserSig. What follows is a per-request nonce, not secret: leaving it
 * out gives every request with the same UserSig one mask, not one each (a fan-out makes
 * thousands), and still covers every text that quotes the URL.
 */
function throughUserSig(url: string): string {
  const at = url.indexOf('usersig=')
  const end = at === -1 ? -1 : url.indexOf('&', at)
  return end === -1 ? url : url.slice(0, end)
}

/** Tencent's base64 (`*` `-` `_`, as tls-sig-api-v2 writes a UserSig) in the standard alphabet. */
function standardBase64(value: string): string {
  return value.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '=')
}

function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
}

/** A hexadecimal digit pair in either case. */
function hex(byte: number): string {
  return byte
    .toString(16)
    .padStart(2, '0')
    .replace(/[a-f]/g, (digit) => `[${digit}${digit.toUpperCase()}]`)
}

/**
 * The pattern of every spelling of `value`: each character as it is, percent-encoded byte by byte
 * (`%2A`, `%2a`, or `%252A` when encoded twice), or as a JSON escape (`\u002a`, and `\/` for a
 * slash). With `padding`, trailing `=` may be missing, as base64 decoders allow.
 */
function spellings(value: string, padding = false): string {
  // Code points: a character outside the BMP is encoded whole.
  const chars = Array.from(value)
  const padded = padding ? value.length - value.replace(/=+$/, '').length : 0
  // A value that is all padding keeps it: a pattern that matches nothing would match everywhere.
  const trailing = padded < chars.length ? chars.length - padded : chars.length
  return chars
    .map((char, index) => {
      const percent = [...Buffer.from(char)].map((byte) => `%(?:25)?${hex(byte)}`).join('')
      const json = Array.from({ length: char.length }, (_, unit) => {
        const code = char.charCodeAt(unit)
        return `\\\\u${hex(code >> 8)}${hex(code & 0xff)}`
      }).join('')
      // The longer spellings first: `\\` must not end a match that `\\u005c` would continue.
      const alternatives = [json, percent, literal(char)]
      if (char === '/') alternatives.push('\\\\/')
      if (char === '+') alternatives.push(' ')
      if (char === ' ') alternatives.push('\\+')
      return `(?:${alternatives.join('|')})${index >= trailing ? '?' : ''}`
    })
    .join('')
}

function cut(text: string, maxLength: number): string {
  return text.length > maxLength ? `${text.slice(0, maxLength)}…` : text
}
