import { inspect } from 'node:util'
import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest'
import {
  type ApiError,
  AuthenticationError,
  ConfigurationError,
  createOpenApiClient,
  InternalServerError,
  NotFoundError,
  resolveApiKey,
} from '../src/index.js'
import { sendJson, startServer } from './loopback-server.js'
import { createTestClient, TEST_KEY, type TestPaths, testProvider } from './test-provider.js'

afterEach(() => {
  vi.unstubAllEnvs()
})

describe('API key', () => {
  it('names the option and the variable when both are missing', () => {
    vi.stubEnv('TESTPROV_API_KEY', '')
    expect(() => createOpenApiClient<TestPaths>(testProvider, {})).toThrow(
      new ConfigurationError(
        'Missing API key for testprov: pass { apiKey } to createTestprovClient or set TESTPROV_API_KEY.',
      ),
    )
    expect(() => createOpenApiClient<TestPaths>(testProvider, { apiKey: '  ' })).toThrow(ConfigurationError)
  })

  it('prefers the option, then the environment', () => {
    vi.stubEnv('TRUEDY_API_KEY', 'from-env')
    const input = { provider: 'truedy', envVar: 'TRUEDY_API_KEY', factoryName: 'createTruedyClient' }
    expect(resolveApiKey({ ...input, option: 'from-option' })).toBe('from-option')
    expect(resolveApiKey({ ...input, option: undefined })).toBe('from-env')
  })

  it('sends the key from the environment', async () => {
    vi.stubEnv('TESTPROV_API_KEY', 'env_key_123')
    const server = await startServer((_, response) => sendJson(response, 200, { items: [] }))
    const client = createOpenApiClient<TestPaths>(testProvider, { baseUrl: server.url })
    await client.GET('/items')
    expect(server.requests[0]?.headers['x-api-key']).toBe('env_key_123')
  })
})

describe('options', () => {
  it.each([
    [{ baseUrl: 'not a url' }],
    [{ baseUrl: '/relative' }],
    [{ baseUrl: 'ftp://files.example.com' }],
    [{ maxRetries: -1 }],
    [{ maxRetries: 1.5 }],
    [{ timeoutMs: 0 }],
    [{ timeoutMs: Number.NaN }],
    [{ fetch: 'nope' as never }],
  ])('rejects %o with ConfigurationError', (options) => {
    expect(() => createTestClient(options)).toThrow(ConfigurationError)
  })

  it('uses the default base URL, trailing slash removed', () => {
    expect(createTestClient({}).baseUrl).toBe('https://api.testprov.invalid/v1')
    expect(createTestClient({ baseUrl: 'http://127.0.0.1:1/api/' }).baseUrl).toBe('http://127.0.0.1:1/api')
  })

  it('uses the fetch option, read for every request', async () => {
    const server = await startServer((_, response) => sendJson(response, 200, { items: [] }))
    const seen: string[] = []
    const client = createTestClient({
      baseUrl: server.url,
      fetch: (input, init) => {
        seen.push(String(input))
        return fetch(input, init)
      },
      headers: { 'X-Team': 'red' },
    })
    await client.GET('/items', { params: { query: { page: 2 } } })
    expect(seen).toEqual([`${server.url}/items?page=2`])
    expect(server.requests[0]?.headers['x-team']).toBe('red')
  })

  it('calls fetch as a plain function, as browsers require of window.fetch', async () => {
    const server = await startServer((_, response) => sendJson(response, 200, { items: [] }))
    // What Chromium's fetch does when called as a method of another object: "Illegal invocation".
    function strictFetch(this: unknown, input: RequestInfo | URL, init?: RequestInit) {
      if (this !== undefined && this !== globalThis) throw new TypeError('Illegal invocation')
      return fetch(input, init)
    }
    const client = createTestClient({ baseUrl: server.url, fetch: strictFetch })
    expect((await client.GET('/items')).response.status).toBe(200)
  })
})

describe('unwrap', () => {
  it('returns typed data', async () => {
    const server = await startServer((_, response) => sendJson(response, 200, { id: '7', name: 'seven' }))
    const client = createTestClient({ baseUrl: server.url })
    const item = await client.unwrap(client.GET('/items/{item_id}', { params: { path: { item_id: '7' } } }))
    expectTypeOf(item).toEqualTypeOf<{ id: string; name: string }>()
    expect(item).toEqual({ id: '7', name: 'seven' })
  })

  it('throws the status class with the provider envelope read', async () => {
    const server = await startServer((_, response) =>
      sendJson(response, 404, {
        error: { code: 'not_found', message: 'Item not found', request_id: 'req_123', details: { id: '7' } },
      }),
    )
    const client = createTestClient({ baseUrl: server.url })
    const error = await client
      .unwrap(client.GET('/items/{item_id}', { params: { path: { item_id: '7' } } }))
      .catch((caught: unknown) => caught)
    expect(NotFoundError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({
      message: 'testprov: 404 not_found: Item not found (request req_123)',
      code: 'not_found',
      requestId: 'req_123',
      details: { id: '7' },
      provider: 'testprov',
      status: 404,
    })
    expect((error as ApiError).headers.get('content-type')).toBe('application/json')
  })

  it('falls back to the status text for a body that is not the envelope (an HTML 502)', async () => {
    const server = await startServer((_, response) => {
      response.writeHead(502, { 'content-type': 'text/html', 'x-request-id': 'edge_1' })
      response.end('<html>upstream down</html>')
    })
    const client = createTestClient({ baseUrl: server.url, maxRetries: 0 })
    const error = await client.unwrap(client.GET('/items')).catch((caught: unknown) => caught)
    expect(InternalServerError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({
      message: 'testprov: 502: Bad Gateway (request edge_1)',
      code: null,
      body: '<html>upstream down</html>',
      requestId: 'edge_1',
    })
  })

  it('also takes an already awaited result', async () => {
    const server = await startServer((_, response) => sendJson(response, 200, { items: [] }))
    const client = createTestClient({ baseUrl: server.url })
    expect(await client.unwrap(await client.GET('/items'))).toEqual({ items: [] })
  })
})

describe('the key never shows', () => {
  it('is not in util.inspect or JSON.stringify of the client', () => {
    const client = createTestClient({})
    for (const text of [
      inspect(client, { depth: 10, showHidden: true }),
      JSON.stringify(client),
      String(client),
    ]) {
      expect(text).not.toContain(TEST_KEY)
    }
    expect(inspect(client)).toContain('[redacted]')
    expect(JSON.parse(JSON.stringify(client))).toEqual({
      provider: 'testprov',
      baseUrl: 'https://api.testprov.invalid/v1',
      apiKey: '[redacted]',
    })
    expect(Object.values(client)).not.toContain(TEST_KEY)
  })

  it('is not in errors even when the server echoes it', async () => {
    const server = await startServer((request, response) =>
      sendJson(response, 401, {
        error: {
          code: 'bad_key',
          message: `Key ${request.headers['x-api-key']} is revoked`,
          details: [request.headers],
        },
      }),
    )
    const client = createTestClient({ baseUrl: server.url })
    const error = await client.unwrap(client.GET('/items')).catch((caught: unknown) => caught)
    expect(AuthenticationError.isInstance(error)).toBe(true)
    expect((error as Error).message).toBe('testprov: 401 bad_key: Key [redacted] is revoked')
    for (const text of [(error as Error).message, JSON.stringify(error), inspect(error, { depth: 10 })]) {
      expect(text).not.toContain(TEST_KEY)
    }
  })
})
