import { afterEach, describe, expect, it, vi } from 'vitest'
import { ConfigurationError, createOpenApiClient, createPageIterator } from '../src/index.js'
import { sendJson, startServer } from './loopback-server.js'
import { createTestClient, type TestPaths, testProvider } from './test-provider.js'

const SECRET = 'hunter2_s3cret_value'

afterEach(() => {
  vi.unstubAllEnvs()
})

/** The ConfigurationError `run` throws; fails when it throws anything else or nothing. */
function configurationError(run: () => unknown): ConfigurationError {
  try {
    run()
  } catch (error) {
    if (ConfigurationError.isInstance(error)) return error
    throw error
  }
  throw new Error('expected a ConfigurationError')
}

describe('client options are checked at creation, and nothing is sent', () => {
  it.each([
    ['a password in baseUrl', { baseUrl: `http://user:${SECRET}@127.0.0.1:1/v1` }, /credentials/],
    ['a user in baseUrl', { baseUrl: `http://${SECRET}@127.0.0.1:1/v1` }, /credentials/],
    ['a baseUrl that is not a URL', { baseUrl: SECRET }, /absolute http\(s\) URL/],
    ['a header value with CR/LF', { headers: { 'X-Trace': `a\r\nX-Injected: ${SECRET}` } }, /X-Trace/],
    ['a header value beyond Latin-1', { headers: { 'X-Name': `${SECRET}\u2028` } }, /X-Name/],
    ['a header name with a space', { headers: { 'X Bad': SECRET } }, /X Bad/],
    ['an unknown key', { maxRetry: 3 }, /"maxRetry".*accepted options are apiKey, baseUrl/],
  ])('%s', async (_, options, message) => {
    const server = await startServer((_, response) => sendJson(response, 200, { items: [] }))
    const error = configurationError(() => createTestClient({ baseUrl: server.url, ...(options as object) }))
    expect(error.message).toMatch(message)
    expect(error.message).not.toContain(SECRET)
    expect(JSON.stringify(error)).not.toContain(SECRET)
    expect(server.requests).toHaveLength(0)
  })

  it('an API key with inner whitespace or control characters is refused without showing it', () => {
    for (const apiKey of [`sk_1 ${SECRET}`, `sk_\t${SECRET}`, `sk_${SECRET}\u0000`, `sk_\u200b${SECRET}`]) {
      const error = configurationError(() => createTestClient({ apiKey }))
      expect(error.message).toMatch(/whitespace or control characters/)
      expect(error.message).not.toContain(SECRET)
    }
    vi.stubEnv('TESTPROV_API_KEY', `a b${SECRET}`)
    expect(configurationError(() => createOpenApiClient<TestPaths>(testProvider, {})).message).toContain(
      'TESTPROV_API_KEY',
    )
  })

  it('trims a key given with surrounding whitespace', async () => {
    const server = await startServer((_, response) => sendJson(response, 200, { items: [] }))
    await createTestClient({ baseUrl: server.url, apiKey: `  ${SECRET}\r\n` }).GET('/items')
    expect(server.requests[0]?.headers['x-api-key']).toBe(SECRET)
  })
})

describe('per-call options are checked before sending', () => {
  it.each([
    ['an unknown key', { maxRetry: 0 }, /"maxRetry".*accepted options are params/],
    ['an unknown parseAs', { parseAs: 'xml' }, /parseAs/],
    ['a header value with CR/LF', { headers: { 'X-Trace': `a\n${SECRET}` } }, /X-Trace/],
    ['a params header with CR/LF', { params: { header: { 'X-Trace': `a\r${SECRET}` } } }, /X-Trace/],
    ['a maxResponseBytes of 0', { maxResponseBytes: 0 }, /maxResponseBytes/],
  ])('%s', async (_, init, message) => {
    const server = await startServer((_, response) => sendJson(response, 200, { items: [] }))
    const client = createTestClient({ baseUrl: server.url })
    const error = await Promise.resolve()
      .then(() => client.GET('/items', init as never))
      .catch((caught: unknown) => caught)
    expect(ConfigurationError.isInstance(error)).toBe(true)
    expect((error as Error).message).toMatch(message)
    expect((error as Error).message).not.toContain(SECRET)
    expect(server.requests).toHaveLength(0)
  })

  it('paginate options with an unknown key are refused', () => {
    const pager = { kind: 'cursor', fetchPage: () => Promise.reject(new Error('not called')) } as const
    expect(() => createPageIterator(pager, { pagesize: 10 } as never)).toThrow(
      /"pagesize".*accepted options are pageSize, limit, concurrency, signal/,
    )
  })
})
