/**
 * 2. Real HTTP on loopback against a @voicebatch/testing server (in its own process): what each
 * request costs the client, for raw fetch, bare openapi-fetch, our client, openai and ky, one at a
 * time and 16 in flight, on the same keep-alive connection pool (all use `globalThis.fetch`). The
 * operation is the same as in stubbed-overhead.ts: read one batch.
 *
 * The target compares client CPU time per request, ours over bare openapi-fetch, over short turns
 * (`interleavedTurns`: about a millisecond one at a time, one wave of 16 in flight), with a second
 * bare client in the same turns as an A/A control: its ratio to the first is what this machine
 * cannot tell apart on the day.
 */
import { inFlight, interleavedTurns, sequentially, type TurnTotals, turnRatio } from './measure.ts'
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
/** The target's turns: bare, ours and the A/A control only, so that each gets a third of the time. */
const TARGET_TURNS = { warmupMs: 300, turnMs: 1, durationMs: 9000, windowMs: 1000 }
/** The figures against raw fetch, openai and ky. */
const FIGURE_TURNS = { warmupMs: 300, turnMs: 1, durationMs: 4000, windowMs: 1000 }
const compared = ['raw', 'bare', 'ours', 'openai', 'ky'] as const satisfies readonly Variant[]
const perSecond = (nanoseconds: number) => (1e9 / nanoseconds).toFixed(0)
const microseconds = (totals: TurnTotals) => `${(totals.cpu / 1000).toFixed(0)} µs`

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
      // The A/A control: a client of its own, like the one it is compared with.
      const bareAgain = operations(call, connection, target, 'one').bare
      if (provider === providers[0]) {
        // undici and the JIT keep speeding up for thousands of requests: warm the whole process once.
        for (const operation of [...compared.map((variant) => all[variant]), bareAgain]) {
          const until = Date.now() + PROCESS_WARMUP_MS
          while (Date.now() < until) await inFlight(100, IN_FLIGHT, operation)
        }
      }
      const before = await server.stats()

      for (const [mode, key, operationsPerTurn, run] of [
        ['sequential', 'sequential', undefined, sequentially],
        [
          `${IN_FLIGHT} in flight`,
          `in_flight_${IN_FLIGHT}`,
          IN_FLIGHT,
          (count: number, operation: () => Promise<unknown>) => inFlight(count, IN_FLIGHT, operation),
        ],
      ] as const) {
        const batch = (operation: () => Promise<unknown>) => (count: number) => run(count, operation)
        const turns = await interleavedTurns(
          { bare: batch(all.bare), ours: batch(all.ours), bareAgain: batch(bareAgain) },
          { ...TARGET_TURNS, operationsPerTurn },
        )
        const others = await interleavedTurns(
          Object.fromEntries(compared.map((variant) => [variant, batch(all[variant])])) as Record<
            (typeof compared)[number],
            (count: number) => Promise<void>
          >,
          { ...FIGURE_TURNS, operationsPerTurn },
        )
        const rate = (totals: TurnTotals) => perSecond(totals.wall)
        for (const variant of compared) {
          const totals = others[variant]
          result.figures.push({
            id: `loopback.${provider}.${key}.${variant}.requests_per_second`,
            label: `${provider} ${mode}: ${variantNames[variant]}`,
            value: 1e9 / totals.wall,
            unit: 'req/s',
            detail: `${totals.operations} requests in turns with the others; client CPU ${microseconds(totals)}/request`,
          })
        }
        result.figures.push({
          id: `loopback.${provider}.${key}.bare_over_raw`,
          label: `${provider} ${mode}: bare openapi-fetch / raw fetch (client CPU per request)`,
          value: turnRatio(others.bare, others.raw).ratio,
          unit: 'x',
          detail: 'for reference: what openapi-fetch alone costs here',
        })
        for (const baseline of ['raw', 'openai', 'ky'] as const) {
          result.figures.push({
            id: `loopback.${provider}.${key}.ours_over_${baseline}`,
            label: `${provider} ${mode}: our client / ${variantNames[baseline]} (req/s)`,
            value: others[baseline].wall / others.ours.wall,
            unit: 'x',
            readme: baseline !== 'raw' && mode === 'sequential',
          })
        }
        const control = turnRatio(turns.bareAgain, turns.bare)
        result.figures.push({
          id: `loopback.${provider}.${key}.a_a_control`,
          label: `${provider} ${mode}: A/A control, a second bare openapi-fetch client / the first (client CPU per request)`,
          value: control.ratio,
          unit: 'x',
          detail: `same turns as the target; 1.00x is no noise; its ${control.windows.samples} one-second windows ranged ${control.windows.min.toFixed(2)}x–${control.windows.max.toFixed(2)}x`,
        })
        // Ours over bare in CPU per request, inverted: requests per client CPU second.
        const ours = turnRatio(turns.ours, turns.bare)
        result.targets.push(
          ratioTarget(
            `loopback.${provider}.${key}.ours_over_bare_cpu`,
            `${provider}: loopback, ${mode}, requests per client CPU second`,
            1 / ours.ratio,
            '>=',
            THROUGHPUT_LIMIT,
            'ours / bare openapi-fetch (median of paired turns)',
            `client CPU ${microseconds(turns.ours)} vs ${microseconds(turns.bare)} per request (trimmed means) over ${turns.ours.turns} turns (${turns.ours.operations} requests) each; every turn counted: ${(1 / ours.untrimmed).toFixed(2)}x; one-second windows ranged ${(1 / ours.windows.max).toFixed(2)}x–${(1 / ours.windows.min).toFixed(2)}x; A/A control ${(1 / control.ratio).toFixed(2)}x; wall ${rate(turns.ours)} vs ${rate(turns.bare)} req/s (raw fetch ${microseconds(others.raw)}, openai ${microseconds(others.openai)}, ky ${microseconds(others.ky)} CPU per request)`,
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
