import { createTechladderClient } from '@voicebatch/techladder'
import { type MockServer, startMockServer } from '@voicebatch/testing'
import { createTruedyClient } from '@voicebatch/truedy'
import { createUltravoxClient } from '@voicebatch/ultravox'
import type { Route } from './route-fetch-to-mocks.ts'

export interface ExampleMocks {
  /** What every example process gets: the API keys the mocks accept, an agent, the fetch routes. */
  readonly env: Record<string, string>
  reset(): void
  close(): Promise<void>
}

/**
 * One mock server per provider, and the environment a user would have: `ULTRAVOX_API_KEY`,
 * `TECHLADDER_API_KEY`, `TRUEDY_API_KEY`, `ULTRAVOX_AGENT_ID(S)`; each client's default base URL
 * (its real API) routed to its mock.
 */
export async function startExampleMocks(): Promise<ExampleMocks> {
  const servers: MockServer[] = []
  try {
    for (const provider of ['ultravox', 'techladder', 'truedy'] as const)
      servers.push(await startMockServer({ provider }))
  } catch (error) {
    await Promise.all(servers.map((server) => server.close()))
    throw error
  }
  const [ultravox, techladder, truedy] = servers as [MockServer, MockServer, MockServer]
  const routes: Route[] = [
    { from: createUltravoxClient({ apiKey: 'unused' }).baseUrl, to: ultravox.url },
    { from: createTechladderClient({ apiKey: 'unused' }).baseUrl, to: techladder.url },
    { from: createTruedyClient({ apiKey: 'unused' }).baseUrl, to: truedy.url },
  ]
  return {
    env: {
      ULTRAVOX_API_KEY: ultravox.apiKey,
      TECHLADDER_API_KEY: techladder.apiKey,
      TRUEDY_API_KEY: truedy.apiKey,
      ULTRAVOX_AGENT_ID: ultravox.agentIds[0] ?? '',
      ULTRAVOX_AGENT_IDS: ultravox.agentIds.join(','),
      VOICEBATCH_EXAMPLE_ROUTES: JSON.stringify(routes),
    },
    reset: () => {
      for (const server of servers) server.reset()
    },
    close: async () => {
      await Promise.all(servers.map((server) => server.close()))
    },
  }
}
