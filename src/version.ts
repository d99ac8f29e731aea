// Replaced by the bundler (and by the test runner's `define`) with package.json's version.
declare const __ACTION_VERSION__: string

/** The action's name and version, as the User-Agent of every request. */
export const USER_AGENT = `tencent-chat-broadcast-action/${__ACTION_VERSION__}`
