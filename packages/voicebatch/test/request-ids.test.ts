import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { normalizeBatch } from '../src/index.js'
import { closeMockServers, facadeFor, type MockServers, startMockServers } from './support/mock-servers.js'

let servers: MockServers
beforeAll(async () => {
  servers = await startMockServers()
})
afterAll(() => closeMockServers(servers))

describe('request ids on facade results', () => {
  it('tags each listed batch with the request id of the page it came from, non-enumerable', async () => {
    const vb = facadeFor(servers)
    const seen: string[] = []
    vb.truedy?.use({
      onResponse: ({ response }) => {
        const id = response.headers.get('x-request-id')
        if (id) seen.push(id)
      },
    })
    const batches = await vb.listBatches({ providers: ['truedy', 'techladder'] }).toArray()
    const truedy = batches.filter((batch) => batch.provider === 'truedy')
    const techladder = batches.filter((batch) => batch.provider === 'techladder')
    expect(truedy.length).toBeGreaterThan(0)
    for (const batch of truedy) {
      expect(batch.requestIds).toHaveLength(1)
      expect(seen).toContain(batch.requestIds?.[0])
      expect(Object.keys(batch)).not.toContain('requestIds')
      expect(JSON.stringify(batch)).not.toContain('requestIds')
    }
    // Techladder sends no request id header: present, empty.
    for (const batch of techladder) expect(batch.requestIds).toEqual([])
  })

  it('tags getBatch and listCalls results, whichever way the calls are read', async () => {
    const vb = facadeFor(servers)
    const [first] = await vb.listBatches({ providers: ['truedy'] }).toArray({ limit: 1 })
    if (first === undefined) throw new Error('no batch')
    const one = await vb.getBatch({ provider: 'truedy', id: first.id })
    expect(one.requestIds?.[0]).toMatch(/\S/)
    expect(one.requestIds).not.toEqual(first.requestIds)

    const calls = vb.listCalls({ provider: 'truedy', batchId: first.id })
    const iterated = []
    for await (const call of calls) iterated.push(call)
    const arrayed = await vb.listCalls({ provider: 'truedy', batchId: first.id }).toArray({ limit: 2 })
    expect(arrayed).toHaveLength(2)
    for (const call of [...iterated, ...arrayed]) expect(call.requestIds?.[0]).toMatch(/\S/)
  })

  it('leaves normalizeBatch results without request ids', async () => {
    const vb = facadeFor(servers)
    const [batch] = await vb.listBatches({ providers: ['truedy'] }).toArray({ limit: 1 })
    expect(normalizeBatch('truedy', batch?.raw as never).requestIds).toBeUndefined()
  })
})
