/**
 * 1. Per-call overhead with a stubbed fetch: client work only. The stub answers every call with the
 * body the mock server sent for the same request, as a fresh `Response` (a body is read once).
 * Two bodies per provider: one batch, and a page of 50 (where JSON.parse is about half of a call).
 * openai and ky run on the same stub, so the table shows where we stand among the clients users
 * would pick, not only against ourselves.
 *
 * The ratios compare CPU time per call (this process, every thread: GC and JIT included), not
 * wall time: with a stubbed fetch nothing waits, so CPU time is the client's work, and unlike wall
 * time it does not count the moments a shared machine gave the core to someone else. Each ratio is
 * the median of the round-by-round ratios (`pairedRatio`): two variants sampled moments apart share
 * the machine's slow moments. Samples last long enough (150 ms, thousands of calls) to hold several
 * young-generation collections, so the garbage a client makes is charged to it in full.
 */
import { compareVariants, pairedRatio } from './measure.ts'
import {
  type BatchTarget,
  type Connection,
  findBatch,
  operations,
  PAGE_ITEMS,
  type Provider,
  providerCalls,
  providers,
  type Shape,
  type Variant,
  variantNames,
  variants,
} from './provider-calls.ts'
import { emptyResult, ratioTarget, type ScenarioResult } from './scenario.ts'
import { startMockServer } from './workspace-packages.ts'

/** ours / bare openapi-fetch, per call: JSON.parse weighs less on a small body, so the limit is looser there. */
const OVERHEAD_LIMIT: Record<Shape, number> = { one: 1.2, page: 1.1 }
const shapeNames: Record<Shape, string> = { one: '1-item body', page: `${PAGE_ITEMS}-item page` }
const us = (nanoseconds: number) => `${(nanoseconds / 1000).toFixed(1)} µs`
const sampling = { warmupMs: 400, sampleMs: 150, samples: 11 }

/** A fetch that never leaves the process: the recorded answer, rebuilt for each call. */
export function stubbedFetch(body: string, headers: Headers): typeof globalThis.fetch {
  const head = Object.fromEntries(headers)
  delete head['transfer-encoding']
  delete head.connection
  delete head['keep-alive']
  return async () => new Response(body, { status: 200, headers: head })
}

/** Records the mock server's real answer to each shape of the provider's call, as stubbed connections. */
async function recordStubs(
  provider: Provider,
): Promise<{ target: BatchTarget; connections: Record<Shape, Connection> }> {
  const call = providerCalls[provider]
  const server = await startMockServer({ provider, batches: PAGE_ITEMS })
  try {
    const target = await findBatch(call, server)
    const record = async (shape: Shape): Promise<Connection> => {
      let recorded: Response | undefined
      const recording: typeof globalThis.fetch = async (input, init) => {
        recorded = await globalThis.fetch(input, init)
        return recorded.clone()
      }
      const connection = { baseUrl: server.url, apiKey: server.apiKey, fetch: recording }
      await operations(call, connection, target, shape).raw()
      if (recorded === undefined) throw new Error(`${provider}: nothing recorded`)
      const body = await recorded.text()
      return { baseUrl: server.url, apiKey: server.apiKey, fetch: stubbedFetch(body, recorded.headers) }
    }
    return { target, connections: { one: await record('one'), page: await record('page') } }
  } finally {
    await server.close()
  }
}

export async function stubbedOverhead(): Promise<ScenarioResult> {
  const result = emptyResult()
  for (const provider of providers) {
    const call = providerCalls[provider]
    const { target, connections } = await recordStubs(provider)
    for (const shape of ['one', 'page'] as const) {
      const once = operations(call, connections[shape], target, shape)
      const loop = (operation: () => Promise<unknown>) => async (count: number) => {
        for (let index = 0; index < count; index++) await operation()
      }
      const stats = await compareVariants(
        Object.fromEntries(variants.map((variant) => [variant, loop(once[variant])])) as Record<
          Variant,
          (count: number) => Promise<void>
        >,
        sampling,
      )
      const ratio = (variant: Variant, baseline: Variant) => pairedRatio(stats[variant], stats[baseline])
      const cpuOf = (variant: Variant) => us(stats[variant].cpu.median)
      for (const variant of variants) {
        const { wall, cpu } = stats[variant]
        result.figures.push({
          id: `stubbed.${provider}.${shape}.${variant}.us_per_call`,
          label: `${provider} ${shapeNames[shape]}: ${variantNames[variant]}`,
          value: wall.median / 1000,
          unit: 'µs/call',
          detail: `median of ${wall.samples} samples, p95 ${us(wall.p95)}; CPU ${us(cpu.median)}/call (least ${us(cpu.min)}); ${call.operation[shape]}`,
        })
      }
      for (const baseline of ['openai', 'ky'] as const) {
        const { median, min, max } = ratio('unwrap', baseline)
        result.figures.push({
          id: `stubbed.${provider}.${shape}.unwrap_over_${baseline}`,
          label: `${provider} ${shapeNames[shape]}: our unwrap(GET) / ${variantNames[baseline]}`,
          value: median,
          unit: 'x',
          readme: shape === 'page',
          detail: `CPU ${cpuOf('unwrap')} vs ${cpuOf(baseline)} per call (medians); rounds ${min.toFixed(2)}x–${max.toFixed(2)}x; wall ${pairedRatio(stats.unwrap, stats[baseline], 'wall').median.toFixed(2)}x`,
        })
      }
      result.figures.push({
        id: `stubbed.${provider}.${shape}.wall_ours_over_bare`,
        label: `${provider} ${shapeNames[shape]}: our GET / bare openapi-fetch, in wall time`,
        value: pairedRatio(stats.ours, stats.bare, 'wall').median,
        unit: 'x',
        detail: 'the same comparison in wall time: sensitive to other load on the machine',
      })
      for (const variant of ['ours', 'unwrap'] as const) {
        const { median, min, max } = ratio(variant, 'bare')
        result.targets.push(
          ratioTarget(
            `stubbed.${provider}.${shape}.${variant}_over_bare`,
            `${provider}: per call, stubbed fetch, ${shapeNames[shape]}, ${variant === 'ours' ? 'GET' : 'unwrap(GET)'}`,
            median,
            '<=',
            OVERHEAD_LIMIT[shape],
            'ours / bare openapi-fetch (CPU time, median of paired rounds)',
            `CPU ${cpuOf(variant)} vs ${cpuOf('bare')} per call (medians); the ${stats.bare.cpu.samples} rounds ranged ${min.toFixed(2)}x–${max.toFixed(2)}x (raw fetch ${cpuOf('raw')}; openai ${cpuOf('openai')}, ky ${cpuOf('ky')})`,
          ),
        )
      }
    }
  }
  return result
}
