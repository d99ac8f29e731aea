import type { Core } from './dependencies.js'
import type { Secrets } from './secrets.js'

/**
 * The GitHub runner reads workflow commands from every line a step prints, in two syntaxes
 * (`ActionCommand.TryParseV2` and `TryParse` in actions/runner): `::name::` at the start of a line,
 * after leading white space, and the older `##[name]` anywhere in a line. It splits lines at
 * `\n`, `\r` and `\r\n`, takes command names in any case, and finds both markers with .NET's
 * culture-sensitive search, which skips characters ICU ignores (controls, format characters such
 * as U+200B or U+00AD): to the runner, `#\u00AD#[` is `##[`.
 *
 * `inert` rewrites printed text so that neither marker can be found in it, whatever it quotes,
 * while the text stays readable: a marker is written with a JSON-style escape (`#\u0023[`,
 * `\u003a:`), so a JSON text (the payload, `results`) still reads back as the same value.
 */

/** What .NET's `TrimStart` removes, besides what JavaScript's `\s` already covers. */
const LEADING_SPACE = /^[\s\u0085]*/

/** Characters ICU skips when it compares, and carriage returns, where the runner ends a line. */
const IGNORED = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/gu

/** Every code unit of `char` as a `\uXXXX` escape. */
function escaped(char: string): string {
  let out = ''
  for (let i = 0; i < char.length; i++) {
    out += `\\u${char.charCodeAt(i).toString(16).padStart(4, '0')}`
  }
  return out
}

/**
 * Text that the runner reads as no workflow command, line by line. A line that would carry a
 * marker once ignorable characters are skipped has those characters escaped first, then its
 * markers; any other line is left as it is (an emoji's zero-width joiner, say). A carriage
 * return is always escaped: only `\n` may end a line the action prints.
 */
export function inert(text: string): string {
  return text
    .replace(/\r/g, '\\u000d')
    .split('\n')
    .map((line) => {
      const seen = line.replace(IGNORED, '')
      const opening = seen.replace(LEADING_SPACE, '').startsWith('::')
      if (!opening && !seen.includes('##[')) return line
      const plain = line.replace(IGNORED, escaped)
      return plain.replace(/##\[/g, '#\\u0023[').replace(/^([\s\u0085]*):(?=:)/, '$1\\u003a')
    })
    .join('\n')
}

/** A text as the action prints and outputs it: credentials scrubbed, then inert. */
export function printable(text: string, secrets: Secrets): string {
  return inert(secrets.scrub(text))
}

/**
 * The toolkit's functions, printing only safe text: every message and output value scrubbed of
 * credentials and made inert, whatever it quotes. `setSecret` alone passes its value unchanged:
 * it is the mask.
 */
export function safeCore(core: Core, secrets: Secrets): Core {
  const safe = (message: string | Error) => printable(String(message), secrets)
  return {
    ...core,
    setOutput: (name, value) => {
      core.setOutput(name, safe(String(value)))
    },
    setFailed: (message) => {
      core.setFailed(safe(message))
    },
    debug: (message) => {
      core.debug(safe(message))
    },
    info: (message) => {
      core.info(safe(message))
    },
    notice: (message) => {
      core.notice(safe(message))
    },
    warning: (message) => {
      core.warning(safe(message))
    },
    startGroup: (name) => {
      core.startGroup(safe(name))
    }
  }
}
