// Replaced by the bundler (and by the test runner's `define`) with package.json's version; run
// from source by other tools (such as local-action), it is not defined.
declare const __ACTION_VERSION__: string | undefined

const version = typeof __ACTION_VERSION__ === 'string' ? __ACTION_VERSION__ : 'source'

/** The action's name and version, as the User-Agent of every request. */
export const USER_AGENT = `tencent-chat-broadcast-action/${version}`
