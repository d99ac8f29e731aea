// A model of how the GitHub runner finds workflow commands in what a step prints, written from
// actions/runner's source:
// - ProcessInvoker reads stdout with StreamReader.ReadLine: a line ends at \n, \r or \r\n.
// - OutputManager hands every line to ActionCommandManager.TryProcessCommand, which tries
//   ActionCommand.TryParseV2 (`::name props::data`, after TrimStart, so leading white space as
//   .NET's char.IsWhiteSpace sees it is skipped) and then TryParse (`##[name props]data` anywhere
//   in the line).
// - A name counts when it is registered, compared in any case (OrdinalIgnoreCase): the command
//   extensions, `stop-commands`, and while commands are stopped, the token that resumes them.
// - Both markers are found with culture-sensitive string search (IndexOf, StartsWith), which under
//   ICU skips ignorable characters. The model drops every control, format and default-ignorable
//   character before it looks, so it finds at least every command the runner would.
// The model shares no code with src/: it is the runner's reading, not the action's.

/** The command extensions a runner registers (ActionCommandManager.cs), and stop-commands. */
export const REGISTERED_COMMANDS = [
  'stop-commands',
  'set-env',
  'set-output',
  'save-state',
  'add-mask',
  'add-path',
  'add-matcher',
  'remove-matcher',
  'debug',
  'warning',
  'error',
  'notice',
  'group',
  'endgroup',
  'echo'
]

/** What .NET's char.IsWhiteSpace holds to be white space. */
const DOTNET_WHITE_SPACE =
  /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*/

/** What ICU skips when it compares strings (a superset, so the model errs toward finding). */
const IGNORABLE = /[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]/gu

export interface RunnerCommand {
  /** The line it was read from, counted from 0. */
  line: number
  syntax: '::' | '##['
  /** Lower case. */
  name: string
  data: string
}

/**
 * Every workflow command the runner reads in `output`, in order, as it would process them:
 * while `stop-commands` is in effect, only its token is read.
 */
export function runnerCommands(output: string): RunnerCommand[] {
  const registered = new Set(REGISTERED_COMMANDS)
  let stopToken: string | undefined
  const found: RunnerCommand[] = []
  output.split(/\r\n|\r|\n/).forEach((raw, line) => {
    const command = parseV2(raw, registered) ?? parseV1(raw, registered)
    if (command === undefined) return
    if (stopToken !== undefined) {
      if (command.name !== stopToken) return
      registered.delete(stopToken)
      stopToken = undefined
    } else if (command.name === 'stop-commands') {
      stopToken = command.data.toLowerCase()
      registered.add(stopToken)
    }
    found.push({ line, ...command })
  })
  return found
}

function parseV2(raw: string, registered: Set<string>): Omit<RunnerCommand, 'line'> | undefined {
  const message = raw.replace(DOTNET_WHITE_SPACE, '').replace(IGNORABLE, '')
  if (!message.startsWith('::')) return undefined
  const end = message.indexOf('::', 2)
  if (end < 0) return undefined
  const info = message.slice(2, end)
  const name = (info.includes(' ') ? info.slice(0, info.indexOf(' ')) : info).toLowerCase()
  if (!registered.has(name)) return undefined
  return { syntax: '::', name, data: message.slice(end + 2) }
}

function parseV1(raw: string, registered: Set<string>): Omit<RunnerCommand, 'line'> | undefined {
  const message = raw.replace(IGNORABLE, '')
  const prefix = message.indexOf('##[')
  if (prefix < 0) return undefined
  const close = message.indexOf(']', prefix)
  if (close < 0) return undefined
  const info = message.slice(prefix + 3, close)
  const name = (info.includes(' ') ? info.slice(0, info.indexOf(' ')) : info).toLowerCase()
  if (!registered.has(name)) return undefined
  return { syntax: '##[', name, data: message.slice(close + 1) }
}

/** The commands the action writes itself, through @actions/core. */
const OWN = new Set(['add-mask', 'debug', 'error', 'warning', 'notice', 'group', 'endgroup'])

/**
 * Checks that the runner would read in `output` only the commands the action wrote itself: no
 * `##[` command at all, no command stopped or started by the text it quotes, at most one
 * `::error` or `::warning`, every group closed. Returns the commands, for further checks.
 */
export function ownCommandsOnly(output: string): RunnerCommand[] {
  const commands = runnerCommands(output)
  const foreign = commands.filter(({ syntax, name }) => syntax === '##[' || !OWN.has(name))
  if (foreign.length > 0) {
    throw new Error(
      `the runner would run commands the action did not write: ${JSON.stringify(foreign)}`
    )
  }
  const endings = commands.filter(({ name }) => name === 'error' || name === 'warning')
  if (endings.length > 1) {
    throw new Error(`more than one ::error or ::warning: ${JSON.stringify(endings)}`)
  }
  let open = 0
  for (const { name } of commands) {
    if (name === 'group') open++
    if (name === 'endgroup') open--
    if (open < 0 || open > 1) throw new Error('a group was ended that was not open, or nested')
  }
  if (open !== 0) throw new Error('a group was left open')
  return commands
}
