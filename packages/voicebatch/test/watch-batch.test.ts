import type { MockServer } from '@voicebatch/testing'
import { afterEach, describe, expect, it } from 'vitest'
import {
  AuthenticationError,
  type BatchProgress,
  createVoiceBatch,
  RequestAbortedError,
} from '../src/index.js'
import {
  campaignFacade,
  createInputs,
  type FakeClock,
  useDialingServers,
} from './support/campaign-servers.js'
import type { MockServers } from './support/mock-servers.js'

let servers: MockServers
let clock: FakeClock
useDialingServers((started) => {
  ;({ servers, clock } = started)
})
afterEach(() => {
  for (const server of Object.values(servers)) server.clearFaults()
})

/** Watch options with the fake clock (a test-only option, not in the public type). */
const withClock = <T extends object>(options: T) => ({ ...options, clock }) as T

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = []
  for await (const item of iterable) items.push(item)
  return items
}

describe('watchBatch', () => {
  it.each(['ultravox', 'techladder', 'truedy'] as const)(
    '%s: a snapshot at once, one per change, ending after the terminal status',
    async (provider) => {
      const vb = campaignFacade(servers)
      const batch = await vb.createBatch(createInputs(6)[provider])
      const snapshots: BatchProgress[] = await collect(
        vb.watchBatch({ provider, id: batch.id }, withClock({ intervalMs: 2_000 })),
      )
      const [first] = snapshots
      const last = snapshots.at(-1) as BatchProgress
      expect(first?.changes).toContain('status')
      expect(first?.elapsedMs).toBe(0)
      expect(last).toMatchObject({ done: true, etaMs: 0, finishedCalls: 6 })
      expect(last.batch.status).toBe('completed')
      expect(snapshots.slice(1).every((snapshot) => snapshot.changes.length > 0)).toBe(true)
      const counts = snapshots.map((snapshot) => snapshot.finishedCalls ?? 0)
      expect(counts).toEqual([...counts].sort((a, b) => a - b))
      expect(snapshots.some((snapshot) => (snapshot.ratePerMinute ?? 0) > 0 && snapshot.etaMs !== null)).toBe(
        true,
      )
      expect(last.elapsedMs).toBe(clock.sleeps.reduce((sum, ms) => sum + ms, 0))
    },
  )

  it('backs off while nothing changes, up to maxIntervalMs', async () => {
    const vb = campaignFacade(servers)
    const batch = await vb.createBatch({ ...createInputs(2).truedy })
    await vb.pauseBatch({ provider: 'truedy', id: batch.id })
    const controller = new AbortController()
    let polls = 0
    const watching = (async () => {
      for await (const _ of vb.watchBatch(
        { provider: 'truedy', id: batch.id },
        withClock({ intervalMs: 1_000, maxIntervalMs: 5_000, signal: controller.signal }),
      )) {
        polls += 1
      }
    })()
    while (clock.sleeps.length < 8) await new Promise((resolve) => setImmediate(resolve))
    controller.abort()
    await expect(watching).rejects.toSatisfy(RequestAbortedError.isInstance)
    expect(polls).toBe(1)
    expect(clock.sleeps.slice(0, 8)).toEqual([1_000, 1_500, 2_250, 3_375, 5_000, 5_000, 5_000, 5_000])
  })

  it('waits as long as Retry-After says after a 429, then polls on', async () => {
    const vb = campaignFacade(servers)
    const batch = await vb.createBatch(createInputs(2).ultravox)
    servers.ultravox.inject({ kind: 'rate-limit', retryAfter: '30', match: { method: 'GET' } })
    const final = await vb.waitForBatch(
      { provider: 'ultravox', id: batch.id },
      withClock({ intervalMs: 1_000 }),
    )
    expect(final.status).toBe('completed')
    expect(clock.sleeps[0]).toBe(30_000)
  })

  it("waits for Techladder's rate-limit window to reset when X-RateLimit-Remaining is 0", async () => {
    const vb = campaignFacade(servers)
    const batch = await vb.createBatch(createInputs(2).techladder)
    const { data } = await vb.techladder.unwrap(
      vb.techladder.GET('/call-batches/{batch_id}', { params: { path: { batch_id: batch.id } } }),
    )
    const reset = Math.floor(clock.time / 1000) + 45
    servers.techladder.inject({
      kind: 'status',
      status: 200,
      body: { status_code: 200, message: 'ok', error: null, data },
      headers: {
        'x-ratelimit-limit': '300',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(reset),
      },
    })
    const watching = vb.watchBatch({ provider: 'techladder', id: batch.id }, withClock({ intervalMs: 1_000 }))
    await watching.next()
    await watching.next()
    await watching.return()
    expect(clock.sleeps[0]).toBe(reset * 1000 - (clock.time - clock.sleeps.reduce((a, b) => a + b, 0)))
    expect(clock.sleeps[0]).toBeGreaterThan(40_000)
  })

  it('rides out a transient 503 within the client retries', async () => {
    const vb = campaignFacade(servers, 2)
    const batch = await vb.createBatch(createInputs(2).truedy)
    servers.truedy.inject({
      kind: 'status',
      status: 503,
      headers: { 'retry-after': '0' },
      match: { method: 'GET' },
    })
    const final = await vb.waitForBatch(
      { provider: 'truedy', id: batch.id },
      withClock({ intervalMs: 1_000 }),
    )
    expect(final.status).toBe('completed')
  })

  it('throws a persistent error (401) instead of polling on', async () => {
    const vb = createVoiceBatch({ truedy: { baseUrl: servers.truedy.url, apiKey: 'wrong', maxRetries: 0 } })
    const watching = collect(vb.watchBatch({ provider: 'truedy', id: 'batch_00000000' }, withClock({})))
    await expect(watching).rejects.toSatisfy(AuthenticationError.isInstance)
    const good = campaignFacade(servers)
    const batch = await good.createBatch(createInputs(4).truedy)
    servers.truedy.inject({
      kind: 'status',
      status: 401,
      times: Number.POSITIVE_INFINITY,
      match: { method: 'GET' },
    })
    const snapshots: BatchProgress[] = []
    const failing = (async () => {
      for await (const snapshot of good.watchBatch({ provider: 'truedy', id: batch.id }, withClock({}))) {
        snapshots.push(snapshot)
      }
    })()
    await expect(failing).rejects.toSatisfy(AuthenticationError.isInstance)
    expect(snapshots).toEqual([])
  })

  it('stops within a tick when the signal aborts (real clock, long interval)', async () => {
    const vb = campaignFacade(servers)
    const batch = await vb.createBatch(createInputs(2).truedy)
    await vb.pauseBatch({ provider: 'truedy', id: batch.id })
    const controller = new AbortController()
    const started = Date.now()
    const watching = collect(
      vb.watchBatch({ provider: 'truedy', id: batch.id }, { intervalMs: 60_000, signal: controller.signal }),
    )
    setTimeout(() => controller.abort(), 50)
    await expect(watching).rejects.toSatisfy(RequestAbortedError.isInstance)
    expect(Date.now() - started).toBeLessThan(2_000)
  })
})

describe('watchBatches', () => {
  it('follows every batch with one list request per provider (per Ultravox agent) per interval', async () => {
    const vb = campaignFacade(servers)
    const created = await Promise.all(
      (['ultravox', 'techladder', 'truedy'] as const).flatMap((provider) =>
        [1, 2, 3].map(() => vb.createBatch(createInputs(3)[provider])),
      ),
    )
    for (const server of Object.values(servers)) server.requests.length = 0
    const controller = new AbortController()
    const last = new Map<string, BatchProgress>()
    let rounds = 0
    for await (const progress of vb.watchBatches(
      { status: ['running', 'scheduled'] },
      withClock({ intervalMs: 5_000, signal: controller.signal }),
    )) {
      last.set(`${progress.batch.provider}:${progress.batch.id}`, progress)
      rounds = clock.sleeps.length
      if (created.every((batch) => last.get(`${batch.provider}:${batch.id}`)?.done)) break
    }
    expect(rounds).toBeGreaterThan(2)
    for (const batch of created)
      expect(last.get(`${batch.provider}:${batch.id}`)?.batch.status).toBe('completed')
    const lists = (provider: keyof MockServers) =>
      servers[provider].requests.filter(
        (request) => request.method === 'GET' && /batch(es|-calls)$/.test(request.path),
      )
    // Techladder and Truedy are asked once per status value per round (`running` and `scheduled`).
    expect(lists('ultravox').length).toBeLessThanOrEqual(rounds + 1)
    expect(lists('techladder').length).toBeLessThanOrEqual(2 * (rounds + 1))
    expect(lists('truedy').length).toBeLessThanOrEqual(2 * (rounds + 1))
    // Single reads only for batches that left the list (each read once, to report its end).
    const reads = Object.values(servers).flatMap((server: MockServer) =>
      server.requests.filter(
        (request) => request.method === 'GET' && !/batch(es|-calls)$/.test(request.path),
      ),
    )
    expect(reads.length).toBeLessThanOrEqual(created.length)
  })
})
