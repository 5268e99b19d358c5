import type {
  BatchCallContactListResponse,
  BatchCallEnvelope,
  BatchCallListResponse,
  BatchCallResponse,
  BulkDeleteEnvelope,
  ErrorResponse,
} from '@voicebatch/truedy-types'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type MockServer, mockApiKeys, startMockServer } from '../src/index.js'
import { call, manualClock, uncoveredOperations } from './helpers.js'

const clock = manualClock('2026-04-05T10:00:00.000Z')
let server: MockServer

beforeAll(async () => {
  server = await startMockServer({ provider: 'truedy', now: clock.now })
})
afterAll(async () => {
  await server.close()
})

async function allBatches(query = '', target = server): Promise<BatchCallResponse[]> {
  const response = await call<BatchCallListResponse>(target, 'GET', `/batch-calls?limit=100${query}`)
  expect(response.status).toBe(200)
  return response.body.data ?? []
}

async function batchWith(status: string): Promise<BatchCallResponse> {
  const [batch] = await allBatches(`&status=${status}`)
  if (!batch) throw new Error(`no ${status} batch`)
  return batch
}

const createBody = {
  name: 'March follow-up campaign',
  agent_id: 'agt_f9447372',
  contacts: [{ phone_number: '+14155552671', first_name: 'Ada' }, { phone_number: '+14155552672' }],
}

describe('truedy: setup and auth', () => {
  it('serves under the spec base path with the default key', () => {
    expect(server.url).toBe(`${server.origin}/api/public/v1`)
    expect(server.apiKey).toBe(mockApiKeys.truedy)
    for (const id of server.agentIds) expect(id).toMatch(/^agt_[0-9a-f]{8}$/)
  })

  it.each([
    ['missing', false, 'Missing API key: send Authorization: Bearer <your_api_key>'],
    ['wrong', 'td_wrong', 'Invalid API key'],
  ] as const)('answers 401 with the error envelope when the key is %s', async (_name, auth, message) => {
    const response = await call<ErrorResponse>(server, 'GET', '/batch-calls', { auth })
    expect(response.status).toBe(401)
    expect(response.body.error).toEqual({ code: 'unauthorized', message, details: null })
    expect(response.body.meta?.request_id).toBe(response.headers.get('x-request-id'))
  })

  it('sends a fresh request ID per response, in meta and in x-request-id', async () => {
    const first = await call<BatchCallListResponse>(server, 'GET', '/batch-calls?limit=1')
    const second = await call<BatchCallListResponse>(server, 'GET', '/batch-calls?limit=1')
    expect(first.body.meta.request_id).toMatch(/^req_[0-9a-f]{8}$/)
    expect(first.body.meta.request_id).toBe(first.headers.get('x-request-id'))
    expect(second.body.meta.request_id).not.toBe(first.body.meta.request_id)
    expect(first.body.meta.ts).toBe(clock.now().toISOString())
  })
})

describe('truedy: list batch calls', () => {
  it('lists 12 seeded batches with every status and consistent counts', async () => {
    const response = await call<BatchCallListResponse>(server, 'GET', '/batch-calls')
    expect(response.body.pagination).toEqual({ total: 12, limit: 50, offset: 0, has_more: false })
    const batches = response.body.data
    expect(new Set(batches.map((batch) => batch.status))).toEqual(
      new Set(['draft', 'scheduled', 'active', 'paused', 'completed', 'failed', 'cancelled']),
    )
    for (const batch of batches) {
      expect(batch.id).toMatch(/^batch_[0-9a-f]{8}$/)
      const completed = batch.completed_contacts ?? 0
      expect(completed).toBeLessThanOrEqual(batch.total_contacts ?? 0)
      expect((batch.successful_contacts ?? 0) + (batch.failed_contacts ?? 0)).toBe(completed)
      expect((batch.voicemail_contacts ?? 0) + (batch.no_answer_contacts ?? 0)).toBeLessThanOrEqual(
        batch.failed_contacts ?? 0,
      )
      if (batch.status === 'completed') expect(completed).toBe(batch.total_contacts)
      if (batch.status === 'scheduled')
        expect(Date.parse(batch.scheduled_at ?? '')).toBeGreaterThan(clock.now().getTime())
    }
  })

  it('walks offset pages with exact counts', async () => {
    const ids: string[] = []
    let offset = 0
    let pages = 0
    for (;;) {
      const response = await call<BatchCallListResponse>(
        server,
        'GET',
        `/batch-calls?limit=5&offset=${offset}`,
      )
      pages += 1
      expect(response.body.pagination).toMatchObject({ total: 12, limit: 5, offset })
      ids.push(...response.body.data.map((batch) => batch.id))
      if (!response.body.pagination?.has_more) break
      offset += 5
    }
    expect(pages).toBe(3)
    expect(new Set(ids).size).toBe(12)
    const beyond = await call<BatchCallListResponse>(server, 'GET', '/batch-calls?offset=40')
    expect(beyond.body.data).toEqual([])
    expect(beyond.body.pagination?.has_more).toBe(false)
  })

  it('filters by status', async () => {
    const all = await allBatches()
    for (const status of ['draft', 'scheduled', 'active', 'paused', 'completed', 'failed', 'cancelled']) {
      expect(await allBatches(`&status=${status}`)).toEqual(all.filter((batch) => batch.status === status))
    }
  })

  it.each([
    ['an unknown status', 'status=running', 'status'],
    ['a limit over 100', 'limit=101', 'limit'],
    ['a limit of 0', 'limit=0', 'limit'],
    ['a negative offset', 'offset=-1', 'offset'],
    ['an offset that is not a number', 'offset=1.5', 'offset'],
  ])('refuses %s with 422', async (_name, query, field) => {
    const response = await call<ErrorResponse>(server, 'GET', `/batch-calls?${query}`)
    expect(response.status).toBe(422)
    expect(response.body.error.code).toBe('validation_error')
    expect(response.body.error.details).toEqual({ errors: [expect.objectContaining({ field })] })
  })
})

describe('truedy: off-spec statuses', () => {
  it('shows an active batch as `running` with extra fields only when asked', async () => {
    const offSpec = await startMockServer({ provider: 'truedy', offSpecStatuses: true })
    try {
      const response = await call<BatchCallListResponse>(offSpec, 'GET', '/batch-calls', { validate: false })
      const running = response.body.data.filter((batch) => (batch.status as string) === 'running')
      expect(running).toHaveLength(1)
      expect(running[0]).toHaveProperty('from_number')
      expect(running[0]).toHaveProperty('called')
      const active = await call<BatchCallListResponse>(offSpec, 'GET', '/batch-calls?status=active', {
        validate: false,
      })
      expect(active.body.data.map((batch) => batch.status).sort()).toEqual(['active', 'running'])
      const paused = await call<BatchCallEnvelope>(offSpec, 'POST', `/batch-calls/${running[0]?.id}/pause`)
      expect(paused.body.data.status).toBe('paused')
    } finally {
      await offSpec.close()
    }
  })
})

describe('truedy: one batch', () => {
  it('gets a listed batch', async () => {
    const [batch] = await allBatches()
    const response = await call<BatchCallEnvelope>(server, 'GET', `/batch-calls/${batch?.id}`)
    expect(response.status).toBe(200)
    expect(response.body.data).toEqual(batch)
  })

  it('answers 404 not_found for an unknown ID', async () => {
    for (const id of ['batch_ffffffff', 'nope']) {
      const response = await call<ErrorResponse>(server, 'GET', `/batch-calls/${id}`)
      expect(response.status).toBe(404)
      expect(response.body.error).toMatchObject({
        code: 'not_found',
        details: { resource: 'batch_call', id },
      })
    }
  })
})

describe('truedy: create', () => {
  it('creates a draft (201) that is listed first and fetched', async () => {
    const created = await call<BatchCallEnvelope>(server, 'POST', '/batch-calls', { body: createBody })
    expect(created.status).toBe(201)
    expect(created.body.data).toMatchObject({
      name: createBody.name,
      agent_id: 'agt_f9447372',
      status: 'draft',
      total_contacts: 2,
    })
    const [first] = await allBatches()
    expect(first).toEqual(created.body.data)
    const fetched = await call<BatchCallEnvelope>(server, 'GET', `/batch-calls/${created.body.data.id}`)
    expect(fetched.body.data).toEqual(created.body.data)
    const contacts = await call<BatchCallContactListResponse>(
      server,
      'GET',
      `/batch-calls/${created.body.data.id}/contacts`,
    )
    expect(
      contacts.body.data.map((contact) => [contact.phone_number, contact.first_name, contact.call_status]),
    ).toEqual([
      ['+14155552671', 'Ada', 'pending'],
      ['+14155552672', null, 'pending'],
    ])
  })

  it('derives the status from schedule_type', async () => {
    const immediate = await call<BatchCallEnvelope>(server, 'POST', '/batch-calls', {
      body: { ...createBody, schedule_type: 'immediate' },
    })
    expect(immediate.body.data.status).toBe('active')
    const scheduled = await call<BatchCallEnvelope>(server, 'POST', '/batch-calls', {
      body: { ...createBody, schedule_type: 'scheduled', scheduled_at: '2026-04-10T09:00:00Z' },
    })
    expect(scheduled.body.data).toMatchObject({ status: 'scheduled', scheduled_at: '2026-04-10T09:00:00Z' })
  })

  it('does not create twice for the same X-Idempotency-Key', async () => {
    const headers = { 'x-idempotency-key': 'key-1' }
    const before = (await allBatches()).length
    const first = await call<BatchCallEnvelope>(server, 'POST', '/batch-calls', { body: createBody, headers })
    const again = await call<BatchCallEnvelope>(server, 'POST', '/batch-calls', { body: createBody, headers })
    expect(again.status).toBe(201)
    expect(again.body.data.id).toBe(first.body.data.id)
    expect((await allBatches()).length).toBe(before + 1)
  })

  it.each([
    ['no name', { agent_id: 'agt_1' }, 'name'],
    ['an empty name', { ...createBody, name: '' }, 'name'],
    ['no agent_id', { name: 'x' }, 'agent_id'],
    ['scheduled without scheduled_at', { ...createBody, schedule_type: 'scheduled' }, 'scheduled_at'],
    ['a folder without its ID', { ...createBody, contact_source: 'folder' }, 'contact_folder_id'],
    [
      'a contact without a phone',
      { ...createBody, contacts: [{ first_name: 'A' }] },
      'contacts[0].phone_number',
    ],
    ['a bad working day', { ...createBody, working_days: [0] }, 'working_days'],
    ['a bad start_time', { ...createBody, start_time: '9am' }, 'start_time'],
    ['an unknown rotation', { ...createBody, phone_rotation_strategy: 'any' }, 'phone_rotation_strategy'],
  ])('refuses a create with %s (422)', async (_name, body, field) => {
    const response = await call<ErrorResponse>(server, 'POST', '/batch-calls', { body })
    expect(response.status).toBe(422)
    expect(response.body.error.details).toEqual({
      errors: expect.arrayContaining([expect.objectContaining({ field })]),
    })
  })

  it('refuses malformed JSON with 422', async () => {
    const response = await call<ErrorResponse>(server, 'POST', '/batch-calls', { rawBody: 'name=x' })
    expect(response.status).toBe(422)
    expect(response.body.error.details).toEqual({ errors: [{ field: 'body', message: 'Malformed JSON' }] })
  })
})

describe('truedy: update, schedule, pause, resume', () => {
  it('updates a draft and refuses to update an active batch (422 invalid_state)', async () => {
    const draft = await batchWith('draft')
    clock.advance(60_000)
    const updated = await call<BatchCallEnvelope>(server, 'PATCH', `/batch-calls/${draft.id}`, {
      body: { name: 'Renamed', max_calls_per_day: 250, timezone: 'Europe/Paris' },
    })
    expect(updated.status).toBe(200)
    expect(updated.body.data).toEqual({
      ...draft,
      name: 'Renamed',
      max_calls_per_day: 250,
      updated_at: clock.now().toISOString(),
    })
    expect((await call<BatchCallEnvelope>(server, 'GET', `/batch-calls/${draft.id}`)).body.data.name).toBe(
      'Renamed',
    )

    const active = await batchWith('active')
    const refused = await call<ErrorResponse>(server, 'PATCH', `/batch-calls/${active.id}`, {
      body: { name: 'x' },
    })
    expect(refused.status).toBe(422)
    expect(refused.body.error).toMatchObject({ code: 'invalid_state', details: { status: 'active' } })
    const invalid = await call<ErrorResponse>(server, 'PATCH', `/batch-calls/${draft.id}`, {
      body: { name: '' },
    })
    expect(invalid.status).toBe(422)
    expect((await call(server, 'PATCH', '/batch-calls/batch_ffffffff', { body: {} })).status).toBe(404)
  })

  it('schedules a draft for later, or starts it now with null', async () => {
    const draft = await call<BatchCallEnvelope>(server, 'POST', '/batch-calls', { body: createBody })
    const path = `/batch-calls/${draft.body.data.id}/schedule`
    const later = await call<BatchCallEnvelope>(server, 'POST', path, {
      body: { scheduled_at: '2026-05-01T09:00:00Z', timezone: 'UTC' },
    })
    expect(later.status).toBe(200)
    expect(later.body.data).toMatchObject({
      status: 'scheduled',
      schedule_type: 'scheduled',
      scheduled_at: '2026-05-01T09:00:00Z',
    })
    const now = await call<BatchCallEnvelope>(server, 'POST', path, { body: { scheduled_at: null } })
    expect(now.body.data).toMatchObject({ status: 'active', scheduled_at: null })
    const again = await call<ErrorResponse>(server, 'POST', path, { body: { scheduled_at: null } })
    expect(again.status).toBe(422)
    expect(again.body.error.code).toBe('invalid_state')
  })

  it('refuses a schedule in the past or a bad body (422), and unknown batches (404)', async () => {
    const draft = await call<BatchCallEnvelope>(server, 'POST', '/batch-calls', { body: createBody })
    const path = `/batch-calls/${draft.body.data.id}/schedule`
    expect(
      (await call(server, 'POST', path, { body: { scheduled_at: '2020-01-01T00:00:00Z' } })).status,
    ).toBe(422)
    expect((await call(server, 'POST', path, { body: { scheduled_at: 'soon' } })).status).toBe(422)
    expect((await call(server, 'POST', path, { body: [] })).status).toBe(422)
    expect((await call(server, 'POST', '/batch-calls/batch_ffffffff/schedule', { body: {} })).status).toBe(
      404,
    )
  })

  it('pauses an active batch (200) and resumes it (201)', async () => {
    const active = await batchWith('active')
    const paused = await call<BatchCallEnvelope>(server, 'POST', `/batch-calls/${active.id}/pause`)
    expect(paused.status).toBe(200)
    expect(paused.body.data.status).toBe('paused')
    expect((await allBatches('&status=paused')).map((batch) => batch.id)).toContain(active.id)
    const resumed = await call<BatchCallEnvelope>(server, 'POST', `/batch-calls/${active.id}/resume`)
    expect(resumed.status).toBe(201)
    expect(resumed.body.data.status).toBe('active')
  })

  it('resumes a paused batch whose start is ahead as scheduled', async () => {
    const scheduled = await batchWith('scheduled')
    expect((await call(server, 'POST', `/batch-calls/${scheduled.id}/pause`)).status).toBe(200)
    const resumed = await call<BatchCallEnvelope>(server, 'POST', `/batch-calls/${scheduled.id}/resume`)
    expect(resumed.body.data.status).toBe('scheduled')
  })

  // Spec gap: pause and resume declare no 422; the mock answers a wrong state as PATCH does.
  it('refuses to pause a completed batch or resume an active one (422 invalid_state)', async () => {
    const completed = await batchWith('completed')
    const pause = await call<ErrorResponse>(server, 'POST', `/batch-calls/${completed.id}/pause`, {
      allowUndeclaredStatus: true,
    })
    expect(pause.status).toBe(422)
    expect(pause.body.error.code).toBe('invalid_state')
    const active = await batchWith('active')
    const resume = await call<ErrorResponse>(server, 'POST', `/batch-calls/${active.id}/resume`, {
      allowUndeclaredStatus: true,
    })
    expect(resume.status).toBe(422)
    expect((await call(server, 'POST', '/batch-calls/batch_ffffffff/pause')).status).toBe(404)
    expect((await call(server, 'POST', '/batch-calls/batch_ffffffff/resume')).status).toBe(404)
  })
})

describe('truedy: contacts', () => {
  it('lists contacts consistent with the batch counters', async () => {
    const statuses = new Set<string>()
    const fresh = await startMockServer({ provider: 'truedy' })
    try {
      for (const batch of await allBatches('', fresh)) {
        const response = await call<BatchCallContactListResponse>(
          fresh,
          'GET',
          `/batch-calls/${batch.id}/contacts`,
        )
        const contacts = response.body.data
        expect(response.body.pagination?.total).toBe(batch.total_contacts)
        expect(contacts.filter((contact) => contact.call_status === 'completed')).toHaveLength(
          batch.successful_contacts ?? 0,
        )
        expect(contacts.filter((contact) => contact.call_status === 'voicemail')).toHaveLength(
          batch.voicemail_contacts ?? 0,
        )
        for (const contact of contacts) {
          statuses.add(contact.call_status)
          expect(contact.call_id === null).toBe(contact.called_at === null)
        }
      }
    } finally {
      await fresh.close()
    }
    expect(statuses).toEqual(
      new Set([
        'completed',
        'voicemail',
        'no_answer',
        'failed',
        'in_progress',
        'queued',
        'pending',
        'cancelled',
      ]),
    )
  })

  it('filters and pages contacts, and validates the page', async () => {
    const completed = await batchWith('completed')
    const path = `/batch-calls/${completed.id}/contacts`
    const done = await call<BatchCallContactListResponse>(server, 'GET', `${path}?status=completed`)
    expect(done.body.pagination?.total).toBe(completed.successful_contacts)
    const page = await call<BatchCallContactListResponse>(server, 'GET', `${path}?limit=2&offset=2`)
    expect(page.body.data).toHaveLength(2)
    expect(page.body.pagination).toEqual({
      total: completed.total_contacts,
      limit: 2,
      offset: 2,
      has_more: true,
    })
    expect((await call(server, 'GET', `${path}?limit=500`)).status).toBe(422)
    expect((await call(server, 'GET', '/batch-calls/batch_ffffffff/contacts')).status).toBe(404)
  })
})

describe('truedy: bulk delete', () => {
  it('deletes what exists and lists the rest as failed', async () => {
    const [first, second] = await allBatches()
    const response = await call<BulkDeleteEnvelope>(server, 'POST', '/batch-calls/bulk-delete', {
      body: { ids: [first?.id, second?.id, 'batch_ffffffff'] },
    })
    expect(response.status).toBe(200)
    expect(response.body.data).toEqual({
      deleted_count: 2,
      failed_count: 1,
      deleted_ids: [first?.id, second?.id],
      failed_ids: ['batch_ffffffff'],
    })
    expect((await call(server, 'GET', `/batch-calls/${first?.id}`)).status).toBe(404)
    expect((await allBatches()).map((batch) => batch.id)).not.toContain(second?.id)
  })

  it('refuses an empty or missing ids list (422)', async () => {
    expect((await call(server, 'POST', '/batch-calls/bulk-delete', { body: { ids: [] } })).status).toBe(422)
    expect((await call(server, 'POST', '/batch-calls/bulk-delete', { body: {} })).status).toBe(422)
  })
})

describe('truedy: coverage', () => {
  it('exercised every operation of specs/truedy.yaml', () => {
    expect(uncoveredOperations('truedy')).toEqual([])
  })
})
