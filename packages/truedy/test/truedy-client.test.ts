import { type MockServer, startMockServer } from '@voicebatch/testing'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import {
  type BatchCallResponse,
  ConflictError,
  createTruedyClient,
  NotFoundError,
  type TruedyClient,
  UnprocessableEntityError,
} from '../src/index.js'

let server: MockServer
let client: TruedyClient

beforeAll(async () => {
  server = await startMockServer({ provider: 'truedy', batches: 14, callsPerBatch: 6 })
  client = createTruedyClient({ baseUrl: server.url, apiKey: server.apiKey, maxRetries: 0 })
})
afterAll(() => server.close())
beforeEach(() => server.reset())

const byId = (id: string) => ({ params: { path: { batch_call_id: id } } })

async function batchInStatus(status: BatchCallResponse['status']): Promise<BatchCallResponse> {
  const batches = await client.paginate('/batch-calls', { params: { query: { status } } }).toArray()
  const batch = batches[0]
  if (!batch) throw new Error(`the mock has no ${status} batch`)
  return batch
}

describe('every operation', () => {
  test('list with the status filter pushed to the server', async () => {
    const active = await client
      .paginate('/batch-calls', { params: { query: { status: 'active' } } })
      .toArray()
    expect(active.length).toBeGreaterThan(0)
    expect(active.every((batch) => batch.status === 'active')).toBe(true)
    expect(server.requests.every((request) => request.query.status === 'active')).toBe(true)
  })

  test('create (201) with an idempotency key, then get it', async () => {
    const created = await client.unwrap(
      client.POST('/batch-calls', {
        params: { header: { 'X-Idempotency-Key': 'create-1' } },
        body: {
          name: 'Spring outreach',
          agent_id: 'agt_f9447372',
          contacts: [{ phone_number: '+14155552671' }],
        },
      }),
    )
    expect(created.data.name).toBe('Spring outreach')
    expect(server.requests[0]?.headers['x-idempotency-key']).toBe('create-1')
    const fetched = await client.unwrap(client.GET('/batch-calls/{batch_call_id}', byId(created.data.id)))
    expect(fetched.data).toEqual(created.data)
  })

  test('a create with an idempotency key is retried; one without is not', async () => {
    const retrying = createTruedyClient({ baseUrl: server.url, apiKey: server.apiKey, maxRetries: 2 })
    const body = { name: 'Retry me', agent_id: 'agt_f9447372' }
    server.inject({ kind: 'status', status: 503, match: { method: 'POST' } })
    const withKey = await retrying.POST('/batch-calls', {
      params: { header: { 'X-Idempotency-Key': 'k-2' } },
      body,
    })
    expect(withKey.response.status).toBe(201)
    expect(server.requests.filter((request) => request.method === 'POST')).toHaveLength(2)

    server.reset()
    server.inject({ kind: 'status', status: 503, match: { method: 'POST' } })
    const withoutKey = await retrying.POST('/batch-calls', { body })
    expect(withoutKey.response.status).toBe(503)
    expect(server.requests.filter((request) => request.method === 'POST')).toHaveLength(1)
  })

  test('patch a draft; patching an active batch is refused', async () => {
    const draft = await batchInStatus('draft')
    const patched = await client.unwrap(
      client.PATCH('/batch-calls/{batch_call_id}', { ...byId(draft.id), body: { name: 'Renamed' } }),
    )
    expect(patched.data.name).toBe('Renamed')
    const active = await batchInStatus('active')
    const refused = await client
      .unwrap(client.PATCH('/batch-calls/{batch_call_id}', { ...byId(active.id), body: { name: 'No' } }))
      .catch((error: unknown) => error)
    expect(ConflictError.isInstance(refused) || UnprocessableEntityError.isInstance(refused)).toBe(true)
  })

  test('schedule, pause, resume (which answers 201)', async () => {
    const draft = await batchInStatus('draft')
    const scheduled = await client.unwrap(
      client.POST('/batch-calls/{batch_call_id}/schedule', {
        ...byId(draft.id),
        body: { scheduled_at: '2030-03-20T09:00:00Z', timezone: 'America/New_York' },
      }),
    )
    expect(scheduled.data.status).toBe('scheduled')
    const paused = await client.unwrap(client.POST('/batch-calls/{batch_call_id}/pause', byId(draft.id)))
    expect(paused.data.status).toBe('paused')
    const resumed = await client.POST('/batch-calls/{batch_call_id}/resume', byId(draft.id))
    expect(resumed.response.status).toBe(201)
    expect(resumed.data?.data.status).not.toBe('paused')
  })

  test("a batch's contacts, over several pages", async () => {
    const batch = await batchInStatus('active')
    server.reset()
    const contacts = await client
      .paginate('/batch-calls/{batch_call_id}/contacts', byId(batch.id), { pageSize: 4 })
      .toArray()
    expect(contacts).toHaveLength(6)
    expect(server.requests.map((request) => request.query.offset)).toEqual(['0', '4'])
  })

  test('bulk delete', async () => {
    const [first, second] = await client.paginate('/batch-calls', {}, { limit: 2 }).toArray()
    const ids = [first?.id ?? '', second?.id ?? '', 'batch_missing0']
    const result = await client.unwrap(client.POST('/batch-calls/bulk-delete', { body: { ids } }))
    expect(result.data).toMatchObject({ deleted_count: 2, failed_count: 1, failed_ids: ['batch_missing0'] })
    const gone = await client
      .unwrap(client.GET('/batch-calls/{batch_call_id}', byId(ids[0] ?? '')))
      .catch((e: unknown) => e)
    expect(NotFoundError.isInstance(gone)).toBe(true)
  })
})

describe('errors map from the Truedy envelope', () => {
  test('code, message and request id', async () => {
    const error = await client
      .unwrap(client.GET('/batch-calls/{batch_call_id}', byId('batch_missing0')))
      .catch((caught: unknown) => caught)
    expect(NotFoundError.isInstance(error)).toBe(true)
    const { code, requestId, status, provider } = error as NotFoundError
    expect({ status, provider }).toEqual({ status: 404, provider: 'truedy' })
    expect(code).toBe('not_found')
    expect(requestId).toMatch(/^req_/)
    expect((error as Error).message).toMatch(/^truedy: 404 not_found: .+ \(request req_\w+\)$/)
  })

  test('422 on a limit outside 1..100', async () => {
    const error = await client
      .unwrap(client.GET('/batch-calls', { params: { query: { limit: 500 } } }))
      .catch((caught: unknown) => caught)
    expect(UnprocessableEntityError.isInstance(error)).toBe(true)
  })
})

test('statuses outside the enum pass through untouched', async () => {
  const offSpec = await startMockServer({ provider: 'truedy', batches: 30, offSpecStatuses: true })
  try {
    const tolerant = createTruedyClient({ baseUrl: offSpec.url, apiKey: offSpec.apiKey })
    const batches = await tolerant.paginate('/batch-calls').toArray()
    expect(batches.map((batch) => batch.status as string)).toContain('running')
  } finally {
    await offSpec.close()
  }
})
