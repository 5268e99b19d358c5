import type { CallBatchEnvelope, CallBatchListEnvelope, ErrorEnvelope } from '@voicebatch/techladder-types'
import { describe, expect, it } from 'vitest'
import { startMockServer, startRequestRecorder } from '../src/index.js'
import { call } from './helpers.js'

const contacts = [{ contact_id: 'c-1', phone_number: '919876543210' }]
const createBody = { agent_name: 'agt-1', version_name: 'pmt-1', contacts }

describe('request log', () => {
  it('records method, full path, query, lowercased headers and the parsed body', async () => {
    const server = await startMockServer({ provider: 'techladder' })
    try {
      await call(server, 'GET', '/call-batches?status=active&limit=5', { headers: { 'X-Trace': 'abc' } })
      await call(server, 'POST', '/call-batches', { body: createBody })
      await call(server, 'POST', '/call-batches', { rawBody: 'not json' })
      const [list, create, malformed] = server.requests
      expect(list).toMatchObject({
        method: 'GET',
        path: '/api/v1/public/call-batches',
        query: { status: 'active', limit: '5' },
        body: undefined,
      })
      expect(list?.headers['x-trace']).toBe('abc')
      expect(list?.headers.authorization).toBe(`Bearer ${server.apiKey}`)
      expect(list).not.toHaveProperty('fault')
      expect(create).toMatchObject({ method: 'POST', body: createBody })
      expect(create?.headers['content-type']).toBe('application/json')
      expect(malformed?.body).toBe('not json')
      expect(server.requests).toHaveLength(3)
    } finally {
      await server.close()
    }
  })

  it('records requests outside the base path, answered with the provider 404', async () => {
    const server = await startMockServer({ provider: 'techladder' })
    try {
      const response = await fetch(`${server.origin}/elsewhere`)
      expect(response.status).toBe(404)
      expect(((await response.json()) as ErrorEnvelope).error.code).toBe('NOT_FOUND')
      const unknownRoute = await call<ErrorEnvelope>(server, 'GET', '/campaigns', { validate: false })
      expect(unknownRoute.status).toBe(404)
      expect(server.requests.map((entry) => entry.path)).toEqual(['/elsewhere', '/api/v1/public/campaigns'])
    } finally {
      await server.close()
    }
  })
})

describe('reset', () => {
  it('restores the seeded data and empties the log and the fault queue', async () => {
    const server = await startMockServer({ provider: 'techladder' })
    try {
      const seeded = await call<CallBatchListEnvelope>(server, 'GET', '/call-batches')
      const created = await call<CallBatchEnvelope>(server, 'POST', '/call-batches', { body: createBody })
      server.inject({ kind: 'status', status: 500 })
      server.reset()
      expect(server.requests).toEqual([])
      const after = await call<CallBatchListEnvelope>(server, 'GET', '/call-batches')
      expect(after.status).toBe(200)
      expect(after.body.data).toEqual(seeded.body.data)
      const again = await call<CallBatchEnvelope>(server, 'POST', '/call-batches', { body: createBody })
      expect(again.body.data.schedule_id).toBe(created.body.data.schedule_id)
    } finally {
      await server.close()
    }
  })
})

describe('close', () => {
  it('closes with a hung request open, which then fails, and is idempotent', async () => {
    const server = await startMockServer({ provider: 'ultravox' })
    server.inject({ kind: 'hang' })
    const hung = fetch(`${server.url}/api/agents/${server.agentIds[0]}/scheduled_batches`, {
      headers: { 'x-api-key': server.apiKey },
    })
    while (server.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5))
    const started = performance.now()
    await server.close()
    await server.close()
    expect(performance.now() - started).toBeLessThan(1000)
    await expect(hung).rejects.toThrow()
    await expect(fetch(server.url)).rejects.toThrow()
  })

  it('closes while a delayed answer is pending', async () => {
    const server = await startMockServer({ provider: 'truedy', latencyMs: 10_000 })
    const pending = fetch(`${server.url}/batch-calls`).catch((error: unknown) => error)
    while (server.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5))
    const started = performance.now()
    await server.close()
    expect(performance.now() - started).toBeLessThan(1000)
    expect(await pending).toBeInstanceOf(Error)
  })
})

describe('request recorder', () => {
  it('answers 200 {} to anything and logs it', async () => {
    const recorder = await startRequestRecorder()
    try {
      expect(recorder.url).toBe(`${recorder.origin}/`)
      const response = await fetch(`${recorder.url}api/agents?cursor=abc`, {
        method: 'POST',
        headers: { 'X-API-Key': 'leaked?', 'content-type': 'application/json' },
        body: '{"a":1}',
      })
      expect(response.status).toBe(200)
      expect(await response.json()).toEqual({})
      expect(recorder.requests).toEqual([
        expect.objectContaining({
          method: 'POST',
          path: '/api/agents',
          query: { cursor: 'abc' },
          body: { a: 1 },
        }),
      ])
      expect(recorder.requests[0]?.headers['x-api-key']).toBe('leaked?')
    } finally {
      await recorder.close()
    }
  })
})

describe('options', () => {
  it.each([
    [{ provider: 'nope' }, TypeError],
    [{ provider: 'truedy', batches: -1 }, RangeError],
    [{ provider: 'truedy', callsPerBatch: 1.5 }, RangeError],
    [{ provider: 'truedy', latencyMs: -5 }, RangeError],
    [{ provider: 'truedy', apiKey: '' }, TypeError],
    [{ provider: 'truedy', agentIds: [] }, TypeError],
  ])('refuses %j', async (options, error) => {
    await expect(startMockServer(options as never)).rejects.toThrow(error)
  })
})
