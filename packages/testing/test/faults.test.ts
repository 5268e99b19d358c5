import type { PaginatedScheduledCallBatchList } from '@voicebatch/ultravox-types'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  type MockProvider,
  type MockServer,
  type RequestRecorder,
  startMockServer,
  startRequestRecorder,
} from '../src/index.js'
import { authHeaders, call } from './helpers.js'

const providers: MockProvider[] = ['ultravox', 'techladder', 'truedy']
const servers = {} as Record<MockProvider, MockServer>
let recorder: RequestRecorder

/** A cheap, always-valid GET per provider and the page-list path used by pagination faults. */
function listPath(server: MockServer): string {
  if (server.provider === 'ultravox') return `/api/agents/${server.agentIds[0]}/scheduled_batches?pageSize=5`
  return server.provider === 'techladder' ? '/call-batches?limit=5' : '/batch-calls?limit=5'
}

beforeAll(async () => {
  for (const provider of providers) servers[provider] = await startMockServer({ provider })
  recorder = await startRequestRecorder()
})
afterEach(() => {
  for (const provider of providers) servers[provider].reset()
  recorder.requests.length = 0
})
afterAll(async () => {
  await Promise.all([...providers.map((provider) => servers[provider].close()), recorder.close()])
})

describe.each(providers)('%s: faults', (provider) => {
  const server = () => servers[provider]

  it('status: answers the status with the provider error body, then recovers', async () => {
    server().inject({ kind: 'status', status: 503 })
    const faulted = await call<Record<string, unknown>>(server(), 'GET', listPath(server()), {
      allowUndeclaredStatus: true,
    })
    expect(faulted.status).toBe(503)
    if (provider === 'ultravox')
      expect(faulted.body).toEqual({ detail: 'Service temporarily unavailable, try again later.' })
    if (provider === 'techladder')
      expect(faulted.body).toMatchObject({ status_code: 503, error: { code: 'SERVICE_UNAVAILABLE' } })
    if (provider === 'truedy') expect(faulted.body).toMatchObject({ error: { code: 'service_unavailable' } })
    expect((await call(server(), 'GET', listPath(server()))).status).toBe(200)
    expect(server().requests.map((entry) => entry.fault)).toEqual(['status', undefined])
  })

  it('status: a burst of `times` answers, with a custom body and headers', async () => {
    server().inject({
      kind: 'status',
      status: 500,
      times: 2,
      body: { oops: true },
      headers: { 'x-custom': 'yes' },
    })
    for (let attempt = 0; attempt < 2; attempt++) {
      const faulted = await call(server(), 'GET', listPath(server()), { validate: false })
      expect(faulted.status).toBe(500)
      expect(faulted.body).toEqual({ oops: true })
      expect(faulted.headers.get('x-custom')).toBe('yes')
    }
    expect((await call(server(), 'GET', listPath(server()))).status).toBe(200)
  })

  it('rate-limit: 429 with Retry-After and the provider 429 body', async () => {
    server().inject(
      { kind: 'rate-limit' },
      { kind: 'rate-limit', retryAfter: 'Wed, 21 Oct 2026 07:28:00 GMT' },
    )
    const first = await call(server(), 'GET', listPath(server()))
    expect(first.status).toBe(429)
    expect(first.headers.get('retry-after')).toBe('1')
    // Techladder's spec types Retry-After as an integer: an HTTP date is off-spec there.
    const second = await call(server(), 'GET', listPath(server()), { validate: provider !== 'techladder' })
    expect(second.headers.get('retry-after')).toBe('Wed, 21 Oct 2026 07:28:00 GMT')
    if (provider === 'techladder') expect(first.headers.get('x-ratelimit-remaining')).toBe('0')
  })

  it('delay: answers normally after the delay', async () => {
    server().inject({ kind: 'delay', ms: 120 })
    const started = performance.now()
    const response = await call(server(), 'GET', listPath(server()))
    expect(performance.now() - started).toBeGreaterThanOrEqual(100)
    expect(response.status).toBe(200)
    expect(server().requests[0]?.fault).toBe('delay')
  })

  it('hang: never answers; the request is logged', async () => {
    server().inject({ kind: 'hang' })
    const signal = AbortSignal.timeout(150)
    await expect(fetch(`${server().url}${listPath(server())}`, { signal })).rejects.toThrow()
    expect(server().requests).toHaveLength(1)
    expect(server().requests[0]?.fault).toBe('hang')
  })

  it('html: an HTML error page, 502 by default', async () => {
    server().inject({ kind: 'html' }, { kind: 'html', status: 504 })
    const first = await call(server(), 'GET', listPath(server()), { validate: false })
    expect(first.status).toBe(502)
    expect(first.headers.get('content-type')).toMatch(/^text\/html/)
    expect(first.text).toMatch(/<html>.*502 Bad Gateway/s)
    expect((await call(server(), 'GET', listPath(server()), { validate: false })).status).toBe(504)
  })

  it('truncated-json: the normal answer cut in half under a JSON content type', async () => {
    const normal = await call(server(), 'GET', listPath(server()))
    server().inject({ kind: 'truncated-json' })
    const response = await fetch(`${server().url}${listPath(server())}`, {
      headers: authHeaders(provider, server().apiKey),
    })
    const text = await response.text()
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/json')
    expect(Number(response.headers.get('content-length'))).toBe(Buffer.byteLength(text))
    expect(text.length).toBe(Math.floor(normal.text.length / 2))
    expect(() => JSON.parse(text)).toThrow(SyntaxError)
    server().inject({ kind: 'truncated-json', status: 500 })
    expect((await call(server(), 'GET', listPath(server()), { validate: false })).status).toBe(500)
  })

  it('redirect: 302 to another origin, which the recorder logs', async () => {
    server().inject(
      { kind: 'redirect', location: `${recorder.url}moved` },
      { kind: 'redirect', location: `${recorder.url}x`, status: 307 },
    )
    const manual = await call(server(), 'GET', listPath(server()), { validate: false, redirect: 'manual' })
    expect(manual.status).toBe(302)
    expect(manual.headers.get('location')).toBe(`${recorder.url}moved`)
    const followed = await call(server(), 'GET', listPath(server()), { validate: false })
    expect(followed.body).toEqual({})
    expect(recorder.requests.map((entry) => entry.path)).toEqual(['/x'])
  })

  it('stuck-cursor: the page does not advance', async () => {
    if (provider === 'ultravox') {
      server().inject({ kind: 'stuck-cursor' })
      const first = await call<PaginatedScheduledCallBatchList>(server(), 'GET', listPath(server()))
      expect(server().requests[0]?.fault).toBeUndefined() // no cursor yet: not consumed
      const second = await call<PaginatedScheduledCallBatchList>(server(), 'GET', first.body.next as string)
      expect(second.body.next).toBe(first.body.next)
      expect(server().requests[1]?.fault).toBe('stuck-cursor')
      const third = await call<PaginatedScheduledCallBatchList>(server(), 'GET', second.body.next as string)
      expect(third.body.next).not.toBe(first.body.next)
    } else {
      server().inject({ kind: 'stuck-cursor', times: 2 })
      for (let attempt = 0; attempt < 2; attempt++) {
        const page = await call<{ data: unknown; pagination?: unknown }>(server(), 'GET', listPath(server()))
        if (provider === 'techladder')
          expect(page.body.data).toMatchObject({ items: [], total: 12, has_more: true })
        else {
          expect(page.body.data).toEqual([])
          expect(page.body.pagination).toMatchObject({ total: 12, has_more: true })
        }
      }
      const normal = await call<{ data: unknown[] | { items: unknown[] } }>(
        server(),
        'GET',
        listPath(server()),
      )
      const items = Array.isArray(normal.body.data) ? normal.body.data : normal.body.data.items
      expect(items).toHaveLength(5)
    }
  })
})

describe('ultravox: next-url-host', () => {
  it('points `next` at another host, keeping the cursor', async () => {
    const server = servers.ultravox
    const normal = await call<PaginatedScheduledCallBatchList>(server, 'GET', listPath(server))
    server.inject({ kind: 'next-url-host', host: recorder.origin.replace('http://', '') })
    const moved = await call<PaginatedScheduledCallBatchList>(server, 'GET', listPath(server))
    const expected = new URL(normal.body.next as string)
    const actual = new URL(moved.body.next as string)
    expect(actual.origin).toBe(recorder.origin)
    expect(actual.pathname + actual.search).toBe(expected.pathname + expected.search)
    server.inject({ kind: 'next-url-host', host: 'https://evil.example' })
    const other = await call<PaginatedScheduledCallBatchList>(server, 'GET', listPath(server))
    expect(new URL(other.body.next as string).origin).toBe('https://evil.example')
  })

  it('is not consumed by a last page, and is refused for providers without next URLs', async () => {
    const server = servers.ultravox
    server.inject({ kind: 'next-url-host', host: 'evil.example' })
    const last = await call<PaginatedScheduledCallBatchList>(
      server,
      'GET',
      `/api/agents/${server.agentIds[0]}/scheduled_batches`,
    )
    expect(last.body.next).toBeNull()
    const page = await call<PaginatedScheduledCallBatchList>(server, 'GET', listPath(server))
    expect(new URL(page.body.next as string).host).toBe('evil.example')
    expect(() => servers.techladder.inject({ kind: 'next-url-host', host: 'x' })).toThrow(TypeError)
  })
})

describe('fault matching', () => {
  it('matches by method and by path (relative, full or RegExp); others pass through', async () => {
    const server = servers.techladder
    server.inject(
      { kind: 'status', status: 500, match: { method: 'post' } },
      { kind: 'status', status: 501, match: { path: '/call-batches/sched_00000001' } },
      { kind: 'status', status: 502, match: { path: '/api/v1/public/call-batches/sched_00000002' } },
      { kind: 'status', status: 503, match: { path: /\/calls$/ } },
    )
    const get = (path: string) => call(server, 'GET', path, { validate: false })
    expect((await get('/call-batches')).status).toBe(200)
    expect((await get('/call-batches/sched_00000003/calls')).status).toBe(503)
    expect((await get('/call-batches/sched_00000002')).status).toBe(502)
    expect((await get('/call-batches/sched_00000001')).status).toBe(501)
    expect((await call(server, 'POST', '/call-batches', { body: {}, validate: false })).status).toBe(500)
    expect((await call(server, 'POST', '/call-batches', { body: {}, validate: false })).status).toBe(422)
  })

  it('consumes faults in order and supports Infinity; clearFaults empties the queue', async () => {
    const server = servers.truedy
    server.inject(
      { kind: 'status', status: 500 },
      { kind: 'status', status: 503, times: Number.POSITIVE_INFINITY },
    )
    const statuses: number[] = []
    for (let attempt = 0; attempt < 4; attempt++)
      statuses.push((await call(server, 'GET', '/batch-calls', { allowUndeclaredStatus: true })).status)
    expect(statuses).toEqual([500, 503, 503, 503])
    server.clearFaults()
    expect((await call(server, 'GET', '/batch-calls')).status).toBe(200)
  })

  it('applies to requests with bad credentials too', async () => {
    const server = servers.ultravox
    server.inject({ kind: 'status', status: 500 })
    expect(
      (await call(server, 'GET', listPath(server), { auth: false, allowUndeclaredStatus: true })).status,
    ).toBe(500)
    expect((await call(server, 'GET', listPath(server), { auth: false })).status).toBe(401)
  })

  it.each([
    [{ kind: 'status', status: 99 }, RangeError],
    [{ kind: 'status', status: 500, times: 0 }, RangeError],
    [{ kind: 'status', status: 500, times: 1.5 }, RangeError],
    [{ kind: 'delay', ms: -1 }, RangeError],
    [{ kind: 'redirect', location: '/', status: 200 }, RangeError],
    [{ kind: 'explode' }, TypeError],
  ])('refuses an invalid fault %j', (fault, error) => {
    expect(() => servers.truedy.inject(fault as never)).toThrow(error)
  })
})

describe('latencyMs', () => {
  it('delays every response', async () => {
    const slow = await startMockServer({ provider: 'truedy', latencyMs: 60 })
    try {
      const started = performance.now()
      await call(slow, 'GET', '/batch-calls')
      await call(slow, 'GET', '/batch-calls', { auth: false })
      expect(performance.now() - started).toBeGreaterThanOrEqual(110)
    } finally {
      await slow.close()
    }
  })
})
