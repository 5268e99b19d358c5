import { describe, expect, it } from 'vitest'
import {
  ConnectionError,
  createHttpFetch,
  type HttpFetchOptions,
  RequestAbortedError,
  TimeoutError,
} from '../src/index.js'
import { sendJson, sleep, startServer, unusedPort } from './loopback-server.js'
import { createTestClient } from './test-provider.js'

const KEY = 'sk_timeout_key_0002'

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
  return { call, delays }
}

const never = () => {}

describe('timeouts', () => {
  it('throws TimeoutError when the server never answers, and closes the connection', async () => {
    const server = await startServer(never)
    const { call } = setup(server.url, { timeoutMs: 150, maxRetries: 0 })
    const started = performance.now()
    const error = await call(`${server.url}/hang`).catch((caught: unknown) => caught)
    expect(TimeoutError.isInstance(error)).toBe(true)
    expect(RequestAbortedError.isInstance(error)).toBe(false)
    expect(error).toMatchObject({ timeoutMs: 150, provider: 'testprov', isRetryable: true })
    expect((error as Error).message).toBe(`testprov: GET ${server.url}/hang timed out after 150 ms`)
    expect(performance.now() - started).toBeLessThan(1000)
    // The hung request's socket is gone: nothing keeps the process alive.
    await server.requests[0]?.closed
  })

  it('also times out a body that starts and never ends', async () => {
    const server = await startServer((_, response) => {
      response.writeHead(200, { 'content-type': 'application/json' })
      response.write('{"items": [')
    })
    const { call } = setup(server.url, { timeoutMs: 150, maxRetries: 0 })
    await expect(call(`${server.url}/x`)).rejects.toSatisfy(TimeoutError.isInstance)
  })

  it('retries a timed-out GET, then throws TimeoutError', async () => {
    const server = await startServer(never)
    const { call, delays } = setup(server.url, { timeoutMs: 100, maxRetries: 2 })
    const error = await call(`${server.url}/hang`).catch((caught: unknown) => caught)
    expect(TimeoutError.isInstance(error)).toBe(true)
    expect((error as Error).message).toContain('(3 attempts)')
    expect(server.requests).toHaveLength(3)
    expect(delays).toHaveLength(2)
  })

  it('retries a timed-out attempt and returns the next success', async () => {
    const server = await startServer((_, response, index) =>
      index === 0 ? undefined : sendJson(response, 200, {}),
    )
    const { call } = setup(server.url, { timeoutMs: 100 })
    expect((await call(`${server.url}/x`)).status).toBe(200)
  })

  it('takes timeoutMs per call from the request (through openapi-fetch too)', async () => {
    const server = await startServer(never)
    const { call } = setup(server.url, { timeoutMs: 60_000, maxRetries: 0 })
    await expect(call(`${server.url}/x`, {}, { timeoutMs: 80 })).rejects.toMatchObject({ timeoutMs: 80 })

    const client = createTestClient({ baseUrl: server.url, maxRetries: 0 })
    await expect(client.GET('/items', { timeoutMs: 80 })).rejects.toMatchObject({
      name: 'TimeoutError',
      timeoutMs: 80,
    })
  })
})

describe('caller abort', () => {
  it('throws RequestAbortedError at once, not TimeoutError', async () => {
    const server = await startServer(never)
    const { call } = setup(server.url, { timeoutMs: 5000 })
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 50)
    const started = performance.now()
    const error = await call(`${server.url}/x`, { signal: controller.signal }).catch(
      (caught: unknown) => caught,
    )
    expect(RequestAbortedError.isInstance(error)).toBe(true)
    expect(TimeoutError.isInstance(error)).toBe(false)
    expect(performance.now() - started).toBeLessThan(1000)
    expect(server.requests).toHaveLength(1)
    await server.requests[0]?.closed
  })

  it('aborts during a backoff sleep without another attempt', async () => {
    const server = await startServer((_, response) => sendJson(response, 503, {}, { 'retry-after': '30' }))
    const { call } = setup(server.url, { sleep: undefined })
    const controller = new AbortController()
    const started = performance.now()
    const pending = call(`${server.url}/x`, { signal: controller.signal })
    await sleep(100)
    controller.abort()
    await expect(pending).rejects.toSatisfy(RequestAbortedError.isInstance)
    expect(performance.now() - started).toBeLessThan(1000)
    await sleep(50)
    expect(server.requests).toHaveLength(1)
  })

  it('sends nothing when the signal is already aborted', async () => {
    const server = await startServer()
    const client = createTestClient({ baseUrl: server.url })
    await expect(client.GET('/items', { signal: AbortSignal.abort() })).rejects.toSatisfy(
      RequestAbortedError.isInstance,
    )
    expect(server.requests).toHaveLength(0)
  })
})

describe('connection errors', () => {
  it('retries a refused connection, then throws ConnectionError with the cause', async () => {
    const port = await unusedPort()
    const url = `http://127.0.0.1:${port}`
    const { call, delays } = setup(url)
    const error = await call(`${url}/x`).catch((caught: unknown) => caught)
    expect(ConnectionError.isInstance(error)).toBe(true)
    expect(delays).toHaveLength(2)
    expect((error as Error).message).toContain('ECONNREFUSED')
    expect(
      JSON.stringify((error as Error).cause, Object.getOwnPropertyNames((error as Error).cause)),
    ).toContain('fetch failed')
  })

  it('retries a socket hang up and returns the next success', async () => {
    const server = await startServer((request, response, index) =>
      index === 0 ? request.socket.destroy() : sendJson(response, 200, { ok: 1 }),
    )
    const { call, delays } = setup(server.url)
    expect(await (await call(`${server.url}/x`)).json()).toEqual({ ok: 1 })
    expect(delays).toHaveLength(1)
  })

  it('does not repeat a POST without idempotency key after a hang up', async () => {
    const server = await startServer((request) => request.socket.destroy())
    const { call } = setup(server.url)
    await expect(call(`${server.url}/x`, { method: 'POST', body: 'x' })).rejects.toSatisfy(
      ConnectionError.isInstance,
    )
    expect(server.requests).toHaveLength(1)
  })

  it('treats a body cut short of its Content-Length as a connection error', async () => {
    const server = await startServer((request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' })
      response.write('{"items": [1, 2')
      setTimeout(() => request.socket.destroy(), 10)
    })
    const { call } = setup(server.url, { maxRetries: 0 })
    await expect(call(`${server.url}/x`)).rejects.toSatisfy(ConnectionError.isInstance)
  })

  it('keeps secrets out of messages even when they are in the URL', async () => {
    const port = await unusedPort()
    const url = `http://127.0.0.1:${port}`
    const { call } = setup(url, { maxRetries: 0 })
    const error = await call(`${url}/x?token=${KEY}`).catch((caught: unknown) => caught)
    expect((error as Error).message).toContain('token=[redacted]')
    expect(`${(error as Error).message}${JSON.stringify(error)}${(error as Error).stack}`).not.toContain(KEY)
    const server = await startServer(never)
    const timeout = await setup(server.url, { maxRetries: 0, timeoutMs: 50 })
      .call(`${server.url}/x?token=${KEY}`)
      .catch((caught: unknown) => caught)
    expect(`${(timeout as Error).message}${JSON.stringify(timeout)}`).not.toContain(KEY)
  })
})
