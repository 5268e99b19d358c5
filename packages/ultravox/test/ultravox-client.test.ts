import { type MockServer, startMockServer, startRequestRecorder } from '@voicebatch/testing'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import {
  AuthenticationError,
  BadRequestError,
  ConfigurationError,
  createUltravoxClient,
  InvalidParameterError,
  NotFoundError,
  type UltravoxClient,
} from '../src/index.js'

let server: MockServer
let client: UltravoxClient
let agentId: string

beforeAll(async () => {
  server = await startMockServer({ provider: 'ultravox', batches: 7, callsPerBatch: 4 })
  client = createUltravoxClient({ baseUrl: server.url, apiKey: server.apiKey, maxRetries: 0 })
  agentId = server.agentIds[0] as string
})
afterAll(() => server.close())
beforeEach(() => server.reset())

const batchPath = '/api/agents/{agent_id}/scheduled_batches/{batch_id}' as const

describe('every operation', () => {
  test('list, then read one batch', async () => {
    const { data } = await client.GET('/api/agents/{agent_id}/scheduled_batches', {
      params: { path: { agent_id: agentId }, query: { pageSize: 3 } },
    })
    expect(data?.results).toHaveLength(3)
    expect(data?.total).toBe(7)
    const first = data?.results[0]
    const one = await client.unwrap(
      client.GET(batchPath, { params: { path: { agent_id: agentId, batch_id: first?.batchId ?? '' } } }),
    )
    expect(one).toEqual(first)
    expect(one).not.toHaveProperty('calls')
  })

  test('create (201), then it is listed; patch pauses it; delete removes it (204)', async () => {
    const created = await client.unwrap(
      client.POST('/api/agents/{agent_id}/scheduled_batches', {
        params: { path: { agent_id: agentId } },
        body: {
          windowStart: '2030-01-01T09:00:00Z',
          windowEnd: '2030-01-01T17:00:00Z',
          calls: [{ medium: { twilio: { outgoing: { to: '+14155552671', from: '+14155550000' } } } }],
        },
      }),
    )
    expect(created.totalCount).toBe(1)
    const listed = await client
      .paginate('/api/agents/{agent_id}/scheduled_batches', { params: { path: { agent_id: agentId } } })
      .toArray()
    expect(listed.map((batch) => batch.batchId)).toContain(created.batchId)

    const path = { agent_id: agentId, batch_id: created.batchId }
    const paused = await client.unwrap(client.PATCH(batchPath, { params: { path }, body: { paused: true } }))
    expect(paused.paused).toBe(true)

    const { response } = await client.DELETE(batchPath, { params: { path } })
    expect(response.status).toBe(204)
    const gone = await client
      .unwrap(client.GET(batchPath, { params: { path } }))
      .catch((error: unknown) => error)
    expect(NotFoundError.isInstance(gone)).toBe(true)
  })

  test("a batch's scheduled calls, filtered by status", async () => {
    const [batch] = await client
      .paginate(
        '/api/agents/{agent_id}/scheduled_batches',
        { params: { path: { agent_id: agentId } } },
        { limit: 1 },
      )
      .toArray()
    const path = { agent_id: agentId, batch_id: batch?.batchId ?? '' }
    const calls = await client
      .paginate(
        '/api/agents/{agent_id}/scheduled_batches/{batch_id}/scheduled_calls',
        { params: { path } },
        { pageSize: 2 },
      )
      .toArray()
    expect(calls).toHaveLength(4)
    const status = calls[0]?.status ?? 'FUTURE'
    const filtered = await client
      .paginate('/api/agents/{agent_id}/scheduled_batches/{batch_id}/scheduled_calls', {
        params: { path, query: { status } },
      })
      .toArray()
    expect(filtered.length).toBeGreaterThan(0)
    expect(filtered.every((call) => call.status === status)).toBe(true)
    expect(server.requests.at(-1)?.query.status).toBe(status)
  })
})

describe('errors map from the DRF body', () => {
  test('401 with `detail`', async () => {
    const wrong = createUltravoxClient({ baseUrl: server.url, apiKey: 'nope', maxRetries: 0 })
    const error = await wrong
      .unwrap(
        wrong.GET('/api/agents/{agent_id}/scheduled_batches', { params: { path: { agent_id: agentId } } }),
      )
      .catch((caught: unknown) => caught)
    expect(AuthenticationError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({ status: 401, provider: 'ultravox', code: null })
    expect((error as Error).message).toMatch(/^ultravox: 401: .+/)
  })

  test('400 with field-keyed messages becomes a BadRequestError with details', async () => {
    const error = await client
      .unwrap(
        client.POST('/api/agents/{agent_id}/scheduled_batches', {
          params: { path: { agent_id: agentId } },
          // An empty `calls` breaks the spec's minItems: the server answers field errors.
          body: { calls: [] },
        }),
      )
      .catch((caught: unknown) => caught)
    expect(BadRequestError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({ status: 400, code: 'validation_error' })
    expect((error as { details: Record<string, unknown> }).details).toHaveProperty('calls')
    expect((error as Error).message).toContain('calls:')
  })
})

describe('path parameters', () => {
  test('a missing one is an error before any request', async () => {
    const error = await client
      .GET(batchPath, { params: { path: { agent_id: agentId } } } as never)
      .catch((caught: unknown) => caught)
    expect(InvalidParameterError.isInstance(error)).toBe(true)
    expect((error as Error).message).toContain('batch_id')
    expect(server.requests).toHaveLength(0)
  })

  test('no traversal through a parameter', async () => {
    const error = await client
      .GET(batchPath, { params: { path: { agent_id: agentId, batch_id: '..' } } })
      .catch((caught: unknown) => caught)
    expect(InvalidParameterError.isInstance(error)).toBe(true)
    const encoded = await client.GET(batchPath, {
      params: { path: { agent_id: agentId, batch_id: '../../x' } },
    })
    expect(encoded.response.status).toBe(404)
    expect(server.requests.at(-1)?.path).toBe(`/api/agents/${agentId}/scheduled_batches/..%2F..%2Fx`)
  })
})

test('a `next` URL on another host is followed by its cursor only, against the configured base URL', async () => {
  const otherHost = await startRequestRecorder()
  try {
    server.inject({ kind: 'next-url-host', host: otherHost.origin })
    const batches = await client
      .paginate(
        '/api/agents/{agent_id}/scheduled_batches',
        { params: { path: { agent_id: agentId } } },
        { pageSize: 3 },
      )
      .toArray()
    expect(batches).toHaveLength(7)
    expect(otherHost.requests).toHaveLength(0)
    expect(server.requests.filter((request) => request.query.cursor !== undefined)).toHaveLength(2)
  } finally {
    await otherHost.close()
  }
})

describe('options', () => {
  test('the key comes from ULTRAVOX_API_KEY when not passed', async () => {
    process.env.ULTRAVOX_API_KEY = server.apiKey
    try {
      const fromEnv = createUltravoxClient({ baseUrl: server.url })
      const { response } = await fromEnv.GET('/api/agents/{agent_id}/scheduled_batches', {
        params: { path: { agent_id: agentId } },
      })
      expect(response.status).toBe(200)
    } finally {
      delete process.env.ULTRAVOX_API_KEY
    }
  })

  test('no key at all names both the option and the variable', () => {
    delete process.env.ULTRAVOX_API_KEY
    const error = (() => {
      try {
        createUltravoxClient()
      } catch (caught) {
        return caught
      }
    })()
    expect(ConfigurationError.isInstance(error)).toBe(true)
    expect((error as Error).message).toMatch(/apiKey/)
    expect((error as Error).message).toMatch(/ULTRAVOX_API_KEY/)
  })

  test('the default base URL is the spec’s first server', () => {
    expect(createUltravoxClient({ apiKey: 'k' }).baseUrl).toBe('https://api.ultravox.ai')
  })
})
