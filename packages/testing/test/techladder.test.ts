import type {
  CallBatch,
  CallBatchEnvelope,
  CallBatchListEnvelope,
  CallListEnvelope,
  ErrorEnvelope,
} from '@voicebatch/techladder-types'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type MockServer, mockApiKeys, startMockServer } from '../src/index.js'
import { call, uncoveredOperations } from './helpers.js'

let server: MockServer

beforeAll(async () => {
  server = await startMockServer({ provider: 'techladder' })
})
afterAll(async () => {
  await server.close()
})

async function allBatches(query = ''): Promise<CallBatch[]> {
  const response = await call<CallBatchListEnvelope>(server, 'GET', `/call-batches?limit=100${query}`)
  expect(response.status).toBe(200)
  return response.body.data.items
}

const createBody = {
  agent_name: 'agt-57949b14',
  version_name: 'pmt-667ddf271b',
  start_mode: 'scheduled',
  schedule_date: '2099-05-15', // in the future: created batches dial with the clock, this one waits
  schedule_time: '14:00',
  schedule_timezone: 'Asia/Kolkata (IST, UTC+5:30)',
  contacts: [
    { contact_id: 'cust-1', name: 'Asha', phone_number: '919876543210' },
    { contact_id: 'cust-2', phone_number: '919876543211', metadata: { plan: 'gold' } },
    { contact_id: 'cust-3', phone_number: '919876543210' },
  ],
}

describe('techladder: setup and auth', () => {
  it('serves under the spec base path with the default key', () => {
    expect(server.url).toBe(`${server.origin}/api/v1/public`)
    expect(server.apiKey).toBe(mockApiKeys.techladder)
    expect(server.agentIds).toHaveLength(3)
    for (const id of server.agentIds) expect(id).toMatch(/^agt-[0-9a-f]{8}$/)
  })

  it.each([
    ['missing', false],
    ['wrong', 'sk_wrong'],
  ] as const)('answers 401 UNAUTHORIZED in the envelope when the key is %s', async (_name, auth) => {
    const response = await call<ErrorEnvelope>(server, 'GET', '/call-batches', { auth })
    expect(response.status).toBe(401)
    expect(response.body).toMatchObject({ status_code: 401, error: { code: 'UNAUTHORIZED' }, data: null })
  })

  it('sends X-RateLimit headers on every response, counting down', async () => {
    const first = await call(server, 'GET', '/call-batches')
    const second = await call(server, 'GET', '/call-batches/sched_00000000')
    const remaining = (headers: Headers) => Number(headers.get('x-ratelimit-remaining'))
    expect(first.headers.get('x-ratelimit-limit')).toBe('300')
    expect(remaining(second.headers)).toBe(remaining(first.headers) - 1)
    expect(Number(first.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000 - 1)
  })
})

describe('techladder: list call batches', () => {
  it('lists 12 seeded batches newest first, with every status and consistent counts', async () => {
    const response = await call<CallBatchListEnvelope>(server, 'GET', '/call-batches')
    expect(response.body).toMatchObject({
      status_code: 200,
      error: null,
      data: { total: 12, page: 1, limit: 50, has_more: false },
    })
    const items = response.body.data.items
    expect(items).toHaveLength(12)
    expect(new Set(items.map((item) => item.status))).toEqual(
      new Set(['pending', 'active', 'completed', 'failed', 'cancelled']),
    )
    for (const item of items) {
      expect(item.schedule_id).toMatch(/^sched_[0-9a-f]{8}$/)
      expect(item.completed_contacts + item.failed_contacts).toBeLessThanOrEqual(item.total_contacts)
      if (item.status === 'pending') expect(item.completed_contacts + item.failed_contacts).toBe(0)
      if (item.status === 'completed')
        expect(item.completed_contacts + item.failed_contacts).toBe(item.total_contacts)
      expect(item.scheduled_at === null).toBe(item.start_mode !== 'scheduled')
      expect(item).not.toHaveProperty('pending_contacts')
    }
    const created = items.map((item) => Date.parse(item.created_at))
    expect(created).toEqual([...created].sort((a, b) => b - a))
  })

  it('walks pages with exact counts', async () => {
    const ids: string[] = []
    let page = 1
    let hasMore = true
    while (hasMore) {
      const response = await call<CallBatchListEnvelope>(server, 'GET', `/call-batches?limit=5&page=${page}`)
      const { data } = response.body
      expect(data).toMatchObject({ total: 12, page, limit: 5 })
      expect(data.items).toHaveLength(page < 3 ? 5 : 2)
      ids.push(...data.items.map((item) => item.schedule_id))
      hasMore = data.has_more
      page += 1
    }
    expect(page - 1).toBe(3)
    expect(new Set(ids).size).toBe(12)
    const beyond = await call<CallBatchListEnvelope>(server, 'GET', '/call-batches?limit=5&page=9')
    expect(beyond.body.data).toMatchObject({ items: [], total: 12, has_more: false })
  })

  it('filters by status and agent_id, together too', async () => {
    const all = await allBatches()
    for (const status of ['pending', 'active', 'completed', 'failed', 'cancelled'] as const) {
      const filtered = await allBatches(`&status=${status}`)
      expect(filtered).toEqual(all.filter((item) => item.status === status))
    }
    const agent = server.agentIds[1] as string
    expect(await allBatches(`&agent_id=${agent}`)).toEqual(all.filter((item) => item.agent_id === agent))
    expect(await allBatches(`&agent_id=${agent}&status=completed`)).toEqual(
      all.filter((item) => item.agent_id === agent && item.status === 'completed'),
    )
    expect(await allBatches('&agent_id=agt-unknown')).toEqual([])
  })

  it.each([
    [
      'an unknown status',
      'status=running',
      'status: Must be one of pending, active, completed, failed, cancelled',
    ],
    ['a limit over 100', 'limit=101', 'limit: Must be an integer between 1 and 100'],
    ['a limit of 0', 'limit=0', 'limit: Must be an integer between 1 and 100'],
    ['a page of 0', 'page=0', 'page: Must be an integer >= 1'],
    ['a page that is not a number', 'page=two', 'page: Must be an integer >= 1'],
  ])('refuses %s with 422 VALIDATION_ERROR', async (_name, query, detail) => {
    const response = await call<ErrorEnvelope>(server, 'GET', `/call-batches?${query}`)
    expect(response.status).toBe(422)
    expect(response.body).toMatchObject({
      status_code: 422,
      error: { code: 'VALIDATION_ERROR', details: [detail] },
      data: null,
    })
  })
})

describe('techladder: one batch and its calls', () => {
  it('gets a listed batch with its detail fields', async () => {
    const [item] = await allBatches()
    const response = await call<CallBatchEnvelope>(server, 'GET', `/call-batches/${item?.schedule_id}`)
    expect(response.status).toBe(200)
    expect(response.body.data).toMatchObject(item as CallBatch)
    const { data } = response.body
    expect(data.pending_contacts).toBe(data.total_contacts - data.completed_contacts - data.failed_contacts)
  })

  it('answers 404 NOT_FOUND for an unknown ID and 422 for one without the sched_ prefix', async () => {
    const unknown = await call<ErrorEnvelope>(server, 'GET', '/call-batches/sched_ffffffff')
    expect(unknown.status).toBe(404)
    expect(unknown.body.error.code).toBe('NOT_FOUND')
    const malformed = await call<ErrorEnvelope>(server, 'GET', '/call-batches/7bac6f2a')
    expect(malformed.status).toBe(422)
    expect(malformed.body.error.code).toBe('VALIDATION_ERROR')
    expect((await call(server, 'GET', '/call-batches/sched_ffffffff/calls')).status).toBe(404)
  })

  it('lists calls consistent with the batch counters', async () => {
    const statuses = new Set<string>()
    for (const item of await allBatches()) {
      const response = await call<CallListEnvelope>(server, 'GET', `/call-batches/${item.schedule_id}/calls`)
      const { data } = response.body
      expect(data).toMatchObject({ total: item.total_contacts, page: 1, limit: 100, has_more: false })
      expect(data.items.filter((entry) => entry.status === 'completed')).toHaveLength(item.completed_contacts)
      expect(data.items.filter((entry) => entry.status === 'failed')).toHaveLength(item.failed_contacts)
      for (const entry of data.items) {
        statuses.add(entry.status)
        expect(entry.phone_number).toMatch(/^[1-9][0-9]{6,14}$/)
      }
    }
    expect(statuses).toEqual(
      new Set(['completed', 'failed', 'in_progress', 'queued', 'pending', 'cancelled']),
    )
  })

  it('filters calls by status and external_id, and pages them', async () => {
    const [item] = (await allBatches()).filter((entry) => entry.status === 'completed')
    const path = `/call-batches/${item?.schedule_id}/calls`
    const completed = await call<CallListEnvelope>(server, 'GET', `${path}?status=completed&limit=2`)
    expect(completed.body.data.total).toBe(item?.completed_contacts)
    expect(completed.body.data.items.every((entry) => entry.status === 'completed')).toBe(true)
    const one = await call<CallListEnvelope>(server, 'GET', `${path}?external_id=C000002`)
    expect(one.body.data.items.map((entry) => entry.external_id)).toEqual(['C000002'])
    expect((await call<CallListEnvelope>(server, 'GET', `${path}?external_id=C999999`)).body.data.total).toBe(
      0,
    )
    expect((await call<CallListEnvelope>(server, 'GET', `${path}?status=voicemail`)).body.data.total).toBe(0)
    const second = await call<CallListEnvelope>(server, 'GET', `${path}?limit=2&page=2`)
    expect(second.body.data).toMatchObject({ page: 2, limit: 2, has_more: true })
    expect(second.body.data.items.map((entry) => entry.external_id)).toEqual(['C000003', 'C000004'])
    const tooMany = await call<ErrorEnvelope>(server, 'GET', `${path}?limit=501`)
    expect(tooMany.status).toBe(422)
    expect((await call(server, 'GET', `${path}?limit=500`)).status).toBe(200)
  })
})

describe('techladder: create', () => {
  it('creates a batch (201) that is listed first and fetched, with its contacts as calls', async () => {
    const created = await call<CallBatchEnvelope>(server, 'POST', '/call-batches', { body: createBody })
    expect(created.status).toBe(201)
    const { data } = created.body
    expect(data).toMatchObject({
      agent_id: 'agt-57949b14',
      version_id: 'pmt-667ddf271b',
      status: 'pending',
      start_mode: 'scheduled',
      total_contacts: 2, // the third contact repeats a phone number: deduplicate_by_phone
      pending_contacts: 2,
      scheduled_at: '2099-05-15T08:30:00.000Z',
    })
    expect(data.schedule_id).toMatch(/^sched_[0-9a-f]{8}$/)
    const [first] = await allBatches()
    expect(first?.schedule_id).toBe(data.schedule_id)
    expect((await allBatches()).length).toBe(13)
    const fetched = await call<CallBatchEnvelope>(server, 'GET', `/call-batches/${data.schedule_id}`)
    expect(fetched.body.data).toEqual(data)
    const calls = await call<CallListEnvelope>(server, 'GET', `/call-batches/${data.schedule_id}/calls`)
    expect(calls.body.data.items.map((entry) => [entry.external_id, entry.status])).toEqual([
      ['cust-1', 'pending'],
      ['cust-2', 'pending'],
    ])
    const byId = await call<CallListEnvelope>(
      server,
      'GET',
      `/call-batches/${data.schedule_id}/calls?external_id=cust-2`,
    )
    expect(byId.body.data.items[0]?.metadata).toEqual({ plan: 'gold' })
    const pending = await allBatches('&status=pending')
    expect(pending[0]?.schedule_id).toBe(data.schedule_id)
  })

  it('starts an immediate batch as active and keeps duplicates when asked', async () => {
    const created = await call<CallBatchEnvelope>(server, 'POST', '/call-batches', {
      body: { ...createBody, start_mode: 'immediate', deduplicate_by_phone: false },
    })
    expect(created.body.data).toMatchObject({ status: 'active', total_contacts: 3, scheduled_at: null })
    expect(created.body.data.started_at).not.toBeNull()
  })

  it.each([
    ['no agent_name', { ...createBody, agent_name: undefined }, 'agent_name: Field required'],
    ['no contacts', { ...createBody, contacts: undefined }, 'contacts: Field required'],
    ['empty contacts', { ...createBody, contacts: [] }, 'contacts: Must contain at least 1 contact'],
    [
      'a phone with +',
      { ...createBody, contacts: [{ contact_id: 'a', phone_number: '+919876543210' }] },
      "contacts[0].phone_number: Must be digits with the country code and no '+'",
    ],
    [
      'a scheduled batch without a time zone',
      { ...createBody, schedule_timezone: undefined },
      'schedule_timezone: Required when start_mode is scheduled',
    ],
    [
      'an unknown start_mode',
      { ...createBody, start_mode: 'later' },
      'start_mode: Must be one of manual, immediate, scheduled',
    ],
  ])('refuses a create with %s (422 VALIDATION_ERROR)', async (_name, body, detail) => {
    const response = await call<ErrorEnvelope>(server, 'POST', '/call-batches', { body })
    expect(response.status).toBe(422)
    expect(response.body.error).toMatchObject({ code: 'VALIDATION_ERROR' })
    expect(response.body.error.details).toContain(detail)
  })

  it('refuses malformed JSON and a body that is not an object with 400', async () => {
    const malformed = await call<ErrorEnvelope>(server, 'POST', '/call-batches', { rawBody: '{' })
    expect(malformed.status).toBe(400)
    expect(malformed.body.error.code).toBe('VALIDATION_ERROR')
    expect((await call(server, 'POST', '/call-batches', { body: [] })).status).toBe(400)
  })
})

describe('techladder: coverage', () => {
  it('exercised every operation of specs/techladder.yaml', () => {
    expect(uncoveredOperations('techladder')).toEqual([])
  })
})
