import { startMockServer } from '@voicebatch/testing'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { type BatchStatus, type CallBatch, createVoiceBatch, type Provider } from '../src/index.js'
import {
  BATCHES,
  closeMockServers,
  facadeFor,
  type MockServers,
  requestsTo,
  resetMockServers,
  startMockServers,
} from './support/mock-servers.js'

let servers: MockServers
let vb: ReturnType<typeof facadeFor>

beforeAll(async () => {
  servers = await startMockServers()
  vb = facadeFor(servers)
})
afterAll(() => closeMockServers(servers))
beforeEach(() => resetMockServers(servers))

const ULTRAVOX_PATH = '/scheduled_batches'
const TECHLADDER_PATH = '/call-batches'
const TRUEDY_PATH = '/batch-calls'

/** Every raw batch, straight from each provider's client, in the provider's order. */
async function rawBatches() {
  const ultravox = []
  for (const agentId of servers.ultravox.agentIds) {
    const batches = await vb.ultravox
      .paginate('/api/agents/{agent_id}/scheduled_batches', { params: { path: { agent_id: agentId } } })
      .toArray()
    ultravox.push(...batches.map((batch) => ({ agentId, batch })))
  }
  const techladder = await vb.techladder.paginate('/call-batches').toArray()
  const truedy = await vb.truedy.paginate('/batch-calls').toArray()
  resetMockServers(servers)
  return { ultravox, techladder, truedy }
}

/** Ultravox's derived status, worked out here independently of the facade. */
function ultravoxState(batch: {
  paused?: boolean
  endedAt: string | null
  windowStart?: string | null
}): BatchStatus {
  if (batch.paused) return 'paused'
  if (batch.endedAt) return 'completed'
  if (batch.windowStart && Date.parse(batch.windowStart) > Date.now()) return 'scheduled'
  return 'running'
}

const byProvider = (batches: CallBatch[], provider: Provider) =>
  batches.filter((batch) => batch.provider === provider)

describe('listBatches across providers', () => {
  it('lists every batch of the three providers, each provider in its own order', async () => {
    const raw = await rawBatches()
    const batches = await vb.listBatches({ pageSize: 5 }).toArray()

    expect(batches).toHaveLength(servers.ultravox.agentIds.length * BATCHES + BATCHES + BATCHES)
    expect(byProvider(batches, 'ultravox')).toHaveLength(2 * BATCHES)
    expect(byProvider(batches, 'techladder')).toHaveLength(BATCHES)
    expect(byProvider(batches, 'truedy')).toHaveLength(BATCHES)
    expect(new Set(batches.map((batch) => `${batch.provider}:${batch.id}`)).size).toBe(batches.length)

    for (const agentId of servers.ultravox.agentIds) {
      expect(
        byProvider(batches, 'ultravox')
          .filter((batch) => batch.agentId === agentId)
          .map((batch) => batch.id),
      ).toEqual(raw.ultravox.filter((entry) => entry.agentId === agentId).map((entry) => entry.batch.batchId))
    }
    expect(byProvider(batches, 'techladder').map((batch) => batch.id)).toEqual(
      raw.techladder.map((batch) => batch.schedule_id),
    )
    expect(byProvider(batches, 'truedy').map((batch) => batch.id)).toEqual(
      raw.truedy.map((batch) => batch.id),
    )

    // pageSize reached every provider: 12 items in pages of 5 are 3 requests per list.
    expect(requestsTo(servers.ultravox, ULTRAVOX_PATH)).toHaveLength(6)
    expect(requestsTo(servers.techladder, TECHLADDER_PATH).map((query) => query.limit)).toEqual([
      '5',
      '5',
      '5',
    ])
    expect(requestsTo(servers.truedy, TRUEDY_PATH)).toHaveLength(3)
  })

  it('keeps each raw object and its typed fields', async () => {
    for await (const batch of vb.listBatches({ providers: ['truedy', 'ultravox'] })) {
      if (batch.provider === 'truedy') expect(batch.id).toBe(batch.raw.id)
      else expect(batch.id).toBe(batch.raw.batchId)
    }
  })

  it('starts every provider before the first batch comes out', async () => {
    const slow = await Promise.all(
      (['ultravox', 'techladder', 'truedy'] as const).map((provider) =>
        startMockServer({ provider, batches: 3, callsPerBatch: 1, latencyMs: 80 }),
      ),
    )
    try {
      const [ultravox, techladder, truedy] = slow as [(typeof slow)[0], (typeof slow)[0], (typeof slow)[0]]
      const facade = createVoiceBatch({
        ultravox: { baseUrl: ultravox.url, apiKey: ultravox.apiKey, agentIds: [...ultravox.agentIds] },
        techladder: { baseUrl: techladder.url, apiKey: techladder.apiKey },
        truedy: { baseUrl: truedy.url, apiKey: truedy.apiKey },
      })
      const started = performance.now()
      let firstAfter = 0
      let count = 0
      for await (const _ of facade.listBatches()) {
        if (count === 0) {
          firstAfter = performance.now() - started
          expect(slow.map((server) => server.requests.length)).toEqual([2, 1, 1])
        }
        count += 1
      }
      expect(count).toBe(2 * 3 + 3 + 3)
      expect(firstAfter).toBeGreaterThanOrEqual(70)
    } finally {
      await Promise.all(slow.map((server) => server.close()))
    }
  })

  it('pushes a status filter to Techladder and Truedy and filters Ultravox locally', async () => {
    const raw = await rawBatches()
    const batches = await vb.listBatches({ status: 'running' }).toArray()

    expect(batches.length).toBeGreaterThan(0)
    expect(batches.every((batch) => batch.status === 'running')).toBe(true)
    expect(byProvider(batches, 'ultravox')).toHaveLength(
      raw.ultravox.filter(({ batch }) => ultravoxState(batch) === 'running').length,
    )
    expect(byProvider(batches, 'techladder')).toHaveLength(
      raw.techladder.filter((batch) => batch.status === 'active').length,
    )
    const truedyRunning = raw.truedy.filter(
      (batch) => batch.status === 'active' || (batch.status as string) === 'running',
    )
    expect(byProvider(batches, 'truedy')).toHaveLength(truedyRunning.length)
    // The off-spec word is in the data and comes out as running, its word kept.
    expect(byProvider(batches, 'truedy').some((batch) => batch.rawStatus === 'running')).toBe(true)

    expect(requestsTo(servers.techladder, TECHLADDER_PATH).every((query) => query.status === 'active')).toBe(
      true,
    )
    expect(requestsTo(servers.truedy, TRUEDY_PATH).every((query) => query.status === 'active')).toBe(true)
    expect(requestsTo(servers.ultravox, ULTRAVOX_PATH).every((query) => query.status === undefined)).toBe(
      true,
    )
    expect(requestsTo(servers.ultravox, ULTRAVOX_PATH)).toHaveLength(2)
  })

  it('sends one filtered list per server status when several statuses are asked', async () => {
    const raw = await rawBatches()
    const statuses: BatchStatus[] = ['running', 'paused', 'scheduled']
    const batches = await vb.listBatches({ status: statuses }).toArray()

    expect(batches.every((batch) => statuses.includes(batch.status))).toBe(true)
    expect(byProvider(batches, 'techladder')).toHaveLength(
      raw.techladder.filter((batch) => batch.status === 'active' || batch.status === 'pending').length,
    )
    expect(byProvider(batches, 'truedy')).toHaveLength(
      raw.truedy.filter((batch) => ['active', 'running', 'paused', 'scheduled'].includes(batch.status))
        .length,
    )
    expect(byProvider(batches, 'ultravox')).toHaveLength(
      raw.ultravox.filter(({ batch }) => statuses.includes(ultravoxState(batch))).length,
    )
    // Techladder has no paused status: only pending and active are asked for.
    expect(new Set(requestsTo(servers.techladder, TECHLADDER_PATH).map((query) => query.status))).toEqual(
      new Set(['pending', 'active']),
    )
    expect(new Set(requestsTo(servers.truedy, TRUEDY_PATH).map((query) => query.status))).toEqual(
      new Set(['scheduled', 'active', 'paused']),
    )
  })

  it('asks no provider that cannot have the status, and nothing of the server for unknown', async () => {
    const drafts = await vb.listBatches({ status: 'draft' }).toArray()
    expect(drafts.length).toBeGreaterThan(0)
    expect(drafts.every((batch) => batch.provider === 'truedy' && batch.rawStatus === 'draft')).toBe(true)
    expect(servers.ultravox.requests).toHaveLength(0)
    expect(servers.techladder.requests).toHaveLength(0)
    expect(requestsTo(servers.truedy, TRUEDY_PATH).map((query) => query.status)).toEqual(['draft'])

    resetMockServers(servers)
    // Every seeded status is in the table, so nothing is unknown; the filter cannot be sent.
    expect(
      await vb.listBatches({ status: 'unknown', providers: ['techladder', 'truedy'] }).toArray(),
    ).toEqual([])
    expect(requestsTo(servers.techladder, TECHLADDER_PATH).every((query) => query.status === undefined)).toBe(
      true,
    )
    expect(requestsTo(servers.truedy, TRUEDY_PATH).every((query) => query.status === undefined)).toBe(true)
  })

  it('lists one Ultravox agent given per call, and sends agentId to Techladder', async () => {
    const agentId = servers.ultravox.agentIds[1] as string
    const ultravox = await vb.listBatches({ providers: ['ultravox'], agentId }).toArray()
    expect(ultravox).toHaveLength(BATCHES)
    expect(ultravox.every((batch) => batch.agentId === agentId)).toBe(true)
    expect(servers.ultravox.requests.every((request) => request.path.includes(agentId))).toBe(true)

    const techladderAgent = servers.techladder.agentIds[0] as string
    const techladder = await vb.listBatches({ providers: ['techladder'], agentId: techladderAgent }).toArray()
    expect(techladder.length).toBeGreaterThan(0)
    expect(techladder.every((batch) => batch.agentId === techladderAgent)).toBe(true)
    expect(
      requestsTo(servers.techladder, TECHLADDER_PATH).every((query) => query.agent_id === techladderAgent),
    ).toBe(true)
  })

  it('limit caps the merged stream; toArray takes its own limit', async () => {
    expect(await vb.listBatches({ limit: 7 }).toArray()).toHaveLength(7)
    expect(await vb.listBatches().toArray({ limit: 3 })).toHaveLength(3)
    expect(await vb.listBatches({ limit: 0 }).toArray()).toEqual([])
    expect(servers.truedy.requests.length + servers.techladder.requests.length).toBeLessThanOrEqual(4)
  })

  it('stops asking when the loop breaks', async () => {
    let seen = 0
    for await (const _ of vb.listBatches({ pageSize: 2 })) {
      seen += 1
      if (seen === 1) break
    }
    const sent = [servers.ultravox, servers.techladder, servers.truedy].map(
      (server) => server.requests.length,
    )
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(
      [servers.ultravox, servers.techladder, servers.truedy].map((server) => server.requests.length),
    ).toEqual(sent)
    // First pages only: two Ultravox agents, Techladder, Truedy, and at most one page after the one consumed.
    expect(sent.reduce((sum, count) => sum + count, 0)).toBeLessThanOrEqual(5)
  })

  it('pages() names the provider of each page and passes the server total through', async () => {
    const pages = []
    for await (const page of vb.listBatches({ pageSize: 5 }).pages()) pages.push(page)
    for (const page of pages) {
      expect(page.items.every((batch) => batch.provider === page.provider)).toBe(true)
      expect(page.response.ok).toBe(true)
      expect(page.total).toBe(BATCHES)
    }
    expect(pages.filter((page) => page.provider === 'ultravox').map((page) => page.agentId)).toContain(
      servers.ultravox.agentIds[1],
    )
    // A locally filtered list cannot know its total.
    for await (const page of vb.listBatches({ status: 'running', providers: ['ultravox'] }).pages()) {
      expect(page.total).toBeNull()
    }
  })
})
