/**
 * 1b. What logging costs per call, stubbed fetch (client work only): no logger at all, a logger
 * at `logLevel: 'silent'` (what "free when unused" promises: no bookkeeping), and a logger at
 * `debug` whose methods drop the line (the full cost: timing, redaction, the formatted line).
 */
import { interleavedTurns, turnRatio } from './measure.ts'
import { findBatch, providerCalls } from './provider-calls.ts'
import { emptyResult, ratioTarget, type ScenarioResult } from './scenario.ts'
import { stubbedFetch } from './stubbed-overhead.ts'
import { createTruedyClient, startMockServer } from './workspace-packages.ts'

const SILENT_LIMIT = 1.1
const TURNS = { warmupMs: 600, turnMs: 0.5, durationMs: 4500, windowMs: 1000 }
const us = (nanoseconds: number) => `${(nanoseconds / 1000).toFixed(1)} µs`
const drop = () => undefined
const droppingLogger = { debug: drop, info: drop, warn: drop, error: drop }

export async function loggingOverhead(): Promise<ScenarioResult> {
  const result = emptyResult()
  const call = providerCalls.truedy
  const server = await startMockServer({ provider: 'truedy' })
  let fetch: typeof globalThis.fetch
  let batchId: string
  try {
    const target = await findBatch(call, server)
    batchId = target.batchId
    const recorded = await globalThis.fetch(`${server.url}/batch-calls/${encodeURIComponent(batchId)}`, {
      headers: { authorization: `Bearer ${server.apiKey}` },
    })
    fetch = stubbedFetch(await recorded.text(), recorded.headers)
  } finally {
    await server.close()
  }

  const base = { baseUrl: server.url, apiKey: server.apiKey, fetch }
  const clients = {
    none: createTruedyClient(base),
    silent: createTruedyClient({ ...base, logger: droppingLogger, logLevel: 'silent' }),
    debug: createTruedyClient({ ...base, logger: droppingLogger, logLevel: 'debug' }),
  }
  const loop = (client: (typeof clients)['none']) => async (count: number) => {
    for (let index = 0; index < count; index++) {
      await client.unwrap(
        client.GET('/batch-calls/{batch_call_id}', { params: { path: { batch_call_id: batchId } } }),
      )
    }
  }
  const stats = await interleavedTurns(
    { none: loop(clients.none), silent: loop(clients.silent), debug: loop(clients.debug) },
    TURNS,
  )
  const names = {
    none: 'no logger',
    silent: "logger at logLevel 'silent'",
    debug: "logger at 'debug', lines dropped",
  }
  for (const variant of ['none', 'silent', 'debug'] as const) {
    result.figures.push({
      id: `logging.truedy.${variant}.us_per_call`,
      label: `truedy GET one batch, ${names[variant]}`,
      value: stats[variant].cpu / 1000,
      unit: 'µs/call',
      detail: `CPU, trimmed mean of ${stats[variant].turns} turns; wall ${us(stats[variant].wall)}`,
    })
  }
  result.figures.push({
    id: 'logging.truedy.debug_over_none',
    label: 'truedy: one debug line per attempt / no logger',
    value: turnRatio(stats.debug, stats.none).ratio,
    unit: 'x',
    readme: true,
  })
  result.targets.push(
    ratioTarget(
      'logging.truedy.silent_over_none',
      'truedy: a silent logger is free',
      turnRatio(stats.silent, stats.none).ratio,
      '<=',
      SILENT_LIMIT,
      "logLevel 'silent' / no logger",
      `CPU ${us(stats.silent.cpu)} vs ${us(stats.none.cpu)} per call (trimmed means); median of paired turns`,
    ),
  )
  return result
}
