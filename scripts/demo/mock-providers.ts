import { startMockServer } from '@voicebatch/testing'
import type { VoiceBatchConfig } from 'voicebatch'

export interface DemoProviders {
  config: VoiceBatchConfig
  describe: string
  close(): Promise<void>
}

/**
 * The three providers' loopback mock servers. Created batches dial on the real clock: calls of
 * 1.5 s on average, 4 at a time, 15% failing, so 30 contacts take about 12 s.
 */
export async function mockProviders(): Promise<DemoProviders> {
  const options = {
    batches: 10,
    callsPerBatch: 8,
    seed: 7,
    dialing: { callDurationMs: 1_500, concurrency: 4, failureRate: 0.15 },
  }
  const [ultravox, techladder, truedy] = await Promise.all([
    startMockServer({ provider: 'ultravox', ...options }),
    startMockServer({ provider: 'techladder', ...options }),
    // Also shows `running`, the status Truedy's own docs use for `active`.
    startMockServer({ provider: 'truedy', ...options, offSpecStatuses: true }),
  ])
  return {
    config: {
      ultravox: { baseUrl: ultravox.url, apiKey: ultravox.apiKey, agentIds: ultravox.agentIds.slice(0, 1) },
      techladder: { baseUrl: techladder.url, apiKey: techladder.apiKey },
      truedy: { baseUrl: truedy.url, apiKey: truedy.apiKey },
    },
    describe: `mock servers on ${[ultravox, techladder, truedy].map((server) => server.origin).join(', ')} (no API keys, loopback only)`,
    close: async () => {
      await Promise.all([ultravox.close(), techladder.close(), truedy.close()])
    },
  }
}
