/**
 * A problem only a change to the workflow can fix: a bad input, a template that names an unknown
 * path, a message that cannot fit, an event file that cannot be read. It is found before anything
 * is sent, it is never retried, and `fail-on-error: false` does not soften it. The message names
 * what is wrong; `remedy` says what to do.
 */
export class InputError extends Error {
  constructor(
    message: string,
    readonly remedy = 'Fix the inputs named above; nothing was sent.'
  ) {
    super(message)
    this.name = new.target.name
  }
}

/** One input cannot be used; the message is a sentence that starts with the input's name. */
export class InvalidInput extends InputError {
  constructor(
    readonly input: string,
    detail: string
  ) {
    super(`Input \`${input}\` ${detail}`)
  }
}
