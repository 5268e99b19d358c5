/**
 * 1. Per-call overhead with a stubbed fetch: client work only. The stub answers every call with the
 * body the mock server sent for the same request, as a fresh `Response` (a body is read once).
 */
import { compareVariants } from './measure.ts'
import { type Connection, findBatch, providerCalls, providers } from './provider-calls.ts'
import { emptyResult, ratioTarget, type ScenarioResult } from './scenario.ts'
import { startMockServer } from './workspace-packages.ts'

const OVERHEAD_LIMIT = 1.25
const us = (nanoseconds: number) => `${(nanoseconds / 1000).toFixed(1)} µs`
const sampling = { warmupMs: 600, sampleMs: 100, samples: 15 }

/** A fetch that never leaves the process: the recorded answer, rebuilt for each call. */
export function stubbedFetch(body: string, headers: Headers): typeof globalThis.fetch {
  const head = Object.fromEntries(headers)
  delete head['transfer-encoding']
  delete head.connection
  delete head['keep-alive']
  return async () => new Response(body, { status: 200, headers: head })
}

export async function stubbedOverhead(): Promise<ScenarioResult> {
  const result = emptyResult()
  for (const provider of providers) {
    const call = providerCalls[provider]
    const server = await startMockServer({ provider })
    let connection: Connection
    let target: Awaited<ReturnType<typeof findBatch>>
    try {
      target = await findBatch(call, server)
      // Record the real answer to this call once.
      let recorded: Response | undefined
      const recording: typeof globalThis.fetch = async (input, init) => {
        recorded = await globalThis.fetch(input, init)
        return recorded.clone()
      }
      await call.raw({ baseUrl: server.url, apiKey: server.apiKey, fetch: recording }, target)()
      if (recorded === undefined) throw new Error(`${provider}: nothing recorded`)
      const body = await recorded.text()
      connection = { baseUrl: server.url, apiKey: server.apiKey, fetch: stubbedFetch(body, recorded.headers) }
    } finally {
      await server.close()
    }

    const once = {
      raw: call.raw(connection, target),
      bare: call.bare(connection, target),
      ours: call.ours(connection, target),
    }
    const loop = (operation: () => Promise<unknown>) => async (count: number) => {
      for (let index = 0; index < count; index++) await operation()
    }
    const stats = await compareVariants(
      { raw: loop(once.raw), bare: loop(once.bare), ours: loop(once.ours) },
      sampling,
    )
    const names = { raw: 'raw fetch + JSON.parse', bare: 'bare openapi-fetch', ours: 'our client' } as const
    for (const variant of ['raw', 'bare', 'ours'] as const) {
      const { wall, cpu } = stats[variant]
      result.figures.push({
        id: `stubbed.${provider}.${variant}.us_per_call`,
        label: `${provider} ${names[variant]}`,
        value: wall.median / 1000,
        unit: 'µs/call',
        detail: `median of ${wall.samples} samples, p95 ${us(wall.p95)}; CPU ${us(cpu.median)}/call; ${call.operation}`,
      })
    }
    result.figures.push(
      {
        id: `stubbed.${provider}.ours_over_raw`,
        label: `${provider} our client / raw fetch`,
        value: stats.ours.wall.median / stats.raw.wall.median,
        unit: 'x',
      },
      {
        id: `stubbed.${provider}.cpu_ours_over_bare`,
        label: `${provider} our client / bare openapi-fetch, in CPU time`,
        value: stats.ours.cpu.median / stats.bare.cpu.median,
        unit: 'x',
        detail: 'the same comparison, less sensitive to other load on the machine',
      },
    )
    result.targets.push(
      ratioTarget(
        `stubbed.${provider}.ours_over_bare`,
        `${provider}: per-call overhead, stubbed fetch`,
        stats.ours.wall.median / stats.bare.wall.median,
        '<=',
        OVERHEAD_LIMIT,
        'ours / bare openapi-fetch',
        `${us(stats.ours.wall.median)} vs ${us(stats.bare.wall.median)} per call (raw fetch ${us(stats.raw.wall.median)})`,
      ),
    )
  }
  return result
}
