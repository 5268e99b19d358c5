/**
 * 2. Real HTTP on loopback against a @voicebatch/testing server (in its own process): requests per
 * second for raw fetch, bare openapi-fetch, our client, openai and ky, one at a time and 16 in
 * flight, on the same keep-alive connection pool (all use `globalThis.fetch`). The operation is
 * the same as in stubbed-overhead.ts: read one batch.
 */
import { compareVariants, inFlight, pairedRatio, sequentially } from './measure.ts'
import {
  findBatch,
  operations,
  providerCalls,
  providers,
  type Variant,
  variantNames,
} from './provider-calls.ts'
import { startRemoteMockServer } from './remote-mock-server.ts'
import { emptyResult, ratioTarget, type ScenarioResult } from './scenario.ts'

/** Requests per client CPU second, ours / bare openapi-fetch's. */
const THROUGHPUT_LIMIT = 0.95
const IN_FLIGHT = 16
const PROCESS_WARMUP_MS = 1500
const measured = ['raw', 'bare', 'ours', 'openai', 'ky'] as const satisfies readonly Variant[]
const perSecond = (nanoseconds: number) => (1e9 / nanoseconds).toFixed(0)
const sampling = { warmupMs: 500, sampleMs: 100, samples: 15 }

export async function loopbackThroughput(): Promise<ScenarioResult> {
  const result = emptyResult()
  let logged = { requests: 0, bytes: 0 }
  for (const provider of providers) {
    const call = providerCalls[provider]
    const server = await startRemoteMockServer({ provider })
    try {
      const target = await findBatch(call, server)
      const connection = { baseUrl: server.url, apiKey: server.apiKey }
      const all = operations(call, connection, target, 'one')
      if (provider === providers[0]) {
        // undici and the JIT keep speeding up for thousands of requests: warm the whole process once.
        for (const operation of measured.map((variant) => all[variant])) {
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
          Object.fromEntries(
            measured.map((variant) => [variant, (count: number) => run(count, all[variant])]),
          ) as Record<(typeof measured)[number], (count: number) => Promise<void>>,
          sampling,
        )
        const key = mode === 'sequential' ? 'sequential' : `in_flight_${IN_FLIGHT}`
        for (const variant of measured) {
          const { wall, cpu } = stats[variant]
          result.figures.push({
            id: `loopback.${provider}.${key}.${variant}.requests_per_second`,
            label: `${provider} ${mode}: ${variantNames[variant]}`,
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
        for (const baseline of ['raw', 'openai', 'ky'] as const) {
          result.figures.push({
            id: `loopback.${provider}.${key}.ours_over_${baseline}`,
            label: `${provider} ${mode}: our client / ${variantNames[baseline]} (req/s)`,
            value: stats[baseline].wall.median / stats.ours.wall.median,
            unit: 'x',
            readme: baseline !== 'raw' && mode === 'sequential',
          })
        }
        const rate = (variant: (typeof measured)[number]) => perSecond(stats[variant].wall.median)
        const cpu = (variant: (typeof measured)[number]) =>
          `${(stats[variant].cpu.median / 1000).toFixed(0)} µs`
        result.figures.push({
          id: `loopback.${provider}.${key}.ours_over_bare`,
          label: `${provider} ${mode}: our client / bare openapi-fetch (req/s, wall time)`,
          value: stats.bare.wall.median / stats.ours.wall.median,
          unit: 'x',
          detail: `${rate('ours')} vs ${rate('bare')} req/s (raw fetch ${rate('raw')}, openai ${rate('openai')}, ky ${rate('ky')})`,
        })
        // The target divides the client's CPU time per request, round by round (see `pairedRatio`):
        // requests per second in wall time swing by ±30% between runs on a shared machine, where
        // other processes take the cores. Ours over bare in CPU per request, inverted: per CPU second.
        const cpuRatio = pairedRatio(stats.ours, stats.bare)
        result.targets.push(
          ratioTarget(
            `loopback.${provider}.${key}.ours_over_bare_cpu`,
            `${provider}: loopback, ${mode}, requests per client CPU second`,
            1 / cpuRatio.median,
            '>=',
            THROUGHPUT_LIMIT,
            'ours / bare openapi-fetch (median of paired rounds)',
            `client CPU ${cpu('ours')} vs ${cpu('bare')} per request (medians); the ${stats.bare.cpu.samples} rounds ranged ${(1 / cpuRatio.max).toFixed(2)}x–${(1 / cpuRatio.min).toFixed(2)}x (raw fetch ${cpu('raw')}, openai ${cpu('openai')}, ky ${cpu('ky')}); wall: ${rate('ours')} vs ${rate('bare')} req/s`,
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
