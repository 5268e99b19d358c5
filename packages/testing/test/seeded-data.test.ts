import type { CallBatchListEnvelope } from '@voicebatch/techladder-types'
import type { BatchCallContactListResponse, BatchCallListResponse } from '@voicebatch/truedy-types'
import type { PaginatedScheduledCallBatchList } from '@voicebatch/ultravox-types'
import { describe, expect, it } from 'vitest'
import { type MockProvider, type MockServerOptions, startMockServer } from '../src/index.js'
import { scramble32, unscramble32 } from '../src/internal/deterministic.js'
import { LazyCollection, segmentedView, slice } from '../src/internal/lazy-list.js'
import { iso } from '../src/providers/shared/provider-settings.js'
import { call } from './helpers.js'

const fixedNow = () => new Date('2026-05-14T10:00:00.000Z')

async function firstPage(options: MockServerOptions): Promise<unknown> {
  const server = await startMockServer(options)
  try {
    const path =
      server.provider === 'ultravox'
        ? `/api/agents/${server.agentIds[0]}/scheduled_batches`
        : server.provider === 'techladder'
          ? '/call-batches'
          : '/batch-calls'
    const body = (await call<Record<string, unknown>>(server, 'GET', path)).body
    // Truedy's meta carries a per-response request ID; the data is what must repeat.
    return server.provider === 'truedy' ? body.data : body
  } finally {
    await server.close()
  }
}

describe('deterministic data', () => {
  it.each(['ultravox', 'techladder', 'truedy'] as MockProvider[])(
    '%s: the same seed gives the same data',
    async (provider) => {
      const first = await firstPage({ provider, now: fixedNow })
      const second = await firstPage({ provider, now: fixedNow })
      const ultravoxNext = (page: unknown) => (page as PaginatedScheduledCallBatchList).next
      if (provider === 'ultravox') expect(ultravoxNext(first)).toBeNull()
      expect(second).toEqual(first)
      const other = await firstPage({ provider, now: fixedNow, seed: 2 })
      expect(other).not.toEqual(first)
    },
  )
})

describe('100,000 seeded batches', () => {
  it('ultravox: walks all of them in pages of 1000, every page valid', async () => {
    const server = await startMockServer({
      provider: 'ultravox',
      batches: 100_000,
      agentIds: ['3c90c3cc-0d44-4b50-8888-8dd25736052a'],
    })
    try {
      const ids = new Set<string>()
      let next: string | null = `/api/agents/${server.agentIds[0]}/scheduled_batches?pageSize=1000`
      let pages = 0
      while (next) {
        const page: { body: PaginatedScheduledCallBatchList } = await call<PaginatedScheduledCallBatchList>(
          server,
          'GET',
          next,
        )
        for (const batch of page.body.results) ids.add(batch.batchId)
        expect(page.body.total).toBe(100_000)
        next = page.body.next ?? null
        pages += 1
      }
      expect(pages).toBe(100)
      expect(ids.size).toBe(100_000)
    } finally {
      await server.close()
    }
  })

  it('techladder: filtered counts are exact at the far end', async () => {
    const server = await startMockServer({ provider: 'techladder', batches: 100_000 })
    try {
      const failed = await call<CallBatchListEnvelope>(
        server,
        'GET',
        '/call-batches?status=failed&limit=100&page=100',
      )
      expect(failed.body.data.total).toBe(10_000) // one in every ten seeded batches
      expect(failed.body.data.items).toHaveLength(100)
      expect(failed.body.data.has_more).toBe(false)
      expect(failed.body.data.items.every((item) => item.status === 'failed')).toBe(true)
      const totalOf = async (query: string) =>
        (await call<CallBatchListEnvelope>(server, 'GET', `/call-batches?limit=1&${query}`)).body.data.total
      const agentTotals = await Promise.all(server.agentIds.map((agent) => totalOf(`agent_id=${agent}`)))
      expect(agentTotals.reduce((sum, total) => sum + total, 0)).toBe(100_000)
      const agent = server.agentIds[2] as string
      const statusTotals = await Promise.all(
        ['pending', 'active', 'completed', 'failed', 'cancelled'].map((status) =>
          totalOf(`agent_id=${agent}&status=${status}`),
        ),
      )
      expect(statusTotals.reduce((sum, total) => sum + total, 0)).toBe(agentTotals[2])
      const completed = statusTotals[2] as number
      const lastPage = Math.ceil(completed / 100)
      const byAgent = await call<CallBatchListEnvelope>(
        server,
        'GET',
        `/call-batches?agent_id=${agent}&status=completed&limit=100&page=${lastPage}`,
      )
      expect(byAgent.body.data.items).toHaveLength(completed - (lastPage - 1) * 100)
      expect(byAgent.body.data.has_more).toBe(false)
      expect(
        byAgent.body.data.items.every((item) => item.agent_id === agent && item.status === 'completed'),
      ).toBe(true)
    } finally {
      await server.close()
    }
  })

  it('truedy: 100,000 contacts in one batch, the last page is consistent', async () => {
    const server = await startMockServer({ provider: 'truedy', batches: 3, callsPerBatch: 100_000 })
    try {
      const [batch] = (await call<BatchCallListResponse>(server, 'GET', '/batch-calls?status=completed')).body
        .data
      const last = await call<BatchCallContactListResponse>(
        server,
        'GET',
        `/batch-calls/${batch?.id}/contacts?offset=99950&limit=100`,
      )
      expect(last.body.data).toHaveLength(50)
      expect(last.body.pagination).toEqual({ total: 100_000, limit: 100, offset: 99_950, has_more: false })
      const voicemail = await call<BatchCallContactListResponse>(
        server,
        'GET',
        `/batch-calls/${batch?.id}/contacts?status=voicemail&limit=1`,
      )
      expect(voicemail.body.pagination?.total).toBe(batch?.voicemail_contacts)
    } finally {
      await server.close()
    }
  })
})

describe('LazyCollection', () => {
  interface Item {
    readonly index: number
    readonly colour: string
    readonly edited?: boolean
  }
  const colours = ['red', 'green', 'blue', 'red', 'green']
  const generate = (index: number): Item => ({ index, colour: colours[index % colours.length] as string })

  it('finds the k-th kept item like a brute-force filter, across edits, deletions and creations', () => {
    const baseCount = 257
    const collection = new LazyCollection<Item>({ baseCount, period: colours.length, generate })
    // Brute force: the seeded items as an array, edited alongside the collection.
    const seeded: (Item | undefined)[] = Array.from({ length: baseCount }, (_, index) => generate(index))
    const created: Item[] = []
    let state = 7
    const nextRandom = () => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0
      return state >>> 8
    }
    for (let step = 0; step < 80; step++) {
      const index = nextRandom() % baseCount
      const action = nextRandom() % 3
      if (action === 0) {
        collection.deleteSeeded(index)
        seeded[index] = undefined
      } else if (action === 1) {
        const item = { index, colour: colours[nextRandom() % 3] as string, edited: true }
        collection.replaceSeeded(index, item)
        seeded[index] = item
      } else {
        const item = { index: -step, colour: colours[nextRandom() % 3] as string }
        collection.putCreated(`new-${step}`, item)
        created.unshift(item)
      }
    }
    const everything = [...created, ...seeded.filter((item) => item !== undefined)]
    expect(created.length).toBeGreaterThan(5)
    expect(seeded.filter((item) => item === undefined).length).toBeGreaterThan(5)
    for (const colour of [undefined, 'red', 'green', 'blue']) {
      const keep = colour === undefined ? undefined : (item: Item) => item.colour === colour
      const view = collection.view(keep)
      const expected = keep ? everything.filter(keep) : everything
      expect(view.total).toBe(expected.length)
      expect(slice(view, 0, view.total)).toEqual(expected)
    }
  })

  it('segmentedView skips runs that are filtered out', () => {
    const view = segmentedView(
      [
        { value: 'a', count: 2 },
        { value: 'b', count: 0 },
        { value: 'c', count: 3 },
      ],
      (index, value) => `${value}${index}`,
      (value) => value !== 'a',
    )
    expect(view.total).toBe(3)
    expect(slice(view, 0, 10)).toEqual(['c2', 'c3', 'c4'])
    expect(() => view.at(3)).toThrow(RangeError)
  })

  it('scramble32 is a bijection that unscramble32 undoes', () => {
    const outputs = new Set<number>()
    for (let value = 0; value < 5000; value++) {
      const scrambled = scramble32(value, 42)
      outputs.add(scrambled)
      expect(unscramble32(scrambled, 42)).toBe(value)
    }
    expect(outputs.size).toBe(5000)
  })
})

describe('iso', () => {
  it('formats like Date.prototype.toISOString', () => {
    for (let time = 0; time < 4_102_444_800_000; time += 86_399_937 * 13) {
      expect(iso(time)).toBe(new Date(time).toISOString())
    }
  })
})
