import { describe, expect, it } from 'vitest'
import {
  type BatchStatus,
  type CallStatus,
  normalizeBatch,
  normalizeCall,
  type RawBatch,
  type RawCall,
} from '../src/index.js'

const now = new Date('2026-05-01T12:00:00Z')

const ultravoxBatch = (fields: Partial<RawBatch<'ultravox'>>): RawBatch<'ultravox'> => ({
  batchId: '4b1e1f3a-8c1d-4b7e-9a2f-0f5d2c6e7a10',
  created: '2026-04-30T09:00:00Z',
  windowStart: '2026-04-30T10:00:00Z',
  windowEnd: '2026-05-02T10:00:00Z',
  paused: false,
  totalCount: 10,
  completedCount: 4,
  endedAt: null,
  ...fields,
})

const techladderBatch = (status: string): RawBatch<'techladder'> => ({
  schedule_id: 'sched_7bac6f2a',
  agent_id: 'agt-57949b14',
  agent_name: 'Customer Outreach Agent',
  version_id: 'pmt-667ddf271b',
  status: status as RawBatch<'techladder'>['status'],
  start_mode: 'manual',
  total_contacts: 10,
  completed_contacts: 6,
  failed_contacts: 1,
  scheduled_at: null,
  created_at: '2026-04-30T09:00:00Z',
})

const truedyBatch = (status: string): RawBatch<'truedy'> => ({
  id: 'batch_m1n2o3p4',
  name: 'March follow-up campaign',
  agent_id: 'agt_f9447372',
  status: status as RawBatch<'truedy'>['status'],
  total_contacts: 500,
  completed_contacts: 350,
  failed_contacts: 70,
  scheduled_at: '2026-03-20T09:00:00Z',
  created_at: '2026-03-05T10:00:00.000000Z',
})

describe('batch status table (DESIGN.md)', () => {
  describe('ultravox: derived, rawStatus null', () => {
    it.each<[string, Partial<RawBatch<'ultravox'>>, BatchStatus]>([
      ['paused', { paused: true }, 'paused'],
      ['paused wins over a future window', { paused: true, windowStart: '2026-05-03T00:00:00Z' }, 'paused'],
      ['endedAt set', { endedAt: '2026-04-30T20:00:00Z' }, 'completed'],
      ['window opens after now', { windowStart: '2026-05-01T12:00:01Z' }, 'scheduled'],
      [
        'ended batch with a future window',
        { windowStart: '2026-05-03T00:00:00Z', endedAt: '2026-04-30T20:00:00Z' },
        'completed',
      ],
      ['window opened before now', { windowStart: '2026-05-01T11:59:59Z' }, 'running'],
      ['window opens exactly now', { windowStart: now.toISOString() }, 'running'],
      ['no window start', { windowStart: null }, 'running'],
      ['unparseable window start', { windowStart: 'soon' }, 'running'],
    ])('%s → %s', (_, fields, status) => {
      const batch = normalizeBatch('ultravox', ultravoxBatch(fields), { now })
      expect(batch.status).toBe(status)
      expect(batch.rawStatus).toBeNull()
    })

    it('takes now as a number too, and defaults to the current time', () => {
      const future = new Date(Date.now() + 60_000).toISOString()
      expect(normalizeBatch('ultravox', ultravoxBatch({ windowStart: future })).status).toBe('scheduled')
      expect(
        normalizeBatch('ultravox', ultravoxBatch({ windowStart: future }), { now: Date.now() + 120_000 })
          .status,
      ).toBe('running')
    })
  })

  describe('techladder', () => {
    it.each<[string, BatchStatus]>([
      ['pending', 'scheduled'],
      ['active', 'running'],
      ['completed', 'completed'],
      ['failed', 'failed'],
      ['cancelled', 'cancelled'],
      ['paused', 'unknown'],
      ['draft', 'unknown'],
      ['running', 'unknown'],
      ['ACTIVE', 'unknown'],
      ['', 'unknown'],
    ])('%s → %s', (rawStatus, status) => {
      const batch = normalizeBatch('techladder', techladderBatch(rawStatus))
      expect(batch.status).toBe(status)
      expect(batch.rawStatus).toBe(rawStatus)
    })
  })

  describe('truedy', () => {
    it.each<[string, BatchStatus]>([
      ['draft', 'draft'],
      ['scheduled', 'scheduled'],
      ['active', 'running'],
      ['running', 'running'],
      ['paused', 'paused'],
      ['completed', 'completed'],
      ['failed', 'failed'],
      ['cancelled', 'cancelled'],
      ['pending', 'unknown'],
      ['archived', 'unknown'],
      ['constructor', 'unknown'],
    ])('%s → %s', (rawStatus, status) => {
      const batch = normalizeBatch('truedy', truedyBatch(rawStatus))
      expect(batch.status).toBe(status)
      expect(batch.rawStatus).toBe(rawStatus)
    })
  })
})

describe('batch fields', () => {
  it('ultravox: counts, window, agent from the context, no name', () => {
    const raw = ultravoxBatch({ endedAt: '2026-04-30T20:00:00Z' })
    expect(normalizeBatch('ultravox', raw, { agentId: 'agent-1', now })).toEqual({
      provider: 'ultravox',
      id: raw.batchId,
      agentId: 'agent-1',
      name: null,
      status: 'completed',
      rawStatus: null,
      totalCalls: 10,
      completedCalls: 4,
      failedCalls: null,
      createdAt: '2026-04-30T09:00:00Z',
      scheduledAt: '2026-04-30T10:00:00Z',
      endedAt: '2026-04-30T20:00:00Z',
      raw,
    })
    expect(normalizeBatch('ultravox', raw).agentId).toBeNull()
  })

  it('techladder: schedule_id is the id, agent_name is the agent not the batch', () => {
    const raw = techladderBatch('active')
    const batch = normalizeBatch('techladder', raw)
    expect(batch).toMatchObject({
      id: 'sched_7bac6f2a',
      agentId: 'agt-57949b14',
      name: null,
      totalCalls: 10,
      completedCalls: 6,
      failedCalls: 1,
      createdAt: '2026-04-30T09:00:00Z',
      scheduledAt: null,
      endedAt: null,
    })
    expect(batch.raw).toBe(raw)
  })

  it('truedy: schema counts, and the docs example counts (completed/failed)', () => {
    const raw = truedyBatch('active')
    expect(normalizeBatch('truedy', raw)).toMatchObject({
      id: 'batch_m1n2o3p4',
      name: 'March follow-up campaign',
      agentId: 'agt_f9447372',
      totalCalls: 500,
      completedCalls: 350,
      failedCalls: 70,
      scheduledAt: '2026-03-20T09:00:00Z',
    })
    const docsExample = {
      id: 'batch_c3d4e5f6',
      name: 'Q2 Outreach Campaign',
      status: 'running',
      agent_id: 'agt_f9447372',
      total_contacts: 500,
      called: 312,
      completed: 298,
      failed: 14,
      pending: 188,
      created_at: '2026-04-01T09:00:00Z',
    } as unknown as RawBatch<'truedy'>
    expect(normalizeBatch('truedy', docsExample)).toMatchObject({
      status: 'running',
      rawStatus: 'running',
      totalCalls: 500,
      completedCalls: 298,
      failedCalls: 14,
    })
  })
})

describe('call status table', () => {
  it.each<[string, CallStatus]>([
    ['FUTURE', 'queued'],
    ['PENDING', 'in_progress'],
    ['SUCCESS', 'completed'],
    ['ERROR', 'failed'],
    ['EXPIRED', 'expired'],
    ['future', 'unknown'],
  ])('ultravox %s → %s', (rawStatus, status) => {
    const raw = {
      status: rawStatus,
      batchId: 'b-1',
      callId: rawStatus === 'SUCCESS' ? 'c-1' : null,
      error: null,
    } as RawCall<'ultravox'>
    const call = normalizeCall('ultravox', raw, { batchId: 'ignored' })
    expect(call).toEqual({
      provider: 'ultravox',
      batchId: 'b-1',
      id: rawStatus === 'SUCCESS' ? 'c-1' : null,
      status,
      rawStatus,
      phone: null,
      startedAt: null,
      endedAt: null,
      durationSeconds: null,
      error: null,
      raw,
    })
  })

  const documented: Array<[string, CallStatus]> = [
    ['pending', 'queued'],
    ['queued', 'queued'],
    ['ringing', 'in_progress'],
    ['in_progress', 'in_progress'],
    ['completed', 'completed'],
    ['failed', 'failed'],
    ['cancelled', 'unknown'],
    ['busy', 'unknown'],
  ]

  it.each<[string, CallStatus]>([...documented, ['no_answer', 'unknown'], ['voicemail', 'unknown']])(
    'techladder %s → %s',
    (rawStatus, status) => {
      const raw: RawCall<'techladder'> = {
        call_id: 'call_1',
        external_id: 'c-9',
        phone_number: '919876543210',
        status: rawStatus,
      }
      expect(normalizeCall('techladder', raw, { batchId: 'sched_1' })).toEqual({
        provider: 'techladder',
        batchId: 'sched_1',
        id: 'call_1',
        status,
        rawStatus,
        phone: '+919876543210',
        startedAt: null,
        endedAt: null,
        durationSeconds: null,
        error: null,
        raw,
      })
    },
  )

  it.each<[string, CallStatus]>([...documented, ['no_answer', 'failed'], ['voicemail', 'failed']])(
    'truedy %s → %s',
    (rawStatus, status) => {
      const raw: RawCall<'truedy'> = {
        contact_id: 'ct_1',
        phone_number: '+14155552671',
        call_status: rawStatus,
        call_id: null,
      }
      expect(normalizeCall('truedy', raw, { batchId: 'batch_1' })).toEqual({
        provider: 'truedy',
        batchId: 'batch_1',
        id: null,
        status,
        rawStatus,
        phone: '+14155552671',
        startedAt: null,
        endedAt: null,
        durationSeconds: null,
        error: null,
        raw,
      })
    },
  )
})
