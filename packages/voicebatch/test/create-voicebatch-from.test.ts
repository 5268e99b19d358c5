import { createTruedyClient } from '@voicebatch/truedy'
import { createUltravoxClient } from '@voicebatch/ultravox'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  ConfigurationError,
  createVoiceBatch,
  createVoiceBatchFrom,
  type Provider,
  techladderAdapter,
  truedyAdapter,
  ultravoxAdapter,
} from '../src/index.js'
import {
  BATCHES,
  CALLS_PER_BATCH,
  closeMockServers,
  type MockServers,
  requestsTo,
  resetMockServers,
  startMockServers,
} from './support/mock-servers.js'

let servers: MockServers

beforeAll(async () => {
  servers = await startMockServers()
})
afterAll(() => closeMockServers(servers))
beforeEach(() => resetMockServers(servers))

const options = (provider: Provider) => ({
  baseUrl: servers[provider].url,
  apiKey: servers[provider].apiKey,
  maxRetries: 0,
})

/** A batch without `raw`, which differs between two requests for the same batch. */
const fields = ({ raw: _raw, ...rest }: { raw: unknown }) => rest

describe('createVoiceBatchFrom with one adapter', () => {
  it('lists, reads and follows Truedy batches like createVoiceBatch does', async () => {
    const vb = createVoiceBatchFrom({ truedy: truedyAdapter(options('truedy')) })
    const same = createVoiceBatch({ truedy: options('truedy') })
    expect(vb.providers).toEqual(['truedy'])
    expect(Object.keys(vb).sort()).toEqual(Object.keys(same).sort())

    const batches = await vb.listBatches({ status: ['running', 'paused'] }).toArray()
    expect(batches.length).toBeGreaterThan(0)
    expect(batches.map(fields)).toEqual(
      (await same.listBatches({ status: ['running', 'paused'] }).toArray()).map(fields),
    )
    // The status filter still goes to the server.
    expect(new Set(requestsTo(servers.truedy, '/batch-calls').map((query) => query.status))).toEqual(
      new Set(['active', 'paused']),
    )

    const [first] = batches
    if (first === undefined) throw new Error('no truedy batch')
    expect(fields(await vb.getBatch({ provider: 'truedy', id: first.id }))).toEqual(fields(first))
    const calls = await vb.listCalls({ provider: 'truedy', batchId: first.id }).toArray()
    expect(calls).toHaveLength(CALLS_PER_BATCH)
    expect(calls.every((call) => call.provider === 'truedy' && call.batchId === first.id)).toBe(true)
  })

  it('has that provider’s client and no other', () => {
    const vb = createVoiceBatchFrom({ truedy: truedyAdapter(options('truedy')) })
    expect(vb.truedy.paginate).toBeTypeOf('function')
    expect('ultravox' in vb).toBe(false)
    expect('techladder' in vb).toBe(false)
    expect(Object.isFrozen(vb)).toBe(true)
  })

  it('takes a client already built, and uses it as vb.<provider>', async () => {
    const client = createTruedyClient(options('truedy'))
    const vb = createVoiceBatchFrom({ truedy: truedyAdapter(client) })
    expect(vb.truedy).toBe(client)
    expect(await vb.listBatches().toArray()).toHaveLength(BATCHES)

    const ultravox = createUltravoxClient(options('ultravox'))
    const agentIds = [...servers.ultravox.agentIds]
    const withAgents = createVoiceBatchFrom({ ultravox: ultravoxAdapter(ultravox, { agentIds }) })
    expect(withAgents.ultravox).toBe(ultravox)
    expect(await withAgents.listBatches().toArray()).toHaveLength(agentIds.length * BATCHES)
  })

  it('names createVoiceBatchFrom and the adapter when a provider is not configured', async () => {
    const vb = createVoiceBatchFrom({ truedy: truedyAdapter(options('truedy')) })
    expect(() => vb.listBatches({ providers: ['ultravox'] as never[] })).toThrow(
      /ultravox is not configured: pass \{ ultravox: ultravoxAdapter\(\) \} to createVoiceBatchFrom/,
    )
    await expect(vb.getBatch({ provider: 'techladder' as never, id: 'x' })).rejects.toThrow(
      ConfigurationError,
    )
    expect(() => vb.listCalls({ provider: 'ultravox' as never, batchId: 'x' })).toThrow(ConfigurationError)
    expect(servers.truedy.requests).toHaveLength(0)
  })
})

describe('createVoiceBatchFrom with two adapters', () => {
  it('merges both providers, each in its own order, as createVoiceBatch does', async () => {
    const agentIds = [...servers.ultravox.agentIds]
    const vb = createVoiceBatchFrom({
      ultravox: ultravoxAdapter({ ...options('ultravox'), agentIds }),
      techladder: techladderAdapter(options('techladder')),
    })
    const same = createVoiceBatch({
      ultravox: { ...options('ultravox'), agentIds },
      techladder: options('techladder'),
    })
    expect(vb.providers).toEqual(['ultravox', 'techladder'])
    expect('truedy' in vb).toBe(false)

    const batches = await vb.listBatches({ pageSize: 5 }).toArray()
    expect(batches).toHaveLength(agentIds.length * BATCHES + BATCHES)
    const ordered = (list: typeof batches, provider: Provider) =>
      list.filter((batch) => batch.provider === provider).map((batch) => `${batch.agentId}:${batch.id}`)
    const expected = await same.listBatches({ pageSize: 5 }).toArray()
    for (const provider of ['ultravox', 'techladder'] as const) {
      expect(ordered(batches, provider)).toEqual(ordered(expected, provider))
    }

    const agentId = agentIds[0] as string
    const [ultravoxBatch] = await vb.listBatches({ providers: ['ultravox'], agentId }).toArray({ limit: 1 })
    if (ultravoxBatch === undefined) throw new Error('no ultravox batch')
    const fetched = await vb.getBatch({ provider: 'ultravox', id: ultravoxBatch.id, agentId })
    expect(fields(fetched)).toEqual(fields(ultravoxBatch))
    const calls = await vb.listCalls({ provider: 'ultravox', batchId: ultravoxBatch.id, agentId }).toArray()
    expect(calls).toHaveLength(CALLS_PER_BATCH)
  })
})

describe('createVoiceBatchFrom checks what it is given', () => {
  it('rejects an adapter under another provider’s name, an unknown name, and a non-object', () => {
    const truedy = truedyAdapter(options('truedy'))
    expect(() => createVoiceBatchFrom({ ultravox: truedy as never })).toThrow(
      /\{ ultravox \} must be ultravoxAdapter/,
    )
    expect(() => createVoiceBatchFrom({ ultravox: options('ultravox') as never })).toThrow(ConfigurationError)
    expect(() => createVoiceBatchFrom({ vapi: truedy } as never)).toThrow(/Unknown provider "vapi"/)
    expect(() => createVoiceBatchFrom(null as never)).toThrow(ConfigurationError)
    expect(createVoiceBatchFrom({ truedy: undefined }).providers).toEqual([])
  })

  it('adapters create their client at once: a missing key throws from the adapter', () => {
    vi.stubEnv('TRUEDY_API_KEY', '')
    try {
      expect(() => truedyAdapter()).toThrow(/TRUEDY_API_KEY/)
      expect(() => ultravoxAdapter({ apiKey: 'k', agentIds: [''] })).toThrow(/agentIds/)
    } finally {
      vi.unstubAllEnvs()
    }
  })
})
