import { Readable } from 'node:stream'
import { constants, createBrotliCompress, createDeflate, createGzip } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_MAX_RESPONSE_BYTES,
  InvalidResponseError,
  NotFoundError,
  ResponseTooLargeError,
} from '../src/index.js'
import { sendJson, startServer } from './loopback-server.js'
import { createTestClient, TEST_KEY } from './test-provider.js'

const MiB = 1024 * 1024

/**
 * An endless JSON body, compressed as it is sent: a few KB on the wire for every MiB decoded. A client
 * that inflated first and checked later would never finish; only one that counts while it inflates does.
 */
function endlessBomb(encoding: keyof typeof encoders): Readable {
  const filler = Buffer.alloc(64 * 1024, 'a')
  const body = Readable.from(
    (function* () {
      yield Buffer.from('{"items":["')
      for (;;) yield filler
    })(),
  )
  return body.pipe(encoders[encoding]())
}

const encoders = {
  gzip: () => createGzip(),
  deflate: () => createDeflate(),
  br: () => createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 1 } }),
} as const

describe('maxResponseBytes', () => {
  it('defaults to 32 MiB', () => {
    expect(DEFAULT_MAX_RESPONSE_BYTES).toBe(32 * MiB)
  })

  it.each(Object.keys(encoders) as (keyof typeof encoders)[])(
    'stops a %s bomb while it inflates, with an error naming the limit',
    async (encoding) => {
      const server = await startServer((_, response) => {
        response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': encoding })
        const bomb = endlessBomb(encoding)
        // The client's cancel closes the connection; the endless source is then dropped.
        response.once('close', () => bomb.destroy())
        bomb.pipe(response)
      })
      const error = await createTestClient({ baseUrl: server.url, maxRetries: 0 })
        .GET('/items')
        .catch((caught: unknown) => caught)
      expect(ResponseTooLargeError.isInstance(error)).toBe(true)
      expect(InvalidResponseError.isInstance(error)).toBe(true)
      expect(error).toMatchObject({ status: 200, provider: 'testprov', maxResponseBytes: 32 * MiB })
      expect((error as Error).message).toContain(`maxResponseBytes (${32 * MiB} bytes`)
      await server.requests[0]?.closed // the connection was closed, not left streaming
      expect(server.requests).toHaveLength(1) // not retried
    },
  )

  it('applies a client limit and a per-call limit, to error bodies too', async () => {
    const body = { items: ['x'.repeat(5000)] }
    const server = await startServer((request, response) =>
      request.url === '/items/missing'
        ? sendJson(response, 404, { error: { code: 'nf', message: 'y'.repeat(5000) } })
        : sendJson(response, 200, body),
    )
    const small = createTestClient({ baseUrl: server.url, maxResponseBytes: 1000 })
    await expect(small.GET('/items')).rejects.toMatchObject({
      name: 'ResponseTooLargeError',
      maxResponseBytes: 1000,
    })
    await expect(
      small.GET('/items/{item_id}', { params: { path: { item_id: 'missing' } } }),
    ).rejects.toMatchObject({ name: 'ResponseTooLargeError', status: 404 })
    const roomy = createTestClient({ baseUrl: server.url })
    await expect(roomy.GET('/items', { maxResponseBytes: 100 } as never)).rejects.toMatchObject({
      name: 'ResponseTooLargeError',
      maxResponseBytes: 100,
    })
    expect((await small.GET('/items', { maxResponseBytes: 10_000 } as never)).data).toEqual(body)
  })

  it('counts a chunked body without a length as it streams', async () => {
    const server = await startServer((_, response) => {
      response.writeHead(200, { 'content-type': 'application/json' })
      // Never ends by itself: only the client's cancel stops it.
      const chunk = Buffer.alloc(64 * 1024, ' ')
      const write = () => {
        while (response.write(chunk)) {}
      }
      response.on('drain', write)
      write()
    })
    const error = await createTestClient({ baseUrl: server.url, maxResponseBytes: MiB, maxRetries: 0 })
      .GET('/items')
      .catch((caught: unknown) => caught)
    expect(ResponseTooLargeError.isInstance(error)).toBe(true)
    await server.requests[0]?.closed // the connection was closed, not left streaming
  })

  it('rejects a declared length over the limit before reading it', async () => {
    const server = await startServer((_, response) =>
      sendJson(response, 500, { error: { code: 'x', message: `${TEST_KEY} ${'z'.repeat(4000)}` } }),
    )
    const error = await createTestClient({ baseUrl: server.url, maxResponseBytes: 1000, maxRetries: 0 })
      .GET('/items')
      .catch((caught: unknown) => caught)
    expect(ResponseTooLargeError.isInstance(error)).toBe(true)
    expect(NotFoundError.isInstance(error)).toBe(false)
    expect(JSON.stringify(error)).not.toContain(TEST_KEY)
  })

  it('reads a body through arrayBuffer() where a runtime has no Response.bytes()', async () => {
    const server = await startServer((_, response) => sendJson(response, 200, { items: [1, 2, 3] }))
    const withoutBytes: typeof fetch = async (input, init) => {
      const response = await fetch(input, init)
      Object.defineProperty(response, 'bytes', { value: undefined, writable: true, configurable: true })
      return response
    }
    const client = createTestClient({ baseUrl: server.url, fetch: withoutBytes })
    const { data } = await client.GET('/items', { parseAs: 'arrayBuffer' })
    expect(new TextDecoder().decode(data as ArrayBuffer)).toBe('{"items":[1,2,3]}')
  })

  it('gives the bytes sent of a JSON body it read as text', async () => {
    const sent = Buffer.from(JSON.stringify({ items: ['ünï €', '𝄞', 'plain'] }))
    const server = await startServer((_, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': sent.byteLength })
      response.end(sent)
    })
    const { data, response } = await createTestClient({ baseUrl: server.url }).GET('/items')
    expect(data).toEqual({ items: ['ünï €', '𝄞', 'plain'] })
    expect(Buffer.from(await response.arrayBuffer()).equals(sent)).toBe(true)
    expect(Buffer.from(await (await response.blob()).arrayBuffer()).equals(sent)).toBe(true)
  })

  it.each([0, -1, 1.5, '10', Number.NaN])('rejects maxResponseBytes %o at creation', (value) => {
    expect(() => createTestClient({ maxResponseBytes: value as never })).toThrow(/maxResponseBytes/)
  })
})
