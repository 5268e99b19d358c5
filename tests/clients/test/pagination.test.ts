import type { MockServer } from '@voicebatch/testing'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { providerCases, withServer } from './provider-cases.js'

const BATCHES = 23

describe.each(providerCases)('$provider pagination', (providerCase) => {
  let server: MockServer
  beforeAll(async () => {
    server = await withServer(providerCase.provider, BATCHES)
  })
  afterAll(() => server.close())
  beforeEach(() => server.reset())

  const pageRequests = () => server.requests.filter((request) => request.method === 'GET').length

  test('walks every page and yields every item exactly once', async () => {
    const items = await providerCase.listBatches(server, {}, { pageSize: 5 }).toArray()
    expect(items).toHaveLength(BATCHES)
    expect(new Set(items.map((item) => JSON.stringify(item))).size).toBe(BATCHES)
    expect(pageRequests()).toBe(5)
  })

  test('pages() yields pages with their responses', async () => {
    const sizes: number[] = []
    for await (const page of providerCase.listBatches(server, {}, { pageSize: 10 }).pages()) {
      expect(page.response.status).toBe(200)
      sizes.push(page.items.length)
    }
    expect(sizes).toEqual([10, 10, 3])
  })

  test('limit stops without requesting pages it does not need', async () => {
    const items = await providerCase.listBatches(server, {}, { pageSize: 5, limit: 7 }).toArray()
    expect(items).toHaveLength(7)
    expect(pageRequests()).toBe(2)
  })

  test('an early break makes no further request', async () => {
    let seen = 0
    for await (const _ of providerCase.listBatches(server, {}, { pageSize: 5 })) {
      seen += 1
      if (seen === 3) break
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(pageRequests()).toBe(1)
  })

  test('concurrency keeps the order of a sequential walk', async () => {
    const sequential = await providerCase.listBatches(server, {}, { pageSize: 4 }).toArray()
    server.reset()
    // Pages 2 and 4 answer late, so a page-ordered iterator must hold page 3 back.
    const match = { path: providerCase.listPath }
    server.inject(
      { kind: 'delay', ms: 1, match },
      { kind: 'delay', ms: 120, match },
      { kind: 'delay', ms: 1, match },
      { kind: 'delay', ms: 60, match },
    )
    const concurrent = await providerCase.listBatches(server, {}, { pageSize: 4, concurrency: 4 }).toArray()
    expect(concurrent).toEqual(sequential)
  })
})
