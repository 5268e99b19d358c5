import type { CallBatchEnvelope, CallListEnvelope } from '@voicebatch/techladder-types'
import type { BatchCallContactListResponse, BatchCallEnvelope } from '@voicebatch/truedy-types'
import type { PaginatedScheduledCallList, ScheduledCallBatch } from '@voicebatch/ultravox-types'
import { afterEach, describe, expect, it } from 'vitest'
import { type MockServer, type MockServerOptions, startMockServer } from '../src/index.js'
import { call, manualClock } from './helpers.js'

const START = '2026-06-01T09:00:00.000Z'
const SECOND = 1000
const dialing = { callDurationMs: 10 * SECOND, concurrency: 2, failureRate: 0.3 }
const servers: MockServer[] = []

async function start(options: Omit<MockServerOptions, 'now'>) {
  const clock = manualClock(START)
  const server = await startMockServer({ dialing, batches: 2, ...options, now: clock.now })
  servers.push(server)
  return { server, clock }
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

const phones = (count: number) =>
  Array.from({ length: count }, (_, index) => `+1415555${String(1000 + index)}`)

describe('ultravox: created batches dial', () => {
  const create = async (server: MockServer, body: Record<string, unknown> = {}) => {
    const agent = server.agentIds[0] as string
    const base = `/api/agents/${agent}/scheduled_batches`
    const calls = phones(6).map((to) => ({ medium: { twilio: { outgoing: { to, from: '+14155550100' } } } }))
    const created = await call<ScheduledCallBatch>(server, 'POST', base, { body: { calls, ...body } })
    expect(created.status).toBe(201)
    const path = `${base}/${created.body.batchId}`
    return {
      get: async () => (await call<ScheduledCallBatch>(server, 'GET', path)).body,
      statuses: async () =>
        (await call<PaginatedScheduledCallList>(server, 'GET', `${path}/scheduled_calls`)).body.results.map(
          (scheduled) => scheduled.status,
        ),
      patch: (body: Record<string, unknown>) => call<ScheduledCallBatch>(server, 'PATCH', path, { body }),
    }
  }

  it('places calls at the configured pace and concurrency, then ends with endedAt', async () => {
    const { server, clock } = await start({ provider: 'ultravox' })
    const batch = await create(server)
    expect(await batch.statuses()).toEqual(['PENDING', 'PENDING', 'FUTURE', 'FUTURE', 'FUTURE', 'FUTURE'])
    clock.advance(16 * SECOND) // each call lasts 5 to 15 s: the first two are done
    const later = await batch.statuses()
    expect(later.filter((status) => status === 'PENDING')).toHaveLength(2)
    expect(
      later.filter((status) => status === 'SUCCESS' || status === 'ERROR').length,
    ).toBeGreaterThanOrEqual(2)
    expect((await batch.get()).endedAt).toBeNull()
    clock.advance(10 * 60 * SECOND)
    const done = await batch.get()
    expect(done.completedCount).toBe(6)
    expect(Date.parse(done.endedAt as string)).toBeLessThanOrEqual(Date.parse(START) + 10 * 60 * SECOND)
    expect((await batch.statuses()).every((status) => status === 'SUCCESS' || status === 'ERROR')).toBe(true)
  })

  it('stops while paused and goes on when resumed', async () => {
    const { server, clock } = await start({ provider: 'ultravox' })
    const batch = await create(server)
    clock.advance(16 * SECOND)
    expect((await batch.patch({ paused: true })).body.paused).toBe(true)
    const before = await batch.statuses()
    clock.advance(10 * 60 * SECOND)
    expect(await batch.statuses()).toEqual(before)
    expect((await batch.get()).endedAt).toBeNull()
    await batch.patch({ paused: false })
    clock.advance(10 * 60 * SECOND)
    expect((await batch.get()).completedCount).toBe(6)
  })

  it('waits for its window to open and expires what the closing window leaves', async () => {
    const { server, clock } = await start({ provider: 'ultravox' })
    const at = (seconds: number) => new Date(Date.parse(START) + seconds * SECOND).toISOString()
    const batch = await create(server, { windowStart: at(60), windowEnd: at(65) })
    clock.advance(59 * SECOND)
    expect(await batch.statuses()).toEqual(Array(6).fill('FUTURE'))
    clock.advance(10 * 60 * SECOND)
    const statuses = await batch.statuses()
    expect(statuses).toContain('EXPIRED')
    const ended = await batch.get()
    // The calls placed before the window closed finish; the batch ends with the last of them.
    expect(Date.parse(ended.endedAt as string)).toBeGreaterThanOrEqual(Date.parse(at(65)))
    expect(ended.completedCount).toBe(statuses.filter((status) => status !== 'EXPIRED').length)
  })

  it('dials the same way for the same seed', async () => {
    const first = await start({ provider: 'ultravox', seed: 7 })
    const second = await start({ provider: 'ultravox', seed: 7 })
    const [a, b] = [await create(first.server), await create(second.server)]
    first.clock.advance(25 * SECOND)
    second.clock.advance(25 * SECOND)
    expect(await a.statuses()).toEqual(await b.statuses())
  })
})

describe('techladder: created batches dial', () => {
  const body = (startMode: string, concurrency?: number) => ({
    agent_name: 'agt-57949b14',
    version_name: 'pmt-667ddf271b',
    start_mode: startMode,
    ...(concurrency === undefined ? {} : { concurrency }),
    contacts: phones(5).map((phone, index) => ({ contact_id: `c${index}`, phone_number: phone.slice(1) })),
  })

  it('goes active, counts completed and failed calls with their times, and completes', async () => {
    const { server, clock } = await start({ provider: 'techladder' })
    const created = await call<CallBatchEnvelope>(server, 'POST', '/call-batches', {
      body: body('immediate', 5),
    })
    const id = created.body.data.schedule_id
    expect(created.body.data.status).toBe('active')
    const calls = async () =>
      (await call<CallListEnvelope>(server, 'GET', `/call-batches/${id}/calls`)).body.data.items
    expect((await calls()).map((entry) => entry.status)).toEqual(Array(5).fill('in_progress'))
    clock.advance(10 * 60 * SECOND)
    const done = (await call<CallBatchEnvelope>(server, 'GET', `/call-batches/${id}`)).body.data
    expect(['completed', 'failed']).toContain(done.status)
    expect(done.completed_contacts + done.failed_contacts).toBe(5)
    expect(done.pending_contacts).toBe(0)
    for (const entry of await calls()) {
      expect(entry.call_id).toMatch(/^call_/)
      expect(Date.parse(entry.ended_at as string)).toBeGreaterThan(Date.parse(entry.started_at as string))
      if (entry.status === 'completed') expect(entry.duration_seconds).toBeGreaterThanOrEqual(5)
    }
    const listed = await call<{ data: { items: { schedule_id: string }[] } }>(
      server,
      'GET',
      `/call-batches?status=${done.status}`,
    )
    expect(listed.body.data.items.map((item) => item.schedule_id)).toContain(id)
  })

  it('a manual batch stays pending: no API starts it', async () => {
    const { server, clock } = await start({ provider: 'techladder' })
    const created = await call<CallBatchEnvelope>(server, 'POST', '/call-batches', { body: body('manual') })
    clock.advance(60 * 60 * SECOND)
    const id = created.body.data.schedule_id
    expect((await call<CallBatchEnvelope>(server, 'GET', `/call-batches/${id}`)).body.data.status).toBe(
      'pending',
    )
  })
})

describe('truedy: created batches dial', () => {
  const create = async (server: MockServer, extra: Record<string, unknown>) => {
    const contacts = phones(4).map((phone_number) => ({ phone_number }))
    const created = await call<BatchCallEnvelope>(server, 'POST', '/batch-calls', {
      body: { name: 'Renewals', agent_id: 'agt_1', contacts, ...extra },
    })
    expect(created.status).toBe(201)
    return created.body.data.id
  }
  const get = async (server: MockServer, id: string) =>
    (await call<BatchCallEnvelope>(server, 'GET', `/batch-calls/${id}`)).body.data

  it('a scheduled batch goes active at its time, pauses, resumes and completes', async () => {
    const { server, clock } = await start({ provider: 'truedy' })
    const scheduledAt = new Date(Date.parse(START) + 30 * SECOND).toISOString()
    const id = await create(server, { schedule_type: 'scheduled', scheduled_at: scheduledAt })
    expect((await get(server, id)).status).toBe('scheduled')
    clock.advance(40 * SECOND)
    expect((await get(server, id)).status).toBe('active')
    const paused = await call<BatchCallEnvelope>(server, 'POST', `/batch-calls/${id}/pause`)
    expect(paused.body.data.status).toBe('paused')
    const before = await get(server, id)
    clock.advance(10 * 60 * SECOND)
    expect((await get(server, id)).completed_contacts).toBe(before.completed_contacts)
    expect((await call(server, 'POST', `/batch-calls/${id}/resume`)).status).toBe(201)
    clock.advance(10 * 60 * SECOND)
    const done = await get(server, id)
    expect(done).toMatchObject({ status: 'completed', completed_contacts: 4 })
    expect(done.failed_contacts).toBe(
      (done.voicemail_contacts ?? 0) +
        (done.no_answer_contacts ?? 0) +
        (await call<BatchCallContactListResponse>(server, 'GET', `/batch-calls/${id}/contacts?status=failed`))
          .body.data.length,
    )
  })

  it('a draft waits until it is scheduled to start now', async () => {
    const { server, clock } = await start({ provider: 'truedy' })
    const id = await create(server, {})
    clock.advance(60 * 60 * SECOND)
    expect((await get(server, id)).status).toBe('draft')
    await call(server, 'POST', `/batch-calls/${id}/schedule`, { body: { scheduled_at: null } })
    clock.advance(60 * 60 * SECOND)
    expect((await get(server, id)).status).toBe('completed')
  })
})
