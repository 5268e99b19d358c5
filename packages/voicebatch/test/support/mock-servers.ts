import { type MockServer, startMockServer } from '@voicebatch/testing'
import { createVoiceBatch, type Provider } from '../../src/index.js'

export const BATCHES = 12
export const CALLS_PER_BATCH = 5

export interface MockServers {
  ultravox: MockServer
  techladder: MockServer
  truedy: MockServer
}

/** One loopback server per provider; Truedy also sends its off-spec `running` status. */
export async function startMockServers(): Promise<MockServers> {
  const [ultravox, techladder, truedy] = await Promise.all([
    startMockServer({ provider: 'ultravox', batches: BATCHES, callsPerBatch: CALLS_PER_BATCH }),
    startMockServer({ provider: 'techladder', batches: BATCHES, callsPerBatch: CALLS_PER_BATCH }),
    startMockServer({
      provider: 'truedy',
      batches: BATCHES,
      callsPerBatch: CALLS_PER_BATCH,
      offSpecStatuses: true,
    }),
  ])
  return { ultravox, techladder, truedy }
}

export async function closeMockServers(servers: MockServers | undefined): Promise<void> {
  if (servers) await Promise.all(Object.values(servers).map((server) => server.close()))
}

export function resetMockServers(servers: MockServers): void {
  for (const server of Object.values(servers)) server.reset()
}

/** A facade over all three servers; no retries, so an injected failure shows at once. */
export function facadeFor(servers: MockServers) {
  const options = (provider: Provider) => ({
    baseUrl: servers[provider].url,
    apiKey: servers[provider].apiKey,
    maxRetries: 0,
  })
  return createVoiceBatch({
    ultravox: { ...options('ultravox'), agentIds: [...servers.ultravox.agentIds] },
    techladder: options('techladder'),
    truedy: options('truedy'),
  })
}

/** The requests a server received for a path (after its base path), with their query. */
export function requestsTo(server: MockServer, path: string): Array<Record<string, string>> {
  return server.requests.filter((request) => request.path.endsWith(path)).map((request) => request.query)
}
