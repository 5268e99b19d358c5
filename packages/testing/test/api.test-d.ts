import { describe, expectTypeOf, it } from 'vitest'
import {
  type Fault,
  type MockProvider,
  type MockServer,
  type MockServerOptions,
  mockApiKeys,
  type RequestLogEntry,
  type RequestRecorder,
  startMockServer,
  startRequestRecorder,
} from '../src/index.js'

describe('public API types', () => {
  it('starts servers and recorders', () => {
    expectTypeOf(startMockServer).parameter(0).toEqualTypeOf<MockServerOptions>()
    expectTypeOf(startMockServer).returns.toEqualTypeOf<Promise<MockServer>>()
    expectTypeOf(startRequestRecorder).returns.toEqualTypeOf<Promise<RequestRecorder>>()
    expectTypeOf<MockProvider>().toEqualTypeOf<'ultravox' | 'techladder' | 'truedy'>()
    expectTypeOf(mockApiKeys).toExtend<Record<MockProvider, string>>()
    expectTypeOf<MockServer['requests']>().toEqualTypeOf<RequestLogEntry[]>()
    expectTypeOf<RequestRecorder['requests']>().toEqualTypeOf<RequestLogEntry[]>()
  })

  it('requires a provider and accepts the documented options', () => {
    // @ts-expect-error: provider is required
    const missing: MockServerOptions = {}
    // @ts-expect-error: unknown provider
    const unknown: MockServerOptions = { provider: 'vapi' }
    const full: MockServerOptions = {
      provider: 'ultravox',
      apiKey: 'k',
      batches: 100_000,
      callsPerBatch: 5,
      agentIds: ['3c90c3cc-0d44-4b50-8888-8dd25736052a'],
      seed: 2,
      latencyMs: 20,
      now: () => new Date(),
      offSpecStatuses: false,
    }
    expectTypeOf(full).toEqualTypeOf<MockServerOptions>()
    void missing
    void unknown
  })

  it('types each fault kind with its own fields', () => {
    const faults: Fault[] = [
      { kind: 'status', status: 503, times: 3, match: { method: 'GET', path: /\/batch-calls$/ } },
      { kind: 'status', status: 400, body: { detail: 'x' }, headers: { 'x-a': 'b' } },
      { kind: 'rate-limit', retryAfter: '2' },
      { kind: 'delay', ms: 10 },
      { kind: 'hang', match: { path: '/call-batches' } },
      { kind: 'html' },
      { kind: 'truncated-json', status: 200 },
      { kind: 'redirect', location: 'http://127.0.0.1:1/', status: 307 },
      { kind: 'next-url-host', host: '127.0.0.1:1' },
      { kind: 'stuck-cursor', times: Number.POSITIVE_INFINITY },
    ]
    // @ts-expect-error: a status fault needs its status
    const noStatus: Fault = { kind: 'status' }
    // @ts-expect-error: a redirect needs a location
    const noLocation: Fault = { kind: 'redirect' }
    // @ts-expect-error: no such kind
    const bogus: Fault = { kind: 'explode' }
    // @ts-expect-error: delay takes ms, not a status
    const wrongField: Fault = { kind: 'delay', ms: 1, status: 500 }
    expectTypeOf<RequestLogEntry['fault']>().toEqualTypeOf<Fault['kind'] | undefined>()
    void [faults, noStatus, noLocation, bogus, wrongField]
  })
})
