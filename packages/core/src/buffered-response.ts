import { InvalidResponseError } from './errors.js'
import type { BodyContent } from './read-limited-body.js'
import { redact, snippet } from './redaction.js'

/** Who is reading, for the error when a body is not JSON: the same for every call of a client. */
export interface BufferedResponseSource {
  provider: string
  /** Strings that must never appear in the error. */
  secrets: readonly string[]
}

/** The call the response answers: its method and URL (for the error message, and `url` on a Response built by hand). */
export interface BufferedRequest {
  method: string
  url: string
}

const decoder = new TextDecoder()
const encoder = new TextEncoder()
const buffered = Symbol('voicebatch.bufferedBody')

/**
 * What a buffered Response answers from: the body as read (its text, or its bytes when the call
 * asked for a blob, an array buffer or a stream, or when it was counted chunk by chunk), the other
 * form made when first asked for, and the JSON once parsed. The bytes of a body read as text are its
 * UTF-8 encoding: the bytes sent, for any valid UTF-8 body without a byte-order mark.
 */
interface BufferedBody {
  bytes: Uint8Array<ArrayBuffer> | undefined
  text: string | undefined
  parsed: { value: unknown } | undefined
  stream?: ReadableStream<Uint8Array> | undefined
}

type Buffered = Response & { [buffered]: BufferedBody }

function decoded(body: BufferedBody): string {
  body.text ??= decoder.decode(body.bytes)
  return body.text
}

function encoded(body: BufferedBody): Uint8Array<ArrayBuffer> {
  body.bytes ??= encoder.encode(body.text) as Uint8Array<ArrayBuffer>
  return body.bytes
}

/**
 * The body methods of every buffered Response: one shared set reading the bytes kept under a symbol,
 * rather than five new closures per call (they are put on the instance: changing a Response's
 * prototype would cost more than it saves).
 */
const bufferedMethods = {
  text(this: Buffered): Promise<string> {
    return Promise.resolve(decoded(this[buffered]))
  },
  json(this: Buffered): Promise<unknown> {
    const body = this[buffered]
    return Promise.resolve(body.parsed ? body.parsed.value : JSON.parse(decoded(body)))
  },
  arrayBuffer(this: Buffered): Promise<ArrayBuffer> {
    return Promise.resolve(encoded(this[buffered]).slice().buffer)
  },
  bytes(this: Buffered): Promise<Uint8Array<ArrayBuffer>> {
    return Promise.resolve(encoded(this[buffered]).slice())
  },
  blob(this: Buffered): Promise<Blob> {
    return Promise.resolve(
      new Blob([encoded(this[buffered])], { type: this.headers.get('content-type') ?? '' }),
    )
  },
}

/** `body` (what `parseAs: 'stream'` returns): the stream was read to fill the bytes, so it streams them again. */
const bodyStream: PropertyDescriptor = {
  get(this: Buffered): ReadableStream<Uint8Array> {
    const body = this[buffered]
    body.stream ??= new Blob([encoded(body)]).stream()
    return body.stream
  },
}

/**
 * Serves the response's body from the bytes already read: `text()`, `json()`, `arrayBuffer()`,
 * `blob()` and `bytes()` answer from them, so the Response needs no second stream. On a 2xx with a
 * body, the body must be JSON: otherwise `InvalidResponseError` (never a raw `SyntaxError` from
 * openapi-fetch later); the parsed value is handed to `json()` so it is not parsed twice.
 */
export function toBufferedResponse(
  response: Response,
  status: number,
  content: BodyContent | null,
  request: BufferedRequest,
  parseAs: unknown,
  source: BufferedResponseSource,
): Response {
  if (content === null) return response
  const body: BufferedBody =
    typeof content === 'string'
      ? { bytes: undefined, text: content, parsed: undefined }
      : { bytes: content, text: undefined, parsed: undefined }
  // Stored one by one: cheaper than Object.assign on every call.
  const target = response as Buffered
  target.text = bufferedMethods.text
  target.json = bufferedMethods.json
  target.arrayBuffer = bufferedMethods.arrayBuffer
  target.bytes = bufferedMethods.bytes
  target.blob = bufferedMethods.blob
  target[buffered] = body
  Object.defineProperty(response, 'body', bodyStream)
  if (!hasUrl(response)) Object.defineProperty(response, 'url', { value: request.url })
  // openapi-fetch parses with json() only when it sees a length; otherwise it parses text() itself.
  // Text is only read at once from a body of declared length (read-limited-body.ts): no lookup then.
  if (typeof content !== 'string' && !response.headers.has('content-length')) {
    const headers = new Headers(response.headers)
    // The body is all here now: describe it by its length, not as a chunked stream.
    headers.delete('transfer-encoding')
    headers.set('content-length', String(encoded(body).byteLength))
    Object.defineProperty(response, 'headers', { value: headers })
  }
  if (status < 200 || status > 299 || content.length === 0) return response
  // Another `parseAs` (text, blob...): the body is not required to be JSON.
  if (parseAs !== undefined && parseAs !== 'json') return response

  // The body decides, as real servers label JSON loosely (text/plain, text/html, none at all): the
  // content type is read only to say what came instead when the body is not JSON.
  try {
    body.parsed = { value: JSON.parse(decoded(body)) }
  } catch {
    throw invalidBody(status, body, request, source, notJson(response.headers.get('content-type')))
  }
  return response
}

/** What the error says came instead of JSON: the declared non-JSON type, else a body that does not parse. */
function notJson(contentType: string | null): string {
  if (contentType !== null && !isJsonMediaType(contentType))
    return `a ${mediaType(contentType)} body, not JSON`
  return 'a body that is not valid JSON (truncated?)'
}

/**
 * Whether the response knows its URL. A fetched one (type `basic` or `cors`) always does, and
 * reading its `url` costs a URL serialization (about 2 µs on Node 20): only a Response built by
 * hand (a test double's `new Response()`, type `default`) is asked.
 */
function hasUrl(response: Response): boolean {
  const { type } = response
  return type === 'basic' || type === 'cors' || response.url !== ''
}

function invalidBody(
  status: number,
  body: BufferedBody,
  request: BufferedRequest,
  source: BufferedResponseSource,
  problem: string,
): InvalidResponseError {
  const { provider, secrets } = source
  const described = redact(`${request.method} ${request.url}`, secrets)
  return new InvalidResponseError({
    provider,
    status,
    snippet: snippet(decoded(body), secrets),
    message: `${provider}: ${described} returned ${status} with ${problem}: ${snippet(decoded(body), secrets, 80)}`,
  })
}

function mediaType(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase()
}

function isJsonMediaType(contentType: string): boolean {
  if (contentType === 'application/json' || contentType.startsWith('application/json;')) return true
  const type = mediaType(contentType)
  return type === 'application/json' || type.endsWith('+json')
}
