import type { Failure } from '../deliver/answers.js'
import { describeError } from '../deliver/tencent-errors.js'

/** What went wrong and what a person can do about it. */
export interface Explanation {
  what: string
  remedy: string
}

/** Explains a failed delivery: what happened, what it means, and what to change. */
export function explainFailure(failure: Failure): Explanation {
  switch (failure.reason) {
    case 'tencent': {
      const { meaning, remedy } = describeError(failure.code)
      const info = failure.info === '' ? '' : `: ${failure.info}`
      return {
        what: `Tencent Chat answered ErrorCode ${failure.code} (${meaning})${info}.`,
        remedy
      }
    }
    case 'network':
      return {
        what: `Tencent Chat was not reached, or its answer was lost: ${failure.info}.`,
        remedy: "Check `region`, `endpoint` and the runner's network or proxy."
      }
    case 'unreachable':
      return UNREACHABLE[failure.kind](failure.info)
    case 'redirect':
      return {
        what: `The endpoint answered ${failure.info}; the action does not follow redirects.`,
        remedy:
          'Set `endpoint` to the final URL: following a redirect would send the UserSig to another host.'
      }
    case 'dropped':
      return {
        what: `A live room's frequency control dropped the message (${failure.info}).`,
        remedy:
          'Keep `priority` at High, which live rooms drop last, and announce when the room is quieter.'
      }
    case 'garbled':
      return {
        what: `Tencent Chat gave a contradictory answer (${failure.info}).`,
        remedy: checkEndpoint
      }
    case 'out-of-time':
      return {
        what: `Not sent: ${failure.info}.`,
        remedy:
          'Run the job again: rooms that already have the message discard it as a repeat within five minutes. Lower `timeout-seconds` or `retries` if tries took long.'
      }
    case 'unsendable':
      return {
        what: `Not sent: ${failure.info}.`,
        remedy: 'Tencent listed something that is no group ID; nothing can be sent to it.'
      }
    case 'limit':
      return {
        what: `The listing was stopped: ${failure.info}.`,
        remedy:
          'Announce with `target: broadcast` (Ultimate edition), which reaches every live room in one request, or name the groups with `target: groups`; if `endpoint` is a proxy, check that it passes `Next` through unchanged.'
      }
    default:
      return {
        what: `Tencent Chat gave an unexpected answer (${failure.info}).`,
        remedy: checkEndpoint
      }
  }
}

const checkEndpoint =
  'Check `endpoint`: it must point at the Tencent Chat REST API or a proxy of it.'

const UNREACHABLE: Record<'certificate' | 'proxy' | 'dns', (info: string) => Explanation> = {
  certificate: (info) => ({
    what: `The server's TLS certificate is not trusted: ${info}.`,
    remedy:
      'For a private gateway or proxy with its own certificate authority, give the runner its CA certificate with NODE_EXTRA_CA_CERTS in the step’s env.'
  }),
  proxy: (info) => ({
    what: `The proxy refused to open a tunnel: ${info}.`,
    remedy: 'Check the proxy credentials in HTTPS_PROXY or HTTP_PROXY, or add the host to NO_PROXY.'
  }),
  dns: (info) => ({
    what: `The endpoint's name does not resolve: ${info}.`,
    remedy: 'Check the host name in `endpoint`.'
  })
}
