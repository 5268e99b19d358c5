import { InvalidResponseError } from './errors.js'
import { snippet } from './redaction.js'

const nullBodyStatuses = new Set([101, 103, 204, 205, 304])

/** Reads the whole body (null when the status or method has none), so it is read within the attempt's timeout. */
export async function readBody(response: Response, method: string): Promise<Uint8Array<ArrayBuffer> | null> {
  if (method === 'HEAD' || nullBodyStatuses.has(response.status) || response.body === null) return null
  return new Uint8Array(await response.arrayBuffer())
}

export interface BufferedResponseContext {
  provider: string
  /** `GET https://…`, already redacted; used in error messages. */
  description: string
  secrets: readonly string[]
  url: string
}

/**
 * Rebuilds the response around the bytes already read. On a 2xx with a body, the body must be
 * JSON: otherwise `InvalidResponseError` (never a raw `SyntaxError` from openapi-fetch later).
 * The parsed value is handed to `json()` so openapi-fetch does not parse it a second time.
 */
export function toBufferedResponse(
  response: Response,
  bytes: Uint8Array<ArrayBuffer> | null,
  context: BufferedResponseContext,
): Response {
  if (bytes === null) return response
  const headers = new Headers(response.headers)
  // The bytes are decoded already: describe them as they are now.
  headers.delete('content-encoding')
  headers.delete('transfer-encoding')
  headers.set('content-length', String(bytes.byteLength))
  const buffered = new Response(bytes, { status: response.status, statusText: response.statusText, headers })
  Object.defineProperties(buffered, {
    url: { value: response.url || context.url },
    redirected: { value: response.redirected },
  })
  if (!response.ok || bytes.byteLength === 0) return buffered

  const text = new TextDecoder().decode(bytes)
  const contentType = response.headers.get('content-type')
  const fail = (problem: string) =>
    new InvalidResponseError({
      provider: context.provider,
      status: response.status,
      snippet: snippet(text, context.secrets),
      message: `${context.provider}: ${context.description} returned ${response.status} with ${problem}: ${snippet(text, context.secrets, 80)}`,
    })
  // A missing content type is tolerated when the body parses; a declared non-JSON one is not.
  if (contentType !== null && !isJsonMediaType(contentType))
    throw fail(`a ${mediaType(contentType)} body, not JSON`)
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    throw fail('a body that is not valid JSON (truncated?)')
  }
  buffered.json = () => Promise.resolve(parsed)
  return buffered
}

function mediaType(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase()
}

function isJsonMediaType(contentType: string): boolean {
  const type = mediaType(contentType)
  return type === 'application/json' || type.endsWith('+json')
}
