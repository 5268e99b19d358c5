import { type MockServer, startMockServer } from '@voicebatch/testing'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import {
  AuthenticationError,
  createTechladderClient,
  NotFoundError,
  type TechladderClient,
  UnprocessableEntityError,
} from '../src/index.js'

let server: MockServer
let client: TechladderClient

beforeAll(async () => {
  server = await startMockServer({ provider: 'techladder', batches: 17, callsPerBatch: 9 })
  client = createTechladderClient({ baseUrl: server.url, apiKey: server.apiKey, maxRetries: 0 })
})
afterAll(() => server.close())
beforeEach(() => server.reset())

describe('every operation', () => {
  test('list, filtered by status and agent on the server', async () => {
    const all = await client.paginate('/call-batches').toArray()
    expect(all).toHaveLength(17)
    const agentId = all[0]?.agent_id ?? ''
    server.reset()
    const pending = await client
      .paginate('/call-batches', { params: { query: { status: 'pending', agent_id: agentId } } })
      .toArray()
    expect(pending.every((batch) => batch.status === 'pending' && batch.agent_id === agentId)).toBe(true)
    expect(server.requests[0]?.query).toMatchObject({ status: 'pending', agent_id: agentId, page: '1' })
  })

  test('create (201), then get the detail', async () => {
    const created = await client.unwrap(
      client.POST('/call-batches', {
        body: {
          agent_name: 'agt-57949b14',
          version_name: 'pmt-667ddf271b',
          start_mode: 'immediate',
          contacts: [{ contact_id: 'crm-1', phone_number: '919876543210', name: 'Asha' }],
        },
      }),
    )
    expect(created.status_code).toBe(201)
    const id = created.data.schedule_id
    const fetched = await client.unwrap(
      client.GET('/call-batches/{batch_id}', { params: { path: { batch_id: id } } }),
    )
    expect(fetched.data.schedule_id).toBe(id)
    expect(fetched.data.total_contacts).toBe(1)
  })

  test("a batch's calls, over pages of the requested size", async () => {
    const [batch] = await client.paginate('/call-batches', {}, { limit: 1 }).toArray()
    const calls = await client
      .paginate(
        '/call-batches/{batch_id}/calls',
        { params: { path: { batch_id: batch?.schedule_id ?? '' } } },
        { pageSize: 4 },
      )
      .toArray()
    expect(calls).toHaveLength(9)
    expect(server.requests.slice(1).map((request) => request.query.page)).toEqual(['1', '2', '3'])
  })

  test('concurrency fetches ahead once the total is known, in order', async () => {
    const sequential = await client.paginate('/call-batches', {}, { pageSize: 3 }).toArray()
    server.reset()
    const concurrent = await client.paginate('/call-batches', {}, { pageSize: 3, concurrency: 3 }).toArray()
    expect(concurrent).toEqual(sequential)
    expect(server.requests).toHaveLength(6)
  })
})

describe('errors map from the Techladder envelope', () => {
  test('401 UNAUTHORIZED with its message', async () => {
    const wrong = createTechladderClient({ baseUrl: server.url, apiKey: 'sk_wrong', maxRetries: 0 })
    const error = await wrong.unwrap(wrong.GET('/call-batches')).catch((caught: unknown) => caught)
    expect(AuthenticationError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({ status: 401, code: 'UNAUTHORIZED', provider: 'techladder' })
    expect((error as Error).message).toMatch(/^techladder: 401 UNAUTHORIZED: .+/)
  })

  test('422 VALIDATION_ERROR keeps its details', async () => {
    const error = await client
      .unwrap(client.GET('/call-batches', { params: { query: { limit: 1000 } } }))
      .catch((caught: unknown) => caught)
    expect(UnprocessableEntityError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({ code: 'VALIDATION_ERROR' })
    expect(Array.isArray((error as { details: unknown }).details)).toBe(true)
  })

  test('404 on an unknown batch', async () => {
    const error = await client
      .unwrap(client.GET('/call-batches/{batch_id}', { params: { path: { batch_id: 'sched_00000000' } } }))
      .catch((caught: unknown) => caught)
    expect(NotFoundError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({ code: 'NOT_FOUND' })
  })
})
