import { inspect } from 'node:util'
import { gzipSync } from 'node:zlib'
import {
  ApiError,
  ConfigurationError,
  InvalidResponseError,
  PaginationError,
  ResponseTooLargeError,
} from '@voicebatch/core'
import type { MockServer } from '@voicebatch/testing'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { type HostileServer, sendJson, startHostileServer } from './hostile-server.js'
import { type ListPage, type ProviderCase, providerCases, withServer } from './provider-cases.js'

const range = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, index) => ({ id: `b${from + index}` }))

/** A server speaking the provider's list format, whose pages come from `page(position, size)`. */
function listServer(
  providerCase: ProviderCase,
  page: (position: number, size: number) => ListPage,
  cap = Number.POSITIVE_INFINITY,
): Promise<HostileServer> {
  let origin = ''
  const started = startHostileServer((_, response, url) => {
    const { position, size } = providerCase.paging.position(url.searchParams, cap)
    sendJson(response, 200, providerCase.paging.body(page(position, size), origin))
  })
  return started.then((server) => {
    origin = server.url
    return server
  })
}

/** An honest list of `total` items serving at most `cap` a page, echoing `limit` as its page size. */
const capped =
  (total: number, cap: number, limit: unknown) =>
  (position: number, size: number): ListPage => {
    const end = Math.min(total, position + Math.min(size, cap))
    return { items: range(position, end), total, hasMore: end < total, limit, next: end < total ? end : null }
  }

const ids = (items: unknown[]) => items.map((item) => (item as { id: string }).id)

describe.each(providerCases)('$provider against hostile servers', (providerCase) => {
  describe.each([1, 4])('pagination with concurrency %i', (concurrency) => {
    test.each([
      ['a larger limit than it sent', 50],
      ['limit 0', 0],
      ['limit "10"', '10'],
    ])('pages capped at 20 that echo %s lose nothing', async (_, limit) => {
      const server = await listServer(providerCase, capped(100, 20, limit), 20)
      const items = await providerCase.listBatches(server, {}, { pageSize: 50, concurrency }).toArray()
      expect(ids(items)).toEqual(ids(range(0, 100)))
      expect(server.requests.length).toBeLessThanOrEqual(6)
    })

    test('a server that ignores the page parameter gives PaginationError, not a loop', async () => {
      const server = await listServer(providerCase, () => ({
        items: range(0, 10),
        total: 100,
        hasMore: true,
        limit: 10,
        next: Math.floor(Math.random() * 1e6),
      }))
      const error = await providerCase
        .listBatches(server, {}, { pageSize: 10, concurrency })
        .toArray()
        .catch((caught: unknown) => caught)
      expect(PaginationError.isInstance(error)).toBe(true)
      expect(server.requests.length).toBeLessThanOrEqual(1 + concurrency)
    })

    test('has_more past the known total gives PaginationError', async () => {
      const server = await listServer(providerCase, (position, size) => ({
        items: range(position, position + size),
        total: 30,
        hasMore: true,
        limit: size,
        next: position + size,
      }))
      const error = await providerCase
        .listBatches(server, {}, { pageSize: 10, concurrency })
        .toArray()
        .catch((caught: unknown) => caught)
      expect(PaginationError.isInstance(error)).toBe(true)
      expect(server.requests.length).toBeLessThanOrEqual(4 + concurrency)
    })
  })

  test("a caller's starting cursor, page or offset is where the listing starts", async () => {
    const server = await listServer(providerCase, capped(45, 10, 10))
    expect(ids(await providerCase.listFrom(server, 20).toArray())).toEqual(ids(range(20, 45)))
    expect(server.requests).toHaveLength(3)
  })

  test.each(
    providerCase.wrongShapes.map(([body, missing]) => [
      JSON.stringify(body) ?? 'an empty body',
      body,
      missing,
    ]),
  )('a 200 with %s is an InvalidResponseError naming what is missing', async (_, body, missing) => {
    const server = await startHostileServer((_, response) => sendJson(response, 200, body))
    const error = await providerCase
      .listBatches(server)
      .toArray()
      .catch((caught: unknown) => caught)
    expect(InvalidResponseError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({ provider: providerCase.provider, status: 200 })
    expect((error as Error).message).toContain(`without ${missing}`)
  })

  test('a 4xx with field errors names them in the message', async () => {
    const { status, body, named } = providerCase.fieldErrors
    const server = await startHostileServer((_, response) => sendJson(response, status, body))
    const error = await providerCase.unwrapFirstPage(server).catch((caught: unknown) => caught)
    expect(ApiError.isInstance(error)).toBe(true)
    expect((error as Error).message).toContain(named)
  })

  test('a gzip bomb is cut at maxResponseBytes, with an error naming the limit', async () => {
    const wire = gzipSync(Buffer.alloc(8 * 1024 * 1024, ' '))
    const server = await startHostileServer((_, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' })
      response.end(wire)
    })
    const error = await providerCase
      .listBatches(server, { maxResponseBytes: 1024 * 1024 })
      .toArray()
      .catch((caught: unknown) => caught)
    expect(ResponseTooLargeError.isInstance(error)).toBe(true)
    expect((error as Error).message).toContain('maxResponseBytes (1048576 bytes')
  })

  test('bad configuration throws at creation and sends nothing', async () => {
    const server = await startHostileServer((_, response) => sendJson(response, 200, {}))
    const password = 'pa55word_never_shown'
    const attempts: Array<Record<string, unknown>> = [
      { baseUrl: server.url.replace('http://', `http://user:${password}@`) },
      { headers: { 'X-Trace': `a\r\n${password}` } },
      { apiKey: `sk ${password}` },
      { timeout: 1000 },
    ]
    const messages: string[] = []
    for (const options of attempts) {
      const error = await Promise.resolve()
        .then(() => providerCase.unwrapFirstPage(server, options))
        .catch((caught: unknown) => caught)
      expect(ConfigurationError.isInstance(error)).toBe(true)
      expect(inspect(error)).not.toContain(password)
      messages.push((error as Error).message)
    }
    expect(messages.at(-1)).toMatch(/"timeout".*accepted options are .*timeoutMs, maxResponseBytes/)
    expect(server.requests).toHaveLength(0)
  })
})

describe.each(providerCases)('$provider echoing the key', (providerCase) => {
  let server: MockServer
  beforeAll(async () => {
    server = await withServer(providerCase.provider)
  })
  afterAll(() => server.close())
  beforeEach(() => server.reset())

  test('a key read from a file (trailing newline) never shows in code, request id or body', async () => {
    const key = server.apiKey
    server.inject({
      kind: 'status',
      status: 403,
      body: { detail: key, message: key, error: { code: key, message: key }, meta: { request_id: key } },
      headers: { 'x-request-id': key },
    })
    const error = await providerCase
      .unwrapFirstPage(server, { apiKey: `${key}\n`, maxRetries: 0 })
      .catch((caught: unknown) => caught)
    expect(ApiError.isInstance(error)).toBe(true)
    const shown = [JSON.stringify(error), inspect(error, { depth: 10 }), (error as Error).message]
    for (const text of shown) expect(text).not.toContain(key)
    expect(JSON.stringify((error as ApiError).code)).not.toContain(key)
    expect((error as ApiError).headers.get('x-request-id')).toBe('[redacted]')
  })
})
