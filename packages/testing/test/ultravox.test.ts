import type {
  ErrorDetail,
  PaginatedScheduledCallBatchList,
  PaginatedScheduledCallList,
  ScheduledCallBatch,
  ScheduledCallStatusEnum,
  ValidationErrors,
} from '@voicebatch/ultravox-types'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type MockServer, mockApiKeys, startMockServer } from '../src/index.js'
import { call, manualClock, uncoveredOperations } from './helpers.js'

const clock = manualClock('2026-05-14T10:00:00.000Z')
let server: MockServer
let agent: string
let batchesPath: string

beforeAll(async () => {
  server = await startMockServer({ provider: 'ultravox', now: clock.now })
  agent = server.agentIds[0] as string
  batchesPath = `/api/agents/${agent}/scheduled_batches`
})
afterAll(async () => {
  await server.close()
})

async function allBatches(target: MockServer = server, agentId = agent): Promise<ScheduledCallBatch[]> {
  const page = await call<PaginatedScheduledCallBatchList>(
    target,
    'GET',
    `/api/agents/${agentId}/scheduled_batches?pageSize=1000`,
  )
  expect(page.status).toBe(200)
  return page.body.results
}

/** Derived state, as DESIGN.md defines it. */
function stateOf(batch: ScheduledCallBatch, now: Date): string {
  if (batch.paused) return 'paused'
  if (batch.endedAt) return 'ended'
  if (batch.windowStart && Date.parse(batch.windowStart) > now.getTime()) return 'scheduled'
  return 'running'
}

describe('ultravox: setup', () => {
  it('serves at the origin with the default key and two agents', () => {
    expect(server.url).toBe(server.origin)
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(server.apiKey).toBe(mockApiKeys.ultravox)
    expect(server.agentIds).toHaveLength(2)
  })

  it('rejects agent IDs that are not lowercase UUIDs', async () => {
    await expect(startMockServer({ provider: 'ultravox', agentIds: ['agent-1'] })).rejects.toThrow(/UUID/)
  })
})

describe('ultravox: auth', () => {
  it('answers 401 with a DRF detail when the key is missing', async () => {
    const response = await call<ErrorDetail>(server, 'GET', batchesPath, { auth: false })
    expect(response.status).toBe(401)
    expect(response.body.detail).toBe('Authentication credentials were not provided.')
  })

  it('answers 401 when the key is wrong, and accepts a custom key', async () => {
    const wrong = await call<ErrorDetail>(server, 'GET', batchesPath, { auth: 'nope' })
    expect(wrong.status).toBe(401)
    expect(wrong.body.detail).toBe('Invalid API key.')
    const custom = await startMockServer({ provider: 'ultravox', apiKey: 'custom' })
    try {
      expect((await call(custom, 'GET', `/api/agents/${custom.agentIds[0]}/scheduled_batches`)).status).toBe(
        200,
      )
      expect(
        (
          await call(custom, 'GET', `/api/agents/${custom.agentIds[0]}/scheduled_batches`, {
            auth: mockApiKeys.ultravox,
          })
        ).status,
      ).toBe(401)
    } finally {
      await custom.close()
    }
  })
})

describe('ultravox: list batches', () => {
  it('lists the 12 seeded batches newest first in one default page', async () => {
    const page = await call<PaginatedScheduledCallBatchList>(server, 'GET', batchesPath)
    expect(page.status).toBe(200)
    expect(page.body.total).toBe(12)
    expect(page.body.results).toHaveLength(12)
    expect(page.body.next).toBeNull()
    expect(page.body.previous).toBeNull()
    const created = page.body.results.map((batch) => Date.parse(batch.created))
    expect(created).toEqual([...created].sort((a, b) => b - a))
    expect(page.body.results[0]).not.toHaveProperty('calls')
  })

  it('seeds every derived state with consistent counts', async () => {
    const batches = await allBatches()
    const states = new Set(batches.map((batch) => stateOf(batch, clock.now())))
    expect([...states].sort()).toEqual(['ended', 'paused', 'running', 'scheduled'])
    for (const batch of batches) {
      expect(batch.totalCount).toBe(5)
      expect(batch.completedCount).toBeLessThanOrEqual(batch.totalCount)
      if (batch.endedAt) expect(Date.parse(batch.endedAt)).toBeLessThanOrEqual(clock.now().getTime())
      expect(Date.parse(batch.created)).toBeLessThan(clock.now().getTime())
    }
  })

  it('walks cursor pages with full next URLs on its own origin', async () => {
    const seen: string[] = []
    let url: string | null = `${batchesPath}?pageSize=5`
    let pages = 0
    while (url) {
      const page: { body: PaginatedScheduledCallBatchList } = await call<PaginatedScheduledCallBatchList>(
        server,
        'GET',
        url,
      )
      pages += 1
      expect(page.body.total).toBe(12)
      seen.push(...page.body.results.map((batch) => batch.batchId))
      if (page.body.next) {
        const next = new URL(page.body.next)
        expect(next.origin).toBe(server.origin)
        expect(next.pathname).toBe(batchesPath)
        expect(next.searchParams.get('pageSize')).toBe('5')
        expect(next.searchParams.get('cursor')).toMatch(/^[A-Za-z0-9+/=]+$/)
      }
      if (pages > 1) expect(page.body.previous).not.toBeNull()
      url = page.body.next ?? null
    }
    expect(pages).toBe(3)
    expect(seen).toHaveLength(12)
    expect(new Set(seen).size).toBe(12)
    expect(seen).toEqual((await allBatches()).map((batch) => batch.batchId))
  })

  it('follows previous links back', async () => {
    const first = await call<PaginatedScheduledCallBatchList>(server, 'GET', `${batchesPath}?pageSize=4`)
    const second = await call<PaginatedScheduledCallBatchList>(server, 'GET', first.body.next as string)
    const back = await call<PaginatedScheduledCallBatchList>(server, 'GET', second.body.previous as string)
    expect(back.body.results).toEqual(first.body.results)
  })

  it('treats a bad pageSize like DRF: default for junk, capped at 1000', async () => {
    const junk = await call<PaginatedScheduledCallBatchList>(server, 'GET', `${batchesPath}?pageSize=abc`)
    expect(junk.status).toBe(200)
    expect(junk.body.results).toHaveLength(12)
    const big = await startMockServer({ provider: 'ultravox', batches: 1500 })
    try {
      const capped = await call<PaginatedScheduledCallBatchList>(
        big,
        'GET',
        `/api/agents/${big.agentIds[0]}/scheduled_batches?pageSize=5000`,
      )
      expect(capped.body.results).toHaveLength(1000)
      expect(capped.body.total).toBe(1500)
      const zero = await call<PaginatedScheduledCallBatchList>(
        big,
        'GET',
        `/api/agents/${big.agentIds[0]}/scheduled_batches?pageSize=0`,
      )
      expect(zero.body.results).toHaveLength(100)
    } finally {
      await big.close()
    }
  })

  it('answers 404 Invalid cursor for a cursor it did not make', async () => {
    const response = await call<ErrorDetail>(server, 'GET', `${batchesPath}?cursor=bm9wZQ`)
    expect(response.status).toBe(404)
    expect(response.body.detail).toBe('Invalid cursor')
  })

  it('answers 404 for an agent ID that is not a UUID or not an agent', async () => {
    const malformed = await call<ErrorDetail>(server, 'GET', '/api/agents/not-a-uuid/scheduled_batches')
    expect(malformed.status).toBe(404)
    const unknown = await call<ErrorDetail>(
      server,
      'GET',
      '/api/agents/00000000-0000-4000-8000-000000000000/scheduled_batches',
    )
    expect(unknown.status).toBe(404)
    expect(unknown.body.detail).toMatch(/No Agent matches/)
  })

  it('keeps the agents apart', async () => {
    const first = await allBatches()
    const second = await allBatches(server, server.agentIds[1] as string)
    expect(second).toHaveLength(12)
    expect(second.map((batch) => batch.batchId)).not.toContain(first[0]?.batchId)
    const crossed = await call(
      server,
      'GET',
      `/api/agents/${server.agentIds[1]}/scheduled_batches/${first[0]?.batchId}`,
    )
    expect(crossed.status).toBe(404)
  })
})

describe('ultravox: one batch', () => {
  it('gets a listed batch by ID', async () => {
    const [batch] = await allBatches()
    const response = await call<ScheduledCallBatch>(server, 'GET', `${batchesPath}/${batch?.batchId}`)
    expect(response.status).toBe(200)
    expect(response.body).toEqual(batch)
  })

  it('answers 404 for an unknown or malformed batch ID', async () => {
    const unknown = await call<ErrorDetail>(
      server,
      'GET',
      `${batchesPath}/00000000-0000-4000-8000-000000000000`,
    )
    expect(unknown.status).toBe(404)
    expect(unknown.body.detail).toMatch(/No ScheduledCallBatch matches/)
    const malformed = await call<ErrorDetail>(server, 'GET', `${batchesPath}/batch-1`)
    expect(malformed.status).toBe(404)
    const uppercase = (await allBatches())[0]?.batchId.toUpperCase()
    expect((await call(server, 'GET', `${batchesPath}/${uppercase}`)).status).toBe(404)
  })
})

describe('ultravox: create, update, delete', () => {
  const calls = [
    { medium: { twilio: { outgoing: { to: '+14155550111', from: '+14155550100' } } }, metadata: { id: 'a' } },
    { templateContext: { name: 'Bo' } },
  ]

  it('creates a batch (201) that is listed first and fetched', async () => {
    const created = await call<ScheduledCallBatch>(server, 'POST', batchesPath, {
      body: {
        calls,
        windowStart: '2026-05-20T09:00:00Z',
        windowEnd: '2026-05-20T17:00:00Z',
        batchId: 'ignored',
      },
    })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ totalCount: 2, completedCount: 0, endedAt: null, paused: false })
    expect(created.body.batchId).not.toBe('ignored')
    expect(created.body.created).toBe(clock.now().toISOString())
    const listed = await allBatches()
    expect(listed).toHaveLength(13)
    expect(listed[0]).toEqual(created.body)
    const fetched = await call<ScheduledCallBatch>(server, 'GET', `${batchesPath}/${created.body.batchId}`)
    expect(fetched.body).toEqual(created.body)
    const scheduled = await call<PaginatedScheduledCallList>(
      server,
      'GET',
      `${batchesPath}/${created.body.batchId}/scheduled_calls`,
    )
    expect(scheduled.body.total).toBe(2)
    expect(scheduled.body.results.map((item) => item.status)).toEqual(['FUTURE', 'FUTURE'])
    expect(scheduled.body.results[0]?.metadata).toEqual({ id: 'a' })
  })

  it.each([
    ['no calls', {}, 'calls'],
    ['empty calls', { calls: [] }, 'calls'],
    ['a call that is not an object', { calls: [1] }, 'calls'],
    ['metadata that is not strings', { calls: [{ metadata: { n: 1 } }] }, 'calls'],
    ['a bad windowStart', { calls, windowStart: 'tomorrow' }, 'windowStart'],
    [
      'a window too small',
      { calls, windowStart: '2026-05-20T09:00:00Z', windowEnd: '2026-05-20T08:00:00Z' },
      'windowEnd',
    ],
    ['a window in the past', { calls, windowEnd: '2020-01-01T00:00:00Z' }, 'windowEnd'],
    ['a webhookUrl too long', { calls, webhookUrl: `https://example.com/${'x'.repeat(200)}` }, 'webhookUrl'],
    ['paused that is not a boolean', { calls, paused: 'yes' }, 'paused'],
  ])('refuses a create with %s (400, field errors)', async (_name, body, field) => {
    const response = await call<ValidationErrors>(server, 'POST', batchesPath, { body })
    expect(response.status).toBe(400)
    expect(Object.keys(response.body)).toContain(field)
  })

  it('refuses malformed JSON with 400', async () => {
    const response = await call<ErrorDetail>(server, 'POST', batchesPath, { rawBody: '{"calls": [' })
    expect(response.status).toBe(400)
    expect(response.body.detail).toMatch(/JSON parse error/)
  })

  it('pauses and resumes with PATCH {paused}', async () => {
    const running = (await allBatches()).find(
      (batch) => stateOf(batch, clock.now()) === 'running',
    ) as ScheduledCallBatch
    const paused = await call<ScheduledCallBatch>(server, 'PATCH', `${batchesPath}/${running.batchId}`, {
      body: { paused: true },
    })
    expect(paused.status).toBe(200)
    expect(paused.body).toEqual({ ...running, paused: true })
    const fetched = await call<ScheduledCallBatch>(server, 'GET', `${batchesPath}/${running.batchId}`)
    expect(fetched.body.paused).toBe(true)
    const resumed = await call<ScheduledCallBatch>(server, 'PATCH', `${batchesPath}/${running.batchId}`, {
      body: { paused: false },
    })
    expect(resumed.body).toEqual(running)
  })

  it('refuses a PATCH with invalid fields or calls (400) and unknown batches (404)', async () => {
    const [batch] = await allBatches()
    const path = `${batchesPath}/${batch?.batchId}`
    expect((await call(server, 'PATCH', path, { body: { paused: 'no' } })).status).toBe(400)
    const withCalls = await call<ValidationErrors>(server, 'PATCH', path, { body: { calls } })
    expect(withCalls.status).toBe(400)
    expect(withCalls.body).toHaveProperty('calls')
    expect(
      (await call(server, 'PATCH', `${batchesPath}/00000000-0000-4000-8000-000000000000`, { body: {} }))
        .status,
    ).toBe(404)
  })

  it('deletes a batch (204, no body); it is then gone', async () => {
    const before = await allBatches()
    const victim = before[3] as ScheduledCallBatch
    const deleted = await call(server, 'DELETE', `${batchesPath}/${victim.batchId}`)
    expect(deleted.status).toBe(204)
    expect(deleted.text).toBe('')
    expect((await call(server, 'GET', `${batchesPath}/${victim.batchId}`)).status).toBe(404)
    expect((await call(server, 'DELETE', `${batchesPath}/${victim.batchId}`)).status).toBe(404)
    const after = await allBatches()
    expect(after).toHaveLength(before.length - 1)
    expect(after.map((batch) => batch.batchId)).toEqual(
      before.filter((batch) => batch !== victim).map((batch) => batch.batchId),
    )
  })

  it('answers 405 for a method the path does not have', async () => {
    const response = await call<ErrorDetail>(server, 'PUT', batchesPath, { validate: false })
    expect(response.status).toBe(405)
    expect(response.body.detail).toMatch(/not allowed/)
  })
})

describe('ultravox: scheduled calls', () => {
  it('lists calls whose statuses add up to the batch counts', async () => {
    const batches = await allBatches()
    const statuses = new Set<ScheduledCallStatusEnum>()
    for (const batch of batches) {
      const page = await call<PaginatedScheduledCallList>(
        server,
        'GET',
        `${batchesPath}/${batch.batchId}/scheduled_calls`,
      )
      expect(page.body.total).toBe(batch.totalCount)
      const done = page.body.results.filter((item) => item.status === 'SUCCESS' || item.status === 'ERROR')
      expect(done).toHaveLength(batch.completedCount)
      for (const item of page.body.results) {
        statuses.add(item.status)
        expect(item.batchId).toBe(batch.batchId)
        expect(item.callId === null).toBe(item.status !== 'SUCCESS')
        expect(item.error === null).toBe(item.status !== 'ERROR')
        expect(item).not.toHaveProperty('calls')
      }
      if (
        batch.endedAt === null &&
        batch.windowStart &&
        Date.parse(batch.windowStart) > clock.now().getTime()
      ) {
        expect(page.body.results.every((item) => item.status === 'FUTURE')).toBe(true)
      }
    }
    expect([...statuses].sort()).toEqual(['ERROR', 'EXPIRED', 'FUTURE', 'PENDING', 'SUCCESS'])
  })

  it('filters by status', async () => {
    const [batch] = (await allBatches()).filter((item) => item.endedAt !== null)
    const path = `${batchesPath}/${batch?.batchId}/scheduled_calls`
    let sum = 0
    for (const status of ['FUTURE', 'PENDING', 'SUCCESS', 'EXPIRED', 'ERROR']) {
      const page = await call<PaginatedScheduledCallList>(
        server,
        'GET',
        `${path}?status=${status}&pageSize=2`,
      )
      expect(page.body.results.every((item) => item.status === status)).toBe(true)
      if (page.body.next) expect(new URL(page.body.next).searchParams.get('status')).toBe(status)
      sum += page.body.total ?? 0
    }
    expect(sum).toBe(batch?.totalCount)
  })

  // Spec gap: the operation declares no 400; DRF's django-filter answers 400 for a bad choice.
  it('refuses an unknown status with 400 like django-filter', async () => {
    const [batch] = await allBatches()
    const response = await call<ValidationErrors>(
      server,
      'GET',
      `${batchesPath}/${batch?.batchId}/scheduled_calls?status=DONE`,
      { allowUndeclaredStatus: true },
    )
    expect(response.status).toBe(400)
    expect(response.body.status).toEqual(['Select a valid choice. DONE is not one of the available choices.'])
  })

  it('answers 404 for the calls of an unknown batch', async () => {
    const response = await call(
      server,
      'GET',
      `${batchesPath}/00000000-0000-4000-8000-000000000000/scheduled_calls`,
    )
    expect(response.status).toBe(404)
  })

  it('moves a scheduled batch on when the clock passes its window', async () => {
    const local = manualClock('2026-05-14T10:00:00.000Z')
    const scheduledServer = await startMockServer({ provider: 'ultravox', now: local.now })
    try {
      const agentId = scheduledServer.agentIds[0] as string
      const batches = await allBatches(scheduledServer, agentId)
      const scheduled = batches.find(
        (batch) => stateOf(batch, local.now()) === 'scheduled',
      ) as ScheduledCallBatch
      const path = `/api/agents/${agentId}/scheduled_batches/${scheduled.batchId}/scheduled_calls?status=PENDING`
      expect((await call<PaginatedScheduledCallList>(scheduledServer, 'GET', path)).body.total).toBe(0)
      local.advance(Date.parse(scheduled.windowStart as string) - local.now().getTime() + 1000)
      expect(stateOf(scheduled, local.now())).toBe('running')
      expect((await call<PaginatedScheduledCallList>(scheduledServer, 'GET', path)).body.total).toBe(1)
    } finally {
      await scheduledServer.close()
    }
  })
})

describe('ultravox: coverage', () => {
  it('exercised every operation of specs/ultravox.yaml', () => {
    expect(uncoveredOperations('ultravox')).toEqual([])
  })
})
