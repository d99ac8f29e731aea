/** The emulator's reading of a send_broadcast_msg body, as Tencent documents it. */
interface BroadcastRequest {
  fromAccount: string | undefined
  random: number
  msgBody: Record<string, unknown>[]
  cloudCustomData: string | undefined
}

type BodyVerdict =
  { ok: true; request: BroadcastRequest } | { ok: false; code: number; info: string }

const MAX_MESSAGE_BYTES = 12_000

type Field = 'string' | 'number'
/** MsgContent fields per element type; `?` marks the optional ones. */
const ELEMENTS: Record<string, Record<string, Field>> = {
  TIMTextElem: { Text: 'string' },
  TIMCustomElem: { 'Data?': 'string', 'Desc?': 'string', 'Ext?': 'string', 'Sound?': 'string' },
  TIMFaceElem: { Index: 'number', 'Data?': 'string' },
  TIMLocationElem: { 'Desc?': 'string', Latitude: 'number', Longitude: 'number' }
}

const invalid = (info: string): BodyVerdict => ({ ok: false, code: 10004, info })

/**
 * Checks the raw body: JSON, then the fields, the element shapes and the 12,000-byte limit, over
 * which it answers `tooLong` (10004 for a broadcast, 80002 for a group message).
 */
export function readBody(raw: string, tooLong = 10004): BodyVerdict {
  let body: unknown
  try {
    body = JSON.parse(raw)
  } catch {
    return { ok: false, code: 60003, info: 'request body is not valid JSON' }
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, code: 60003, info: 'request body is not a JSON object' }
  }
  const { From_Account, Random, MsgBody, CloudCustomData } = body as Record<string, unknown>
  if (
    typeof Random !== 'number' ||
    !Number.isInteger(Random) ||
    Random < 0 ||
    Random > 0xffffffff
  ) {
    return invalid('Random must be an unsigned 32-bit integer')
  }
  if (From_Account !== undefined && (typeof From_Account !== 'string' || From_Account === '')) {
    return invalid('From_Account must be a non-empty string')
  }
  if (CloudCustomData !== undefined && typeof CloudCustomData !== 'string') {
    return invalid('CloudCustomData must be a string')
  }
  if (!Array.isArray(MsgBody) || MsgBody.length === 0) {
    return invalid('MsgBody must be a non-empty array')
  }
  let customElems = 0
  for (const [index, element] of MsgBody.entries()) {
    const problem = elementProblem(element)
    if (problem !== undefined) return invalid(`MsgBody[${index}]: ${problem}`)
    if ((element as { MsgType: string }).MsgType === 'TIMCustomElem') customElems++
  }
  if (customElems > 1) return invalid('MsgBody may hold at most one TIMCustomElem')
  const bytes = Buffer.byteLength(JSON.stringify(MsgBody), 'utf8')
  if (bytes > MAX_MESSAGE_BYTES) {
    return {
      ok: false,
      code: tooLong,
      info: `message is ${bytes} bytes, over the ${MAX_MESSAGE_BYTES}-byte limit`
    }
  }
  return {
    ok: true,
    request: {
      fromAccount: From_Account,
      random: Random,
      msgBody: MsgBody as Record<string, unknown>[],
      cloudCustomData: CloudCustomData
    }
  }
}

function elementProblem(element: unknown): string | undefined {
  if (typeof element !== 'object' || element === null) return 'not an object'
  const { MsgType, MsgContent } = element as Record<string, unknown>
  const shape = typeof MsgType === 'string' ? ELEMENTS[MsgType] : undefined
  if (shape === undefined) return `unknown MsgType ${JSON.stringify(MsgType)}`
  if (typeof MsgContent !== 'object' || MsgContent === null || Array.isArray(MsgContent)) {
    return 'MsgContent must be an object'
  }
  const content = MsgContent as Record<string, unknown>
  for (const [spec, type] of Object.entries(shape)) {
    const name = spec.replace('?', '')
    if (content[name] === undefined) {
      if (spec.endsWith('?')) continue
      return `${String(MsgType)}.${name} is required`
    }
    if (typeof content[name] !== type) return `${String(MsgType)}.${name} must be a ${type}`
  }
  return undefined
}
