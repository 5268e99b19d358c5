import type { ClientOptions, FetchResult, PageIterator, PaginateOptions } from '@voicebatch/core'
import { createTechladderClient } from '@voicebatch/techladder'
import { type MockProvider, type MockServer, startMockServer } from '@voicebatch/testing'
import { createTruedyClient } from '@voicebatch/truedy'
import { createUltravoxClient } from '@voicebatch/ultravox'

/** What a behaviour test needs of a provider, so one test body serves all three. */
export interface ProviderCase {
  provider: MockProvider
  /** Matches the batch list's pathname, for fault matching. */
  listPath: RegExp
  /** The header that carries the key, lowercased, and its value for a key. */
  credentials(apiKey: string): [header: string, value: string]
  /** The whole batch list as one paginator. */
  listBatches(
    server: MockServer,
    options?: Partial<ClientOptions>,
    paginate?: PaginateOptions,
  ): PageIterator<unknown>
  /** The first page of batches through plain openapi-fetch. */
  getFirstPage(server: MockServer, options?: Partial<ClientOptions>): Promise<FetchResult<unknown>>
  /** One plain GET through `unwrap`, which throws the typed error. */
  unwrapFirstPage(server: MockServer, options?: Partial<ClientOptions>): Promise<unknown>
}

const connect = (server: MockServer, options: Partial<ClientOptions> = {}) => ({
  baseUrl: server.url,
  apiKey: server.apiKey,
  ...options,
})

export const providerCases: ProviderCase[] = [
  {
    provider: 'ultravox',
    listPath: /\/scheduled_batches$/,
    credentials: (apiKey) => ['x-api-key', apiKey],
    listBatches: (server, options, paginate) =>
      createUltravoxClient(connect(server, options)).paginate(
        '/api/agents/{agent_id}/scheduled_batches',
        { params: { path: { agent_id: server.agentIds[0] ?? '' } } },
        paginate,
      ),
    getFirstPage: (server, options) =>
      createUltravoxClient(connect(server, options)).GET('/api/agents/{agent_id}/scheduled_batches', {
        params: { path: { agent_id: server.agentIds[0] ?? '' } },
      }),
    unwrapFirstPage(server, options) {
      const client = createUltravoxClient(connect(server, options))
      return client.unwrap(
        client.GET('/api/agents/{agent_id}/scheduled_batches', {
          params: { path: { agent_id: server.agentIds[0] ?? '' } },
        }),
      )
    },
  },
  {
    provider: 'techladder',
    listPath: /\/call-batches$/,
    credentials: (apiKey) => ['authorization', `Bearer ${apiKey}`],
    listBatches: (server, options, paginate) =>
      createTechladderClient(connect(server, options)).paginate('/call-batches', {}, paginate),
    getFirstPage: (server, options) => createTechladderClient(connect(server, options)).GET('/call-batches'),
    unwrapFirstPage(server, options) {
      const client = createTechladderClient(connect(server, options))
      return client.unwrap(client.GET('/call-batches'))
    },
  },
  {
    provider: 'truedy',
    listPath: /\/batch-calls$/,
    credentials: (apiKey) => ['authorization', `Bearer ${apiKey}`],
    listBatches: (server, options, paginate) =>
      createTruedyClient(connect(server, options)).paginate('/batch-calls', {}, paginate),
    getFirstPage: (server, options) => createTruedyClient(connect(server, options)).GET('/batch-calls'),
    unwrapFirstPage(server, options) {
      const client = createTruedyClient(connect(server, options))
      return client.unwrap(client.GET('/batch-calls'))
    },
  },
]

/** Starts a mock server for each provider case and closes it after the suite. */
export async function withServer(provider: MockProvider, batches = 12): Promise<MockServer> {
  return startMockServer({ provider, batches })
}
