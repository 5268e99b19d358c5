import { techladderProvider } from '@voicebatch/techladder'
import { truedyProvider } from '@voicebatch/truedy'
import { ultravoxProvider } from '@voicebatch/ultravox'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { apiKeyVariable } from '../src/check-voicebatch-config.js'
import { ConfigurationError, createVoiceBatch, InvalidResponseError, type Provider } from '../src/index.js'
import {
  closeMockServers,
  type MockServers,
  resetMockServers,
  startMockServers,
} from './support/mock-servers.js'

let servers: MockServers

beforeAll(async () => {
  servers = await startMockServers()
})
afterAll(() => closeMockServers(servers))
beforeEach(() => resetMockServers(servers))
afterEach(() => {
  vi.unstubAllEnvs()
})

const options = (provider: Provider) => ({
  baseUrl: servers[provider].url,
  apiKey: servers[provider].apiKey,
  maxRetries: 0,
})
const sent = () => Object.values(servers).reduce((count, server) => count + server.requests.length, 0)

function configurationError(run: () => unknown): ConfigurationError {
  try {
    run()
  } catch (error) {
    if (ConfigurationError.isInstance(error)) return error
    throw error
  }
  throw new Error('expected a ConfigurationError')
}

describe('createVoiceBatch checks its config at creation', () => {
  it("names each provider's own environment variable", () => {
    expect(apiKeyVariable('ultravox')).toBe(ultravoxProvider.envVar)
    expect(apiKeyVariable('techladder')).toBe(techladderProvider.envVar)
    expect(apiKeyVariable('truedy')).toBe(truedyProvider.envVar)
  })

  it('a misspelled provider names itself and the accepted ones', () => {
    const error = configurationError(() => createVoiceBatch({ truedi: options('truedy') } as never))
    expect(error.message).toBe(
      'Unknown option "truedi" for createVoiceBatch: accepted options are ultravox, techladder, truedy.',
    )
    expect(error.message).not.toContain(servers.truedy.apiKey)
    expect(sent()).toBe(0)
  })

  it('a misspelled provider option names the provider and the accepted options', () => {
    const error = configurationError(() =>
      createVoiceBatch({ truedy: { ...options('truedy'), maxRetry: 1 } as never }),
    )
    expect(error.message).toMatch(
      /^Unknown option "maxRetry" for createVoiceBatch\(\{ truedy \}\): accepted options are apiKey, /,
    )
    const ultravox = configurationError(() =>
      createVoiceBatch({ ultravox: { ...options('ultravox'), agentIDs: ['a'] } as never }),
    )
    expect(ultravox.message).toMatch(/"agentIDs".*, agentIds\.$/)
    expect(() =>
      createVoiceBatch({ ultravox: { ...options('ultravox'), agentIds: [...servers.ultravox.agentIds] } }),
    ).not.toThrow()
    expect(sent()).toBe(0)
  })

  it('a provider given something other than options is refused', () => {
    expect(
      configurationError(() => createVoiceBatch({ truedy: 'sk_live_123' } as never)).message,
    ).not.toContain('sk_live_123')
  })

  it("a missing key names the facade's own option and the variable", () => {
    vi.stubEnv('TRUEDY_API_KEY', '')
    const error = configurationError(() => createVoiceBatch({ truedy: { baseUrl: servers.truedy.url } }))
    expect(error.message).toBe(
      'Missing API key for truedy: pass createVoiceBatch({ truedy: { apiKey } }) or set TRUEDY_API_KEY.',
    )
  })

  it('a key from the environment with a trailing newline works', async () => {
    vi.stubEnv('TECHLADDER_API_KEY', `${servers.techladder.apiKey}\n`)
    const vb = createVoiceBatch({ techladder: { baseUrl: servers.techladder.url } })
    expect(await vb.listBatches().toArray({ limit: 1 })).toHaveLength(1)
  })
})

describe('getBatch of a 200 without a batch is an InvalidResponseError naming what is missing', () => {
  const vb = () =>
    createVoiceBatch({
      ultravox: { ...options('ultravox'), agentIds: [servers.ultravox.agentIds[0] ?? ''] },
      techladder: options('techladder'),
      truedy: options('truedy'),
    })
  it.each([
    ['ultravox', null, 'a JSON object'],
    ['ultravox', undefined, 'a JSON object'],
    ['ultravox', { name: 'no id' }, 'batchId'],
    ['techladder', null, 'a JSON object'],
    ['techladder', { data: 'abc' }, 'data (an object)'],
    ['techladder', { data: null, message: 'OK' }, 'data (an object)'],
    ['techladder', { data: { name: 'x' } }, 'data.schedule_id'],
    ['truedy', undefined, 'a JSON object'],
    ['truedy', { data: [] }, 'data (an object)'],
    ['truedy', { data: { id: '' } }, 'data.id'],
  ] as const)('%s answering %j', async (provider, body, missing) => {
    servers[provider].inject({ kind: 'status', status: 200, body })
    const error = await vb()
      .getBatch({ provider, id: 'b_1' })
      .catch((caught: unknown) => caught)
    expect(InvalidResponseError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({ provider, status: 200 })
    expect((error as Error).message).toContain(`without ${missing}`)
  })
})
