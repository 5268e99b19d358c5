import { InvalidResponseError } from './errors.js'
import { snippet } from './redaction.js'

export interface BufferedResponseContext {
  provider: string
  /** `GET https://…`, redacted; for error messages. */
  describe(): string
  secrets: readonly string[]
  url: string
  /** The call's `parseAs` when not `json`: the body is then not required to be JSON. */
  parseAs?: unknown
}

const decoder = new TextDecoder()

/**
 * Serves the response's body from the bytes already read: `text()`, `json()`, `arrayBuffer()`,
 * `blob()` and `bytes()` answer from them, so the Response needs no second stream. On a 2xx with a
 * body, the body must be JSON: otherwise `InvalidResponseError` (never a raw `SyntaxError` from
 * openapi-fetch later); the parsed value is handed to `json()` so it is not parsed twice.
 */
export function toBufferedResponse(
  response: Response,
  bytes: Uint8Array<ArrayBuffer> | null,
  context: BufferedResponseContext,
): Response {
  if (bytes === null) return response
  let text: string | undefined
  const decoded = () => {
    text ??= decoder.decode(bytes)
    return text
  }
  const fromBytes = {
    text: () => Promise.resolve(decoded()),
    json: () => Promise.resolve(JSON.parse(decoded())),
    arrayBuffer: () => Promise.resolve(bytes.slice().buffer),
    bytes: () => Promise.resolve(bytes.slice()),
    blob: () => Promise.resolve(new Blob([bytes], { type: response.headers.get('content-type') ?? '' })),
  }
  Object.assign(response, fromBytes)
  // The stream was read to fill `bytes`: `body` (what `parseAs: 'stream'` returns) streams them again.
  let stream: ReadableStream<Uint8Array> | undefined
  Object.defineProperty(response, 'body', {
    get: () => {
      stream ??= new Blob([bytes]).stream()
      return stream
    },
  })
  if (response.url === '') Object.defineProperty(response, 'url', { value: context.url })
  // openapi-fetch parses with json() only when it sees a length; otherwise it parses text() itself.
  if (!response.headers.has('content-length')) {
    const headers = new Headers(response.headers)
    // The body is all here now: describe it by its length, not as a chunked stream.
    headers.delete('transfer-encoding')
    headers.set('content-length', String(bytes.byteLength))
    Object.defineProperty(response, 'headers', { value: headers })
  }
  if (!response.ok || bytes.byteLength === 0) return response
  if (context.parseAs !== undefined && context.parseAs !== 'json') return response

  const contentType = response.headers.get('content-type')
  const fail = (problem: string) =>
    new InvalidResponseError({
      provider: context.provider,
      status: response.status,
      snippet: snippet(decoded(), context.secrets),
      message: `${context.provider}: ${context.describe()} returned ${response.status} with ${problem}: ${snippet(decoded(), context.secrets, 80)}`,
    })
  // A missing content type is tolerated when the body parses; a declared non-JSON one is not.
  if (contentType !== null && !isJsonMediaType(contentType))
    throw fail(`a ${mediaType(contentType)} body, not JSON`)
  let parsed: unknown
  try {
    parsed = JSON.parse(decoded())
  } catch {
    throw fail('a body that is not valid JSON (truncated?)')
  }
  response.json = () => Promise.resolve(parsed)
  return response
}

function mediaType(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase()
}

function isJsonMediaType(contentType: string): boolean {
  const type = mediaType(contentType)
  return type === 'application/json' || type.endsWith('+json')
}
