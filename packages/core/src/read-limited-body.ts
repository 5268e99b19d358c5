/** Default `maxResponseBytes`: 32 MiB of decoded body. */
export const DEFAULT_MAX_RESPONSE_BYTES: number = 32 * 1024 * 1024

const nullBodyStatuses = new Set([101, 103, 204, 205, 304])

/** A whole body as read: its bytes, or its text where the caller asked for text and fetch could decode it at once. */
export type BodyContent = Uint8Array<ArrayBuffer> | string

/** Thrown by `readLimitedBody` once a body passes its limit; the caller turns it into its own error. */
export class BodyLimitExceeded extends Error {
  constructor(readonly response: Response) {
    super('The response body passed maxResponseBytes')
    this.name = 'BodyLimitExceeded'
  }
}

/**
 * Reads the whole body (null when the status or method has none), at most `maxBytes` of it once
 * decoded: fetch inflates gzip, deflate and brotli as it streams, so the decoded chunks are counted
 * as they arrive and the stream is cancelled (the connection closed) as soon as they pass the limit
 * (`BodyLimitExceeded`). Memory never holds more than the limit, whatever the server sends.
 * `status` is the response's, read once by the caller. `asText`: a body of declared length is read
 * with `text()`, as `json()` would (no copy of its bytes).
 */
export function readLimitedBody(
  response: Response,
  status: number,
  method: string,
  maxBytes: number,
  asText: boolean,
): Promise<BodyContent | null> | null {
  if (method === 'HEAD' || nullBodyStatuses.has(status)) return null
  // Not encoded and of a declared length: fetch fails a body that outgrows its length, so the
  // length bounds it. The common case, read natively (and without another async step: it is on
  // the path of every call). A Response built without a body reads as empty here.
  const { headers } = response
  const length = Number(headers.get('content-length') ?? Number.NaN)
  if (Number.isFinite(length) && !headers.has('content-encoding')) {
    if (length > maxBytes) return refuse(response)
    if (asText) return response.text()
    if (typeof response.bytes === 'function') return response.bytes() as Promise<Uint8Array<ArrayBuffer>>
    return response.arrayBuffer().then((buffer) => new Uint8Array(buffer))
  }
  if (response.body === null) return null
  return readStreaming(response, maxBytes)
}

/** A declared length past the limit: nothing is read. */
async function refuse(response: Response): Promise<never> {
  await response.body?.cancel().catch(() => {})
  throw new BodyLimitExceeded(response)
}

/** Counts the decoded chunks as they arrive; stops reading (closing the connection) past `maxBytes`. */
async function readStreaming(response: Response, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    total += read.value.byteLength
    if (total > maxBytes) {
      await reader.cancel().catch(() => {})
      throw new BodyLimitExceeded(response)
    }
    chunks.push(read.value)
  }
  return concat(chunks, total)
}

function concat(chunks: Uint8Array[], total: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return bytes
}
