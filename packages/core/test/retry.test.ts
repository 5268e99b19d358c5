import { describe, expect, it } from 'vitest'
import {
  backoffDelay,
  createHttpFetch,
  type HttpFetchOptions,
  InternalServerError,
  parseRetryAfter,
  RateLimitError,
} from '../src/index.js'
import { sendJson, startServer } from './loopback-server.js'
import { createTestClient } from './test-provider.js'

const KEY = 'sk_retry_key_0001'

function setup(baseUrl: string, options: Partial<HttpFetchOptions> = {}) {
  const delays: number[] = []
  const fetch = createHttpFetch({
    provider: 'testprov',
    baseUrl,
    authHeaders: { 'X-API-Key': KEY },
    secrets: [KEY],
    sleep: async (milliseconds) => {
      delays.push(milliseconds)
    },
    ...options,
  })
  const call = (url: string, init: RequestInit = {}, perCall: Record<string, unknown> = {}) =>
    fetch(Object.assign(new Request(url, init), perCall))
  return { fetch, call, delays }
}

describe('retries', () => {
  it('retries a 429 after the Retry-After seconds, then succeeds', async () => {
    const server = await startServer((_, response, index) =>
      index === 0
        ? sendJson(response, 429, { error: 'slow down' }, { 'retry-after': '3' })
        : sendJson(response, 200, { ok: true }),
    )
    const { call, delays } = setup(server.url)
    const response = await call(`${server.url}/x`)
    expect(await response.json()).toEqual({ ok: true })
    expect(server.requests).toHaveLength(2)
    expect(delays).toEqual([3000])
  })

  it('honours a Retry-After HTTP date', async () => {
    const server = await startServer((_, response, index) =>
      index === 0
        ? sendJson(response, 429, {}, { 'retry-after': new Date(Date.now() + 5000).toUTCString() })
        : sendJson(response, 200, {}),
    )
    const { call, delays } = setup(server.url)
    expect((await call(`${server.url}/x`)).status).toBe(200)
    expect(delays).toHaveLength(1)
    expect(delays[0]).toBeGreaterThan(3000) // HTTP dates have one-second resolution
    expect(delays[0]).toBeLessThanOrEqual(5000)
  })

  it('really waits for a short retry-after-ms', async () => {
    const server = await startServer((_, response, index) =>
      index === 0 ? sendJson(response, 503, {}, { 'retry-after-ms': '200' }) : sendJson(response, 200, {}),
    )
    const { call } = setup(server.url, { sleep: undefined })
    const started = performance.now()
    expect((await call(`${server.url}/x`)).status).toBe(200)
    expect(performance.now() - started).toBeGreaterThanOrEqual(190)
    expect(server.requests).toHaveLength(2)
  })

  it('retries 503 twice then returns the success', async () => {
    const server = await startServer((_, response, index) =>
      index < 2 ? sendJson(response, 503, {}) : sendJson(response, 200, { attempt: index }),
    )
    const { call, delays } = setup(server.url)
    expect(await (await call(`${server.url}/x`)).json()).toEqual({ attempt: 2 })
    expect(delays).toHaveLength(2)
  })

  it.each([408, 409, 500, 502, 504])('retries %i', async (status) => {
    const server = await startServer((_, response, index) =>
      index === 0 ? sendJson(response, status, {}) : sendJson(response, 200, {}),
    )
    expect((await setup(server.url).call(`${server.url}/x`)).status).toBe(200)
  })

  it.each([400, 401, 403, 404, 422])('does not retry %i', async (status) => {
    const server = await startServer((_, response) => sendJson(response, status, {}))
    expect((await setup(server.url).call(`${server.url}/x`)).status).toBe(status)
    expect(server.requests).toHaveLength(1)
  })

  it('returns the last response when retries run out, which unwrap turns into the typed error', async () => {
    const server = await startServer((_, response) =>
      // retry-after-ms keeps the client's real backoff short
      sendJson(
        response,
        503,
        { error: { code: 'overloaded', message: 'Try later', request_id: 'req_9' } },
        { 'retry-after-ms': '1' },
      ),
    )
    const { call } = setup(server.url)
    const response = await call(`${server.url}/x`)
    expect(response.status).toBe(503)
    expect(await response.json()).toMatchObject({ error: { code: 'overloaded' } })
    expect(server.requests).toHaveLength(3)

    const client = createTestClient({ baseUrl: server.url, maxRetries: 1 })
    const error = await client.unwrap(client.GET('/items')).catch((caught: unknown) => caught)
    expect(InternalServerError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({ status: 503, code: 'overloaded', requestId: 'req_9', provider: 'testprov' })
    expect(server.requests).toHaveLength(5)
  })

  it('does not repeat a POST without an idempotency key', async () => {
    const server = await startServer((_, response) => sendJson(response, 503, {}))
    const { call } = setup(server.url)
    const response = await call(`${server.url}/x`, { method: 'POST', body: '{}' })
    expect(response.status).toBe(503)
    expect(server.requests).toHaveLength(1)
  })

  it.each(['Idempotency-Key', 'X-Idempotency-Key'])(
    'repeats a POST with %s, resending the body',
    async (header) => {
      const server = await startServer((_, response, index) =>
        index < 2 ? sendJson(response, 500, {}) : sendJson(response, 201, { created: true }),
      )
      const { call } = setup(server.url)
      const response = await call(`${server.url}/x`, {
        method: 'POST',
        body: JSON.stringify({ name: 'batch' }),
        headers: { [header]: 'key-1', 'content-type': 'application/json' },
      })
      expect(response.status).toBe(201)
      expect(server.requests.map((request) => request.body)).toEqual(Array(3).fill('{"name":"batch"}'))
    },
  )

  it('does not retry when Retry-After is longer than 60 s, and reports it on RateLimitError', async () => {
    const server = await startServer((_, response) =>
      sendJson(
        response,
        429,
        { error: { code: 'rate_limited', message: 'Quota' } },
        { 'retry-after': '120' },
      ),
    )
    const { call, delays } = setup(server.url)
    expect((await call(`${server.url}/x`)).status).toBe(429)
    expect(server.requests).toHaveLength(1)
    expect(delays).toEqual([])

    const client = createTestClient({ baseUrl: server.url })
    const error = await client.unwrap(client.GET('/items')).catch((caught: unknown) => caught)
    expect(RateLimitError.isInstance(error) && error.retryAfterMs).toBe(120_000)
  })

  it('backs off exponentially with jitter, capped at 8 s', async () => {
    const server = await startServer((_, response) => sendJson(response, 500, {}))
    const low = setup(server.url, { maxRetries: 6, random: () => 0 })
    await low.call(`${server.url}/x`)
    expect(low.delays).toEqual([250, 500, 1000, 2000, 4000, 4000])
    const high = setup(server.url, { maxRetries: 6, random: () => 0.999999 })
    await high.call(`${server.url}/x`)
    expect(high.delays.map(Math.round)).toEqual([500, 1000, 2000, 4000, 8000, 8000])

    const jittered = setup(server.url, { maxRetries: 6 })
    await jittered.call(`${server.url}/x`)
    jittered.delays.forEach((delay, attempt) => {
      const ceiling = Math.min(8000, 500 * 2 ** attempt)
      expect(delay).toBeGreaterThanOrEqual(ceiling / 2)
      expect(delay).toBeLessThanOrEqual(ceiling)
    })
    expect(server.requests).toHaveLength(21)
  })

  it('takes maxRetries per call from the request, over the client default', async () => {
    const server = await startServer((_, response) => sendJson(response, 503, {}, { 'retry-after-ms': '1' }))
    const { call } = setup(server.url, { maxRetries: 3 })
    await call(`${server.url}/x`, {}, { maxRetries: 0 })
    expect(server.requests).toHaveLength(1)
    await call(`${server.url}/x`)
    expect(server.requests).toHaveLength(5)

    const client = createTestClient({ baseUrl: server.url, maxRetries: 0 })
    // openapi-fetch copies unknown init keys onto the Request; that is how per-call options arrive.
    await client.GET('/items', { maxRetries: 2 })
    expect(server.requests).toHaveLength(8)
  })

  it('parses Retry-After forms', () => {
    const now = Date.parse('2030-01-01T00:00:00Z')
    expect(parseRetryAfter(new Headers({ 'retry-after': '2' }), now)).toBe(2000)
    expect(parseRetryAfter(new Headers({ 'retry-after': 'Tue, 01 Jan 2030 00:00:30 GMT' }), now)).toBe(30_000)
    expect(parseRetryAfter(new Headers({ 'retry-after': 'Mon, 31 Dec 2029 00:00:00 GMT' }), now)).toBe(0)
    expect(parseRetryAfter(new Headers({ 'retry-after-ms': '150', 'retry-after': '9' }), now)).toBe(150)
    expect(parseRetryAfter(new Headers({ 'retry-after': 'soon' }), now)).toBeNull()
    expect(parseRetryAfter(new Headers(), now)).toBeNull()
    expect(backoffDelay(10, () => 1)).toBe(8000)
  })
})
