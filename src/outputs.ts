import * as core from '@actions/core'
import type { Failure } from './delivery.js'
import type { BroadcastBody, RenderedMessage } from './message.js'
import { describeError } from './tencent-errors.js'

/** Outputs known before the request: what will be sent. The body holds no credential. */
export function setPayloadOutputs(body: BroadcastBody, message: RenderedMessage): void {
  core.setOutput('random', String(body.Random))
  core.setOutput('payload', JSON.stringify(body))
  core.setOutput('truncated', String(message.truncated))
}

export function setTriesOutput(tries: number): void {
  core.setOutput('tries', String(tries))
}

export function setSentOutputs(msgSeq: number): void {
  core.setOutput('msg-seq', String(msgSeq))
  core.setOutput('status', 'sent')
  core.setOutput('error-code', '')
  core.setOutput('error-info', '')
}

export function setDryRunOutputs(): void {
  core.setOutput('status', 'dry-run')
}

export function setFailedOutputs(errorCode: string, errorInfo: string): void {
  core.setOutput('status', 'failed')
  core.setOutput('error-code', errorCode)
  core.setOutput('error-info', errorInfo)
}

/** What went wrong and what a person can do about it. */
export interface Explanation {
  what: string
  remedy: string
}

/** Explains a failed delivery: what Tencent said, what it means, and what to change. */
export function explainFailure(delivery: Failure): Explanation {
  if (delivery.reason === 'tencent') {
    const { meaning, remedy } = describeError(delivery.code)
    const info = delivery.info === '' ? '' : `: ${delivery.info}`
    return { what: `Tencent Chat answered ErrorCode ${delivery.code} (${meaning})${info}.`, remedy }
  }
  if (delivery.reason === 'network') {
    return {
      what: `The request did not reach Tencent Chat: ${delivery.info}.`,
      remedy: "Check `region`, `endpoint` and the runner's network or proxy."
    }
  }
  return {
    what: `Tencent Chat gave an unexpected answer (${delivery.info}).`,
    remedy: 'Check `endpoint`: it must point at the Tencent Chat REST API or a proxy of it.'
  }
}
