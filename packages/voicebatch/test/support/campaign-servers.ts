import { type MockServer, startMockServer } from '@voicebatch/testing'
import { afterAll, beforeAll, beforeEach } from 'vitest'
import { createVoiceBatch, type Provider } from '../../src/index.js'
import { abortedError, type WatchClock } from '../../src/watch-clock.js'
import { closeMockServers, type MockServers, resetMockServers } from './mock-servers.js'

/** One clock for the servers and the watchers: sleeping moves it, so batches dial while a watcher waits. */
export interface FakeClock extends WatchClock {
  time: number
  /** Every wait a watcher asked for, in ms. */
  readonly sleeps: number[]
  advance(ms: number): void
}

export function fakeClock(start = '2026-06-01T09:00:00.000Z'): FakeClock {
  const clock: FakeClock = {
    time: Date.parse(start),
    sleeps: [],
    now: () => clock.time,
    advance: (ms) => {
      clock.time += ms
    },
    async sleep(ms, signal) {
      if (signal?.aborted) throw abortedError(signal)
      clock.sleeps.push(ms)
      clock.time += ms
    },
  }
  return clock
}

/** Servers whose created batches dial with `clock`: calls of 10 s on average, 2 at a time, 20% failing. */
export async function startDialingServers(clock: FakeClock): Promise<MockServers> {
  const common = {
    batches: 3,
    callsPerBatch: 4,
    now: () => new Date(clock.time),
    dialing: { callDurationMs: 10_000, concurrency: 2, failureRate: 0.2 },
  }
  const [ultravox, techladder, truedy] = await Promise.all([
    startMockServer({ provider: 'ultravox', ...common }),
    startMockServer({ provider: 'techladder', ...common }),
    startMockServer({ provider: 'truedy', ...common }),
  ])
  return { ultravox, techladder, truedy }
}

/** A facade over the servers with `maxRetries` per client (default 0: an injected fault shows at once). */
export function campaignFacade(servers: MockServers, maxRetries = 0) {
  const options = (provider: Provider) => ({
    baseUrl: servers[provider].url,
    apiKey: servers[provider].apiKey,
    maxRetries,
  })
  return createVoiceBatch({
    ultravox: { ...options('ultravox'), agentIds: [servers.ultravox.agentIds[0] as string] },
    techladder: options('techladder'),
    truedy: options('truedy'),
  })
}

export const contacts = (count: number) =>
  Array.from({ length: count }, (_, index) => ({
    phone: `+1415555${String(1000 + index)}`,
    name: `Ada Lovelace ${index + 1}`,
    externalId: `C${index + 1}`,
    variables: { plan: index % 2 === 0 ? 'pro' : 'basic' },
  }))

/** A create input per provider, with the options each needs. */
export function createInputs(count = 4) {
  return {
    ultravox: {
      provider: 'ultravox' as const,
      name: 'Renewals',
      contacts: contacts(count),
      options: { medium: 'twilio' as const, fromNumber: '+14155550100' },
    },
    techladder: {
      provider: 'techladder' as const,
      agentId: 'agt-57949b14',
      name: 'Renewals',
      contacts: contacts(count),
      options: { versionId: 'pmt-667ddf271b', voice: 'Aria (en-IN)', concurrency: 2 },
    },
    truedy: {
      provider: 'truedy' as const,
      agentId: 'agt_f9447372',
      name: 'Renewals',
      contacts: contacts(count),
      options: { phoneNumberIds: ['num_1'], workingDays: [1, 2, 3, 4, 5] as (1 | 2 | 3 | 4 | 5)[] },
    },
  }
}

export function posts(server: MockServer) {
  return server.requests.filter((request) => request.method !== 'GET')
}

/**
 * Starts the dialing servers and their clock for a test file, hands them to `use`, resets them
 * before each test (data, request log, recorded sleeps) and closes them after the file.
 */
export function useDialingServers(use: (started: { servers: MockServers; clock: FakeClock }) => void): void {
  let started: { servers: MockServers; clock: FakeClock } | undefined
  beforeAll(async () => {
    const clock = fakeClock()
    started = { servers: await startDialingServers(clock), clock }
    use(started)
  })
  afterAll(() => closeMockServers(started?.servers))
  beforeEach(() => {
    if (started === undefined) return
    resetMockServers(started.servers)
    started.clock.sleeps.length = 0
  })
}
