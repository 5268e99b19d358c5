/**
 * The client skips building openapi-fetch's `Request` while no middleware is registered, sets
 * origin headers in place and checks the origin by prefix (see deferred-request.ts). Each guarantee
 * the slower path gave is proven here again through the client, against loopback servers: once on
 * the lean path, and once with middleware registered (the real-Request path).
 */
import { describe, expect, it } from 'vitest'
import { InvalidResponseError, RequestAbortedError, TimeoutError } from '../src/index.js'
import { isOnOrigin } from '../src/send-with-redirects.js'
import { type Handler, sendJson, startServer } from './loopback-server.js'
import { createTestClient, TEST_KEY } from './test-provider.js'

const redirectTo =
  (location: string, status = 302): Handler =>
  (_, response) => {
    response.writeHead(status, { location })
    response.end()
  }

/** Runs each test on the lean path and with a pass-through middleware registered. */
const paths = [
  { name: 'without middleware', register: (_client: ReturnType<typeof createTestClient>) => {} },
  {
    name: 'with middleware',
    register: (client: ReturnType<typeof createTestClient>) => client.use({ onRequest: () => undefined }),
  },
]

describe.each(paths)('the request path $name', ({ register }) => {
  it('times out a body that sends its headers and then stalls', async () => {
    const api = await startServer((_, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' })
      response.write('{"items": [')
    })
    const client = createTestClient({ baseUrl: api.url, timeoutMs: 150, maxRetries: 0 })
    register(client)
    const error = await client.GET('/items').catch((caught: unknown) => caught)
    expect(TimeoutError.isInstance(error)).toBe(true)
    expect(RequestAbortedError.isInstance(error)).toBe(false)
    await api.requests[0]?.closed
  })

  it('keeps the caller abort apart from the timeout', async () => {
    const api = await startServer(() => {})
    const client = createTestClient({ baseUrl: api.url, timeoutMs: 5_000, maxRetries: 0 })
    register(client)
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 50)
    const error = await client.GET('/items', { signal: controller.signal }).catch((caught: unknown) => caught)
    expect(RequestAbortedError.isInstance(error)).toBe(true)
    expect(TimeoutError.isInstance(error)).toBe(false)
  })

  it('keeps credentials and default headers on the configured origin along a chain that leaves and comes back', async () => {
    const api = await startServer((request, response) =>
      request.url === '/v1/items'
        ? redirectTo(`${other.url}/bounce`, 307)(request, response, 0)
        : sendJson(response, 200, { items: [] }),
    )
    const other = await startServer(redirectTo(`${api.url}/v1/final`, 307))
    const client = createTestClient({ baseUrl: `${api.url}/v1`, headers: { 'X-Team': 'blue' } })
    register(client)
    const { data } = await client.GET('/items', { headers: { 'X-Trace': 't1', Accept: 'application/json' } })
    expect(data).toEqual({ items: [] })
    const seen = [...api.requests, ...other.requests].map((request) => request.headers)
    expect(
      api.requests.map((request) => [request.url, request.headers['x-api-key'], request.headers['x-team']]),
    ).toEqual([
      ['/v1/items', TEST_KEY, 'blue'],
      ['/v1/final', undefined, undefined],
    ])
    expect(other.requests[0]?.headers['x-api-key']).toBeUndefined()
    expect(other.requests[0]?.headers['x-team']).toBeUndefined()
    // The request's own headers travel on every hop.
    expect(seen.map((headers) => headers['x-trace'])).toEqual(['t1', 't1', 't1'])
    expect(JSON.stringify(other.requests)).not.toContain(TEST_KEY)
  })

  it('sends a retried attempt with its credentials again after a cross-origin redirect', async () => {
    const other = await startServer((_, response) => sendJson(response, 503, {}, { 'retry-after': '0' }))
    const api = await startServer(redirectTo(`${other.url}/down`, 307))
    const client = createTestClient({ baseUrl: api.url, maxRetries: 1 })
    register(client)
    const { response } = await client.GET('/items')
    expect(response.status).toBe(503)
    // Both attempts start on the configured origin with the key; neither hop to `other` has it.
    expect(api.requests.map((request) => request.headers['x-api-key'])).toEqual([TEST_KEY, TEST_KEY])
    expect(other.requests.map((request) => request.headers['x-api-key'])).toEqual([undefined, undefined])
  })

  it('still validates the buffered body as JSON on a 2xx', async () => {
    const api = await startServer((_, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '9' })
      response.end('{"items":')
    })
    const client = createTestClient({ baseUrl: api.url })
    register(client)
    await expect(client.GET('/items')).rejects.toSatisfy(InvalidResponseError.isInstance)
  })

  it('sends a body that is not a string (a form) on every attempt', async () => {
    const api = await startServer((request, response, index) =>
      index === 0 ? sendJson(response, 503, {}) : sendJson(response, 201, { id: 'i1', name: request.body }),
    )
    const client = createTestClient({ baseUrl: api.url, maxRetries: 1 })
    register(client)
    const { data } = await client.POST('/items', {
      body: { name: 'first' },
      bodySerializer: (body) => new URLSearchParams(body),
      headers: { 'Idempotency-Key': 'k1', 'Content-Type': 'application/x-www-form-urlencoded' },
    })
    expect(data).toEqual({ id: 'i1', name: 'name=first' })
    expect(api.requests.map((request) => [request.body, request.headers['content-type']])).toEqual([
      ['name=first', 'application/x-www-form-urlencoded'],
      ['name=first', 'application/x-www-form-urlencoded'],
    ])
  })
})

describe('middleware (client.use) with the lean path', () => {
  it('sees every request as a real Request, and what it changes is sent', async () => {
    const api = await startServer((_, response) => sendJson(response, 200, { items: [] }))
    const client = createTestClient({ baseUrl: api.url })
    const seen: unknown[] = []
    const middleware = {
      onRequest({ request }: { request: Request }) {
        seen.push(request instanceof Request && request.url)
        request.headers.set('x-from-middleware', String(seen.length))
      },
    }
    await client.GET('/items') // before: nothing to see
    client.use(middleware)
    await client.GET('/items')
    await client.GET('/items/{item_id}', { params: { path: { item_id: 'a' } } })
    client.eject(middleware)
    await client.GET('/items') // after: nothing to see
    await client.GET('/items', { middleware: [middleware] }) // per call
    expect(seen).toEqual([`${api.url}/items`, `${api.url}/items/a`, `${api.url}/items`])
    expect(api.requests.map((request) => request.headers['x-from-middleware'])).toEqual([
      undefined,
      '1',
      '2',
      undefined,
      '3',
    ])
    // Middleware's requests carry credentials like any other.
    expect(api.requests.every((request) => request.headers['x-api-key'] === TEST_KEY)).toBe(true)
  })

  it('sees the responses too, and a Request it returns instead is sent', async () => {
    const api = await startServer((request, response) =>
      sendJson(response, 200, { items: [], url: request.url }),
    )
    const client = createTestClient({ baseUrl: api.url })
    const statuses: number[] = []
    client.use({
      onRequest: ({ request }) => new Request(`${request.url}?page=2`, request),
      onResponse: ({ response }) => {
        statuses.push(response.status)
      },
    })
    const { data } = await client.GET('/items')
    expect(data).toEqual({ items: [], url: '/items?page=2' })
    expect(statuses).toEqual([200])
  })

  it('rejects invalid middleware as openapi-fetch does, and records nothing', async () => {
    const api = await startServer((_, response) => sendJson(response, 200, { items: [] }))
    const client = createTestClient({ baseUrl: api.url })
    expect(() => client.use({} as never)).toThrow(/Middleware must be an object/)
    expect((await client.GET('/items')).data).toEqual({ items: [] })
  })
})

describe('isOnOrigin', () => {
  const origin = 'https://api.example.com'
  it.each([
    ['https://api.example.com', true],
    ['https://api.example.com/v1/items', true],
    ['https://api.example.com?x=1', true],
    ['https://api.example.com#top', true],
    ['HTTPS://API.EXAMPLE.COM/v1', true],
    ['https://api.example.com:443/v1', true],
    ['https://api.example.com:8443/v1', false],
    ['https://api.example.com.evil.test/v1', false],
    ['https://api.example.com@evil.test/v1', false],
    ['https://api.example.com\\@evil.test', true],
    ['http://api.example.com/v1', false],
    ['not a url', false],
  ])('%s: %s', (url, expected) => {
    expect(isOnOrigin(url, origin)).toBe(expected)
  })
})
