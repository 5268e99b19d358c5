import { randomUUID } from 'node:crypto'
import { inspect } from 'node:util'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  type CallBatch,
  ConfigurationError,
  callStatuses,
  createVoiceBatch,
  NotFoundError,
  type Provider,
} from '../src/index.js'
import {
  CALLS_PER_BATCH,
  closeMockServers,
  facadeFor,
  type MockServers,
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

const providers: Provider[] = ['ultravox', 'techladder', 'truedy']

async function firstBatch(provider: Provider, status?: CallBatch['status']): Promise<CallBatch> {
  const [batch] = await vb
    .listBatches({ providers: [provider], ...(status ? { status } : {}) })
    .toArray({ limit: 1 })
  if (batch === undefined) throw new Error(`no ${provider} batch`)
  return batch
}

describe('getBatch', () => {
  it.each(providers)('%s: fetches one batch, normalized like the list', async (provider) => {
    const listed = await firstBatch(provider, 'running')
    const fetched = await vb.getBatch({ provider, id: listed.id, agentId: listed.agentId ?? undefined })
    const { raw: _listedRaw, ...listedFields } = listed
    const { raw, ...fetchedFields } = fetched
    expect(fetchedFields).toEqual(listedFields)
    expect(raw).not.toBe(listed.raw)
  })

  it('techladder: raw is the detail object', async () => {
    const listed = await firstBatch('techladder')
    const fetched = await vb.getBatch({ provider: 'techladder', id: listed.id })
    expect(fetched.raw).toHaveProperty('pending_contacts')
  })

  it.each<[Provider, string]>([
    ['ultravox', randomUUID()],
    ['techladder', 'sched_00000000'],
    ['truedy', 'batch_00000000'],
  ])('%s: a missing batch is the client’s NotFoundError', async (provider, id) => {
    const agentId = provider === 'ultravox' ? servers.ultravox.agentIds[0] : undefined
    const error = await vb.getBatch({ provider, id, agentId }).catch((thrown: unknown) => thrown)
    expect(NotFoundError.isInstance(error)).toBe(true)
    expect((error as NotFoundError).provider).toBe(provider)
  })

  it('ultravox: the agent defaults to the only configured one, and is required among several', async () => {
    const agentId = servers.ultravox.agentIds[0] as string
    const single = createVoiceBatch({
      ultravox: { baseUrl: servers.ultravox.url, apiKey: servers.ultravox.apiKey, agentIds: [agentId] },
    })
    const [listed] = await single.listBatches().toArray({ limit: 1 })
    expect((await single.getBatch({ provider: 'ultravox', id: listed?.id ?? '' })).agentId).toBe(agentId)
    await expect(vb.getBatch({ provider: 'ultravox', id: listed?.id ?? '' })).rejects.toThrow(
      /pass \{ agentId \}/,
    )
  })
})

describe('listCalls', () => {
  it.each(providers)('%s: every call of a batch, normalized, over several pages', async (provider) => {
    const batch = await firstBatch(provider, 'running')
    const pages = []
    for await (const page of vb
      .listCalls({ provider, batchId: batch.id, agentId: batch.agentId ?? undefined, pageSize: 2 })
      .pages()) {
      pages.push(page)
    }
    const calls = pages.flatMap((page) => page.items)
    expect(pages.length).toBe(Math.ceil(CALLS_PER_BATCH / 2))
    expect(calls).toHaveLength(CALLS_PER_BATCH)
    for (const call of calls) {
      expect(call.provider).toBe(provider)
      expect(call.batchId).toBe(batch.id)
      expect(callStatuses).toContain(call.status)
      expect(call.rawStatus).toEqual(expect.any(String))
      expect(call.id === null || typeof call.id === 'string').toBe(true)
    }
    // A running batch has calls done and calls waiting.
    expect(calls.some((call) => call.status === 'completed' || call.status === 'failed')).toBe(true)
    expect(calls.some((call) => call.status === 'queued' || call.status === 'in_progress')).toBe(true)
  })

  it('limit and the async iterator work like the clients’', async () => {
    const batch = await firstBatch('truedy')
    const calls = []
    for await (const call of vb.listCalls({ provider: 'truedy', batchId: batch.id, limit: 2 }))
      calls.push(call)
    expect(calls).toHaveLength(2)
  })
})

describe('configuration', () => {
  it('a provider that is not configured is a ConfigurationError at call time', async () => {
    const onlyTruedy = createVoiceBatch({
      truedy: { baseUrl: servers.truedy.url, apiKey: servers.truedy.apiKey },
    })
    expect(onlyTruedy.providers).toEqual(['truedy'])
    expect('ultravox' in onlyTruedy).toBe(false)
    expect(() => onlyTruedy.listBatches({ providers: ['ultravox'] as never[] })).toThrow(ConfigurationError)
    expect(() => onlyTruedy.listBatches({ providers: ['ultravox'] as never[] })).toThrow(
      /ultravox is not configured: pass \{ ultravox: \{ apiKey \} \} to createVoiceBatch/,
    )
    await expect(onlyTruedy.getBatch({ provider: 'techladder' as never, id: 'x' })).rejects.toThrow(
      ConfigurationError,
    )
    expect(() => onlyTruedy.listCalls({ provider: 'ultravox' as never, batchId: 'x' })).toThrow(
      ConfigurationError,
    )
    expect(() => onlyTruedy.listBatches({ providers: ['vapi'] as never[] })).toThrow(
      /Unknown provider "vapi"/,
    )
    expect(servers.truedy.requests).toHaveLength(0)
  })

  it('Ultravox without agent IDs names the options to set; agentId per call works', async () => {
    const noAgents = createVoiceBatch({
      ultravox: { baseUrl: servers.ultravox.url, apiKey: servers.ultravox.apiKey },
    })
    expect(() => noAgents.listBatches()).toThrow(ConfigurationError)
    expect(() => noAgents.listBatches()).toThrow(/agentIds.*agentId/)
    const agentId = servers.ultravox.agentIds[0] as string
    expect(await noAgents.listBatches({ agentId }).toArray()).toHaveLength(12)
    await expect(noAgents.getBatch({ provider: 'ultravox', id: randomUUID() })).rejects.toThrow(
      ConfigurationError,
    )
  })

  it('a missing API key fails when the facade is created, naming the option and the variable', () => {
    vi.stubEnv('TRUEDY_API_KEY', '')
    try {
      expect(() => createVoiceBatch({ truedy: {} })).toThrow(ConfigurationError)
      expect(() => createVoiceBatch({ truedy: {} })).toThrow(/TRUEDY_API_KEY/)
    } finally {
      vi.unstubAllEnvs()
    }
  })

  it('invalid options are ConfigurationErrors before any request', () => {
    expect(() => vb.listBatches({ status: 'live' as never })).toThrow(/Invalid status "live"/)
    expect(() => vb.listBatches({ limit: -1 })).toThrow(ConfigurationError)
    expect(() => createVoiceBatch({ ultravox: { apiKey: 'k', agentIds: [''] } })).toThrow(ConfigurationError)
    expect(() => createVoiceBatch(null as never)).toThrow(ConfigurationError)
  })

  it('keeps API keys out of inspect and JSON output', () => {
    const shown = `${inspect(vb, { depth: 5 })} ${JSON.stringify(vb)}`
    expect(shown).toContain('truedy')
    for (const server of Object.values(servers)) expect(shown).not.toContain(server.apiKey)
  })

  it('an empty facade has nothing to list', () => {
    const empty = createVoiceBatch({})
    expect(empty.providers).toEqual([])
    expect(() => empty.listBatches()).toThrow(/No provider is configured/)
  })
})
