import * as core from '@actions/core'

const known = new Set<string>()

/**
 * Registers a secret with the runner's masker (`::add-mask::`) and with `scrub`. Every form a
 * value can take on the wire is registered too, since a URL carries it percent-encoded.
 */
export function registerSecret(value: string): void {
  for (const form of new Set([value, encodeURIComponent(value)])) {
    if (form === '' || known.has(form)) continue
    known.add(form)
    core.setSecret(form)
  }
}

/**
 * Removes every registered secret from a text before it is printed. The runner masks too, but the
 * raw process output (and any other consumer of it) must never hold a secret in the first place.
 */
export function scrub(text: string): string {
  let out = text
  // Longest first, so a secret that contains another is removed whole.
  for (const secret of [...known].sort((a, b) => b.length - a.length)) {
    out = out.split(secret).join('***')
  }
  return out
}
