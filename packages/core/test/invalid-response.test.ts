import type { ServerResponse } from 'node:http'
import { describe, expect, it } from 'vitest'
import { InvalidResponseError } from '../src/index.js'
import { sendJson, startServer } from './loopback-server.js'
import { createTestClient, TEST_KEY } from './test-provider.js'

const reply =
  (status: number, contentType: string | null, body: string) => (_: unknown, response: ServerResponse) => {
    response.writeHead(status, contentType === null ? {} : { 'content-type': contentType })
    response.end(body)
  }

describe('2xx bodies that are not JSON', () => {
  it('throws InvalidResponseError for an HTML 200, with a short redacted snippet', async () => {
    const html = `<!doctype html><html><body>Maintenance ${TEST_KEY} ${'x'.repeat(500)}</body></html>`
    const server = await startServer(reply(200, 'text/html; charset=utf-8', html))
    const client = createTestClient({ baseUrl: server.url })
    const error = await client.GET('/items').catch((caught: unknown) => caught)
    expect(InvalidResponseError.isInstance(error)).toBe(true)
    expect(error).not.toBeInstanceOf(SyntaxError)
    const invalid = error as InvalidResponseError
    expect(invalid.status).toBe(200)
    expect(invalid.provider).toBe('testprov')
    expect(invalid.snippet.length).toBeLessThanOrEqual(200)
    expect(invalid.snippet).toContain('<!doctype html><html><body>Maintenance [redacted]')
    expect(invalid.message).toContain('text/html')
    expect(`${invalid.message}${JSON.stringify(invalid)}${invalid.stack}`).not.toContain(TEST_KEY)
  })

  it('throws InvalidResponseError for truncated JSON (chunked, so openapi-fetch would JSON.parse the text)', async () => {
    const server = await startServer((_, response) => {
      response.writeHead(200, { 'content-type': 'application/json' })
      response.write('{"items": [{"id": "1", "na')
      response.end()
    })
    const client = createTestClient({ baseUrl: server.url })
    const error = await client.GET('/items').catch((caught: unknown) => caught)
    expect(InvalidResponseError.isInstance(error)).toBe(true)
    expect((error as InvalidResponseError).snippet).toBe('{"items": [{"id": "1", "na')
  })

  it('throws InvalidResponseError for truncated JSON with a Content-Length', async () => {
    const server = await startServer(reply(200, 'application/json', '{"items": ['))
    const client = createTestClient({ baseUrl: server.url })
    await expect(client.GET('/items')).rejects.toSatisfy(InvalidResponseError.isInstance)
  })

  it('does not retry an invalid body', async () => {
    const server = await startServer(reply(200, 'text/plain', 'ok'))
    const client = createTestClient({ baseUrl: server.url })
    const error = await client.GET('/items').catch((caught: unknown) => caught)
    expect(InvalidResponseError.isInstance(error)).toBe(true)
    expect((error as InvalidResponseError).message).toContain('a text/plain body, not JSON')
    expect(server.requests).toHaveLength(1)
  })
})

describe('bodies that are fine', () => {
  it('parses JSON once and keeps text() working', async () => {
    const server = await startServer((_, response) =>
      sendJson(response, 200, { items: [{ id: '1', name: 'a' }] }),
    )
    const client = createTestClient({ baseUrl: server.url })
    const { data, response } = await client.GET('/items')
    expect(data).toEqual({ items: [{ id: '1', name: 'a' }] })
    expect(await response.json()).toBe(data)
    expect(await response.text()).toBe('{"items":[{"id":"1","name":"a"}]}')
    expect(response.url).toBe(`${server.url}/items`)
  })

  it.each([
    ['application/problem+json', '{"a":1}'],
    ['application/json; charset=utf-8', '{"a":1}'],
    [null, '{"a":1}'],
    // Mislabelled JSON, as some gateways send it: the body decides.
    ['text/plain', '{"a":1}'],
    ['text/html; charset=utf-8', '{"a":1}'],
  ])('accepts content type %s', async (contentType, body) => {
    const server = await startServer(reply(200, contentType, body))
    const client = createTestClient({ baseUrl: server.url })
    expect((await client.GET('/items')).data).toEqual({ a: 1 })
  })

  it('accepts empty bodies: 204, and 200 with nothing', async () => {
    const server = await startServer((request, response) => {
      response.writeHead(request.method === 'DELETE' ? 204 : 200, { 'content-type': 'text/html' })
      response.end()
    })
    const client = createTestClient({ baseUrl: server.url })
    expect(await client.DELETE('/items/{item_id}', { params: { path: { item_id: '1' } } })).toMatchObject({
      data: undefined,
    })
    expect(await client.GET('/items')).toMatchObject({ data: undefined })
  })

  it('describes a chunked body by its length once it is read', async () => {
    const body = '{"name":"é"}'
    const server = await startServer(reply(200, 'application/json', body))
    const client = createTestClient({ baseUrl: server.url })
    const { data, response } = await client.GET('/items')
    expect(data).toEqual({ name: 'é' })
    expect(response.headers.get('transfer-encoding')).toBeNull()
    expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength(body)))
  })

  it('keeps the headers of a body of declared length as they came', async () => {
    const server = await startServer((_, response) => sendJson(response, 200, { items: [] }))
    const client = createTestClient({ baseUrl: server.url })
    const { response } = await client.GET('/items')
    expect(response.headers.get('content-length')).toBe('12')
    expect(response.type).toBe('basic')
    expect(response.url).toBe(`${server.url}/items`)
  })

  it('gives a Response built by a test double the URL it was asked for', async () => {
    const client = createTestClient({
      baseUrl: 'https://api.test.invalid/v1',
      fetch: async () => new Response('{"items":[]}', { headers: { 'content-type': 'application/json' } }),
    })
    const { data, response } = await client.GET('/items')
    expect(data).toEqual({ items: [] })
    expect(response.type).toBe('default')
    expect(response.url).toBe('https://api.test.invalid/v1/items')
  })

  it('reads a Response built without a body as empty, with or without a declared length', async () => {
    for (const headers of [{}, { 'content-length': '0' }]) {
      const client = createTestClient({
        baseUrl: 'https://api.test.invalid/v1',
        fetch: async () => new Response(null, { status: 200, headers }),
      })
      const { data, error, response } = await client.GET('/items')
      expect({ data, error }).toEqual({ data: undefined, error: undefined })
      expect(await response.text()).toBe('')
    }
  })

  it('returns non-2xx bodies as they are, HTML included, for openapi-fetch to put in error', async () => {
    const server = await startServer(reply(502, 'text/html', '<h1>Bad gateway</h1>'))
    const client = createTestClient({ baseUrl: server.url, maxRetries: 0 })
    const { error, response } = await client.GET('/items')
    expect(error).toBe('<h1>Bad gateway</h1>')
    expect(response.status).toBe(502)
    expect(response.headers.get('content-type')).toBe('text/html')
  })
})
