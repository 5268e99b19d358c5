/**
 * 2. Real HTTP on loopback against a @voicebatch/testing server (in its own process): requests per
 * second for raw fetch and for our client (and, for reference, bare openapi-fetch), one at a time and
 * 16 in flight, on the same keep-alive connection pool (all use `globalThis.fetch`). The operation is
 * the same as in stubbed-overhead.ts: read one batch.
 */
import { compareVariants, inFlight, sequentially } from './measure.ts'
import { findBatch, providerCalls, providers } from './provider-calls.ts'
import { startRemoteMockServer } from './remote-mock-server.ts'
import { emptyResult, ratioTarget, type ScenarioResult } from './scenario.ts'

const THROUGHPUT_LIMIT = 0.9
const IN_FLIGHT = 16
const PROCESS_WARMUP_MS = 1500
const names = { raw: 'raw fetch', bare: 'bare openapi-fetch', ours: 'our client' } as const
const perSecond = (nanoseconds: number) => (1e9 / nanoseconds).toFixed(0)
const sampling = { warmupMs: 500, sampleMs: 150, samples: 11 }

export async function loopbackThroughput(): Promise<ScenarioResult> {
  const result = emptyResult()
  let logged = { requests: 0, bytes: 0 }
  for (const provider of providers) {
    const call = providerCalls[provider]
    const server = await startRemoteMockServer({ provider })
    try {
      const target = await findBatch(call, server)
      const connection = { baseUrl: server.url, apiKey: server.apiKey }
      const operations = {
        raw: call.raw(connection, target),
        bare: call.bare(connection, target),
        ours: call.ours(connection, target),
      }
      if (provider === providers[0]) {
        // undici and the JIT keep speeding up for thousands of requests: warm the whole process once.
        for (const operation of Object.values(operations)) {
          const until = Date.now() + PROCESS_WARMUP_MS
          while (Date.now() < until) await inFlight(100, IN_FLIGHT, operation)
        }
      }
      const before = await server.stats()

      for (const [mode, run] of [
        ['sequential', sequentially],
        [
          `${IN_FLIGHT} in flight`,
          (count: number, operation: () => Promise<unknown>) => inFlight(count, IN_FLIGHT, operation),
        ],
      ] as const) {
        const stats = await compareVariants(
          {
            raw: (count) => run(count, operations.raw),
            bare: (count) => run(count, operations.bare),
            ours: (count) => run(count, operations.ours),
          },
          sampling,
        )
        const key = mode === 'sequential' ? 'sequential' : `in_flight_${IN_FLIGHT}`
        for (const variant of ['raw', 'bare', 'ours'] as const) {
          const { wall, cpu } = stats[variant]
          result.figures.push({
            id: `loopback.${provider}.${key}.${variant}.requests_per_second`,
            label: `${provider} ${mode}: ${names[variant]}`,
            value: 1e9 / wall.median,
            unit: 'req/s',
            detail: `median of ${wall.samples} samples, slowest ${perSecond(wall.p95)} req/s (p95); client CPU ${(cpu.median / 1000).toFixed(0)} µs/request`,
          })
        }
        result.figures.push({
          id: `loopback.${provider}.${key}.bare_over_raw`,
          label: `${provider} ${mode}: bare openapi-fetch / raw fetch (req/s)`,
          value: stats.raw.wall.median / stats.bare.wall.median,
          unit: 'x',
          detail: 'for reference: what openapi-fetch alone costs here',
        })
        result.targets.push(
          ratioTarget(
            `loopback.${provider}.${key}.ours_over_raw`,
            `${provider}: loopback throughput, ${mode}`,
            stats.raw.wall.median / stats.ours.wall.median,
            '>=',
            THROUGHPUT_LIMIT,
            'ours / raw fetch (req/s)',
            `${perSecond(stats.ours.wall.median)} vs ${perSecond(stats.raw.wall.median)} req/s (bare openapi-fetch ${perSecond(stats.bare.wall.median)})`,
          ),
        )
      }
      const after = await server.stats()
      logged = {
        requests: logged.requests + after.requests - before.requests,
        bytes: logged.bytes + after.heapUsed - before.heapUsed,
      }
    } finally {
      await server.close()
    }
  }
  // The mock server keeps every request in `requests`: worth knowing before pointing a long run at it.
  result.figures.push({
    id: 'loopback.mock_server.request_log_bytes_per_request',
    label: 'mock server request log, heap per request',
    value: logged.bytes / Math.max(1, logged.requests),
    unit: 'B',
    detail: `${logged.requests} requests; the log is never trimmed (reset() empties it)`,
  })
  return result
}
