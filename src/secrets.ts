/**
 * The one door every credential goes through before anything can print it. A value is registered
 * in each form it can take on the way out: as given, percent-encoded by `encodeURIComponent` and
 * by `URLSearchParams` (which spell some characters differently), and, for a URL that carries
 * one, the URL and its path-and-query (what HTTP errors quote), through its UserSig. Each form
 * is masked with the runner (`::add-mask::`) and removed by `scrub` from any text the action
 * prints itself.
 */
export class Secrets {
  private readonly forms = new Set<string>()
  /** Longest first, so a form that contains another is removed whole; rebuilt on `add`. */
  private ordered: string[] = []

  /** `mask` is the runner's masker, `core.setSecret`. */
  constructor(private readonly mask: (value: string) => void) {}

  /** Registers a credential, or a URL that carries one. */
  add(value: string | URL): void {
    const forms =
      value instanceof URL
        ? [value.href, `${value.pathname}${value.search}`].map(throughUserSig)
        : [value, encodeURIComponent(value), new URLSearchParams({ _: value }).toString().slice(2)]
    for (const form of forms) {
      if (form === '' || this.forms.has(form)) continue
      this.forms.add(form)
      this.mask(form)
    }
    this.ordered = [...this.forms].sort((a, b) => b.length - a.length)
  }

  /**
   * A text with every registered form replaced by `***`, then cut to `maxLength` characters. In
   * that order: a secret cut in half is no longer recognisable by anyone's mask.
   */
  scrub(text: string, maxLength = Infinity): string {
    return cut(this.hide(text), maxLength)
  }

  /**
   * Text from outside (a server, a proxy, an event) made safe to print: scrubbed, then every line
   * break and control character written as an escape, so that it stays on the line it is printed
   * in and can never start a workflow command such as `::stop-commands::`; then cut.
   */
  untrusted(text: string, maxLength = Infinity): string {
    return cut(inert(this.hide(text)), maxLength)
  }

  private hide(text: string): string {
    let out = text
    for (const form of this.ordered) out = out.split(form).join('***')
    return out
  }
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

function cut(text: string, maxLength: number): string {
  return text.length > maxLength ? `${text.slice(0, maxLength)}…` : text
}

/** Line breaks (also U+2028/9 and NEL) and other control characters, as visible escapes. */
function inert(text: string): string {
  return text.replace(/[\p{Cc}\u2028\u2029]/gu, (char) => {
    if (char === '\n') return '\\n'
    if (char === '\r') return '\\r'
    if (char === '\t') return ' '
    return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`
  })
}
