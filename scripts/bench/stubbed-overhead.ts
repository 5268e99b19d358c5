/**
 * 1. Per-call overhead with a stubbed fetch: client work only. The stub answers every call with the
 * body the mock server sent for the same request, as a fresh `Response` (a body is read once).
 * Two bodies per provider: one batch, and a page of 50 (where JSON.parse is about half of a call).
 * openai and ky run on the same stub, so the table shows where we stand among the clients users
 * would pick, not only against ourselves.
 *
 * The ratios compare CPU time per call (this process, every thread: GC and JIT included), not
 * wall time: with a stubbed fetch nothing waits, so CPU time is the client's work, and unlike wall
 * time it does not count the moments a shared machine gave the core to someone else. The variants
 * take turns of half a millisecond (`interleavedTurns`), and a second bare openapi-fetch client
 * takes the same turns as an A/A control: its ratio to the first is what the machine cannot tell
 * apart on the day.
 */
import { interleavedTurns, type TurnTotals, turnRatio } from './measure.ts'
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
/** Seven variants (the six and the A/A control): about a second of turns each. */
const TURNS = { warmupMs: 400, turnMs: 0.5, durationMs: 7000, windowMs: 1000 }

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
      // The A/A control: a bare client of its own, taking the same turns as the first.
      const bareAgain = operations(call, connections[shape], target, shape).bare
      const loop = (operation: () => Promise<unknown>) => async (count: number) => {
        for (let index = 0; index < count; index++) await operation()
      }
      const measured = await interleavedTurns(
        {
          ...(Object.fromEntries(variants.map((variant) => [variant, loop(once[variant])])) as Record<
            Variant,
            (count: number) => Promise<void>
          >),
          bareAgain: loop(bareAgain),
        },
        TURNS,
      )
      const cpuOf = (totals: TurnTotals) => us(totals.cpu)
      for (const variant of variants) {
        const totals = measured[variant]
        result.figures.push({
          id: `stubbed.${provider}.${shape}.${variant}.us_per_call`,
          label: `${provider} ${shapeNames[shape]}: ${variantNames[variant]}`,
          value: totals.cpu / 1000,
          unit: 'µs/call',
          detail: `CPU, trimmed mean of ${totals.turns} turns (${totals.operations} calls); wall ${us(totals.wall)}; ${call.operation[shape]}`,
        })
      }
      for (const baseline of ['openai', 'ky'] as const) {
        result.figures.push({
          id: `stubbed.${provider}.${shape}.unwrap_over_${baseline}`,
          label: `${provider} ${shapeNames[shape]}: our unwrap(GET) / ${variantNames[baseline]}`,
          value: turnRatio(measured.unwrap, measured[baseline]).ratio,
          unit: 'x',
          readme: shape === 'page',
          detail: `CPU ${cpuOf(measured.unwrap)} vs ${cpuOf(measured[baseline])} per call`,
        })
      }
      const control = turnRatio(measured.bareAgain, measured.bare)
      result.figures.push({
        id: `stubbed.${provider}.${shape}.a_a_control`,
        label: `${provider} ${shapeNames[shape]}: A/A control, a second bare openapi-fetch client / the first`,
        value: control.ratio,
        unit: 'x',
        detail: `same turns as the targets; 1.00x is no noise; its one-second windows ranged ${control.windows.min.toFixed(2)}x–${control.windows.max.toFixed(2)}x`,
      })
      result.figures.push({
        id: `stubbed.${provider}.${shape}.wall_ours_over_bare`,
        label: `${provider} ${shapeNames[shape]}: our GET / bare openapi-fetch, in wall time`,
        value: measured.ours.wall / measured.bare.wall,
        unit: 'x',
        detail: 'the same comparison in wall time: sensitive to other load on the machine',
      })
      for (const variant of ['ours', 'unwrap'] as const) {
        const { ratio, untrimmed, windows } = turnRatio(measured[variant], measured.bare)
        result.targets.push(
          ratioTarget(
            `stubbed.${provider}.${shape}.${variant}_over_bare`,
            `${provider}: per call, stubbed fetch, ${shapeNames[shape]}, ${variant === 'ours' ? 'GET' : 'unwrap(GET)'}`,
            ratio,
            '<=',
            OVERHEAD_LIMIT[shape],
            'ours / bare openapi-fetch (CPU time, median of paired turns)',
            `CPU ${cpuOf(measured[variant])} vs ${cpuOf(measured.bare)} per call (trimmed means) over ${measured[variant].turns} turns each; every turn counted: ${untrimmed.toFixed(2)}x; one-second windows ranged ${windows.min.toFixed(2)}x–${windows.max.toFixed(2)}x; A/A control ${control.ratio.toFixed(2)}x (raw fetch ${cpuOf(measured.raw)}; openai ${cpuOf(measured.openai)}, ky ${cpuOf(measured.ky)})`,
          ),
        )
      }
    }
  }
  return result
}
