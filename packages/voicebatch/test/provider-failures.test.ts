import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  createVoiceBatch,
  InternalServerError,
  NotFoundError,
  type ProviderFailure,
  ProviderFailuresError,
  RequestAbortedError,
  TimeoutError,
  VoiceBatchError,
} from '../src/index.js'
import {
  BATCHES,
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

const failTruedy = () =>
  servers.truedy.inject({
    kind: 'status',
    status: 500,
    times: Number.POSITIVE_INFINITY,
    match: { path: '/batch-calls' },
  })

describe('one provider failing', () => {
  it('yields every other provider’s batches, then throws ProviderFailuresError naming it', async () => {
    failTruedy()
    const iterator = vb.listBatches()
    const seen: string[] = []
    let thrown: unknown
    try {
      for await (const batch of iterator) seen.push(batch.provider)
    } catch (error) {
      thrown = error
    }
    expect(seen).toHaveLength(2 * BATCHES + BATCHES)
    expect(seen).not.toContain('truedy')
    expect(ProviderFailuresError.isInstance(thrown)).toBe(true)
    expect(VoiceBatchError.isInstance(thrown)).toBe(true)
    const error = thrown as ProviderFailuresError
    expect(error.name).toBe('ProviderFailuresError')
    expect(error.failures).toHaveLength(1)
    expect(error.failures[0]?.provider).toBe('truedy')
    expect(error.failures[0]?.agentId).toBeNull()
    expect(InternalServerError.isInstance(error.failures[0]?.error)).toBe(true)
    expect(error.errors).toEqual([error.failures[0]?.error])
    expect(error.message).toMatch(
      /^1 provider failed to list batches; the batches of the others were listed\. truedy: 500 /,
    )
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({
      name: 'ProviderFailuresError',
      failures: [{ provider: 'truedy', agentId: null, error: { name: 'InternalServerError', status: 500 } }],
    })
    expect(iterator.failures).toEqual(error.failures)
    expect(JSON.stringify(error)).not.toContain(servers.truedy.apiKey)
  })

  it('with onError, hands each failure over and ends normally (toArray keeps the others)', async () => {
    failTruedy()
    servers.techladder.inject({ kind: 'status', status: 503, times: Number.POSITIVE_INFINITY })
    const onError = vi.fn<(failure: ProviderFailure) => void>()
    const iterator = vb.listBatches({ onError })
    const batches = await iterator.toArray()
    expect(batches).toHaveLength(2 * BATCHES)
    expect(batches.every((batch) => batch.provider === 'ultravox')).toBe(true)
    expect(onError.mock.calls.map(([failure]) => failure.provider).sort()).toEqual(['techladder', 'truedy'])
    expect(iterator.failures).toHaveLength(2)
    // Each iteration starts over: once the servers answer again, the failures are gone.
    servers.truedy.clearFaults()
    servers.techladder.clearFaults()
    expect(await iterator.toArray()).toHaveLength(4 * BATCHES)
    expect(iterator.failures).toEqual([])
  })

  it('names the Ultravox agent that failed and still lists the other agent', async () => {
    const [good, bad] = servers.ultravox.agentIds as [string, string]
    servers.ultravox.inject({
      kind: 'status',
      status: 404,
      times: Number.POSITIVE_INFINITY,
      match: { path: new RegExp(`/api/agents/${bad}/`) },
    })
    const failures: ProviderFailure[] = []
    const batches = await vb
      .listBatches({ providers: ['ultravox'], onError: (failure) => failures.push(failure) })
      .toArray()
    expect(batches).toHaveLength(BATCHES)
    expect(batches.every((batch) => batch.agentId === good)).toBe(true)
    expect(failures).toHaveLength(1)
    expect(failures[0]).toMatchObject({ provider: 'ultravox', agentId: bad })
    expect(NotFoundError.isInstance(failures[0]?.error)).toBe(true)
    const thrown = await vb
      .listBatches({ providers: ['ultravox'] })
      .toArray()
      .catch((error: unknown) => error)
    expect(String(thrown)).toContain(`ultravox (agent ${bad}): 404`)
  })

  it('failFast throws the provider’s own error at once', async () => {
    failTruedy()
    const error = await vb
      .listBatches({ failFast: true })
      .toArray()
      .catch((thrown: unknown) => thrown)
    expect(InternalServerError.isInstance(error)).toBe(true)
    expect((error as InternalServerError).provider).toBe('truedy')
    expect(ProviderFailuresError.isInstance(error)).toBe(false)
  })

  it('a hung provider times out and is reported while the others are listed', async () => {
    servers.truedy.inject({ kind: 'hang', times: Number.POSITIVE_INFINITY })
    const facade = createVoiceBatch({
      techladder: { baseUrl: servers.techladder.url, apiKey: servers.techladder.apiKey },
      truedy: { baseUrl: servers.truedy.url, apiKey: servers.truedy.apiKey, timeoutMs: 200, maxRetries: 0 },
    })
    const failures: ProviderFailure[] = []
    const batches = await facade.listBatches({ onError: (failure) => failures.push(failure) }).toArray()
    expect(batches).toHaveLength(BATCHES)
    expect(failures.map((failure) => failure.provider)).toEqual(['truedy'])
    expect(TimeoutError.isInstance(failures[0]?.error)).toBe(true)
  })

  it('the caller’s abort is thrown at once, not collected as a provider failure', async () => {
    servers.truedy.inject({ kind: 'hang', times: Number.POSITIVE_INFINITY })
    const controller = new AbortController()
    const onError = vi.fn()
    const iterator = vb.listBatches({ signal: controller.signal, onError })
    const started = Date.now()
    const error = await (async () => {
      try {
        for await (const _ of iterator) controller.abort()
      } catch (thrown) {
        return thrown
      }
    })()
    expect(RequestAbortedError.isInstance(error)).toBe(true)
    expect(onError).not.toHaveBeenCalled()
    expect(Date.now() - started).toBeLessThan(5_000)
  })
})
