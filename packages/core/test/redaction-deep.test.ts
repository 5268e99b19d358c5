import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import { BadRequestError, createApiError, redactValue, UnprocessableEntityError } from '../src/index.js'
import { sendJson, startServer } from './loopback-server.js'
import { createTestClient, TEST_KEY } from './test-provider.js'

/** Every way an error can be shown. */
function renderings(error: unknown): string[] {
  return [
    String((error as Error).message),
    JSON.stringify(error),
    inspect(error, { depth: Number.POSITIVE_INFINITY }),
    String((error as Error).stack),
  ]
}

describe('redaction of every field an error carries', () => {
  it('redacts the key echoed into the message, code, request id, details, body and headers', async () => {
    const server = await startServer((_, response) =>
      sendJson(
        response,
        400,
        {
          error: {
            code: `bad_${TEST_KEY}`,
            message: `key ${TEST_KEY} refused`,
            request_id: `req_${TEST_KEY}`,
            details: { [TEST_KEY]: [`${TEST_KEY}`], nested: [{ deeper: encodeURIComponent(TEST_KEY) }] },
          },
        },
        { 'x-echo': TEST_KEY },
      ),
    )
    const error = await createTestClient({ baseUrl: server.url })
      .unwrap(createTestClient({ baseUrl: server.url }).GET('/items'))
      .catch((caught: unknown) => caught)
    expect(BadRequestError.isInstance(error)).toBe(true)
    const apiError = error as BadRequestError
    for (const text of renderings(error)) expect(text).not.toContain(TEST_KEY)
    expect(apiError.code).toBe('bad_[redacted]')
    expect(apiError.requestId).toBe('req_[redacted]')
    expect(apiError.headers.get('x-echo')).toBe('[redacted]')
    expect(JSON.stringify(apiError.details)).not.toContain(TEST_KEY)
    expect(JSON.stringify(apiError.body)).not.toContain(TEST_KEY)
  })

  it('a key that ends in a newline is trimmed, so its echo is still redacted', async () => {
    const server = await startServer((request, response) =>
      sendJson(response, 401, {
        error: { code: 'auth', message: `bad key ${request.headers['x-api-key']}` },
      }),
    )
    const client = createTestClient({ baseUrl: server.url, apiKey: `${TEST_KEY}\n` })
    const error = await client.unwrap(client.GET('/items')).catch((caught: unknown) => caught)
    expect(server.requests[0]?.headers['x-api-key']).toBe(TEST_KEY)
    for (const text of renderings(error)) expect(text).not.toContain(TEST_KEY)
  })

  it('a 4xx body nested 20,000 levels deep still gives its ApiError subclass, safe to render', async () => {
    const depth = 20_000
    const deep = `${'['.repeat(depth)}"${TEST_KEY}"${']'.repeat(depth)}`
    const server = await startServer((_, response) => {
      response.writeHead(422, { 'content-type': 'application/json' })
      response.end(`{"error":{"code":"deep","message":"m","details":${deep}}}`)
    })
    const client = createTestClient({ baseUrl: server.url })
    const error = await client.unwrap(client.GET('/items')).catch((caught: unknown) => caught)
    expect(UnprocessableEntityError.isInstance(error)).toBe(true)
    for (const text of renderings(error)) expect(text).not.toContain(TEST_KEY)
  })

  it('a cyclic value is copied with [circular] in place of the cycle', () => {
    const cyclic: Record<string, unknown> = { name: TEST_KEY }
    cyclic.self = cyclic
    const error = createApiError({
      provider: 'testprov',
      status: 400,
      code: null,
      message: null,
      details: cyclic,
      requestId: null,
      headers: new Headers(),
      body: [cyclic],
      secrets: [TEST_KEY],
    })
    expect(error.details).toEqual({ name: '[redacted]', self: '[circular]' })
    expect(() => JSON.stringify(error)).not.toThrow()
  })

  it('keeps a __proto__ key as data, and redacts keys', () => {
    const value = JSON.parse(`{"__proto__": {"polluted": "${TEST_KEY}"}, "${TEST_KEY}": 1}`)
    const clean = redactValue(value, [TEST_KEY]) as Record<string, unknown>
    expect(Object.getPrototypeOf(clean)).toBe(Object.prototype)
    expect(JSON.stringify(clean)).toBe('{"__proto__":{"polluted":"[redacted]"},"[redacted]":1}')
  })
})
