/**
 * 3b. Fetching ahead: 50 pages with 20 ms of server latency each, sequentially and with
 * `concurrency: 4`, on the page- and offset-paginated providers (Ultravox's cursors cannot be
 * fetched ahead). Samples alternate between the two settings; the medians are compared.
 */
import { elapsedMs, summarize } from './measure.ts'
import type { Provider } from './provider-calls.ts'
import { startRemoteMockServer } from './remote-mock-server.ts'
import { emptyResult, ratioTarget, type ScenarioResult } from './scenario.ts'
import { createTechladderClient, createTruedyClient } from './workspace-packages.ts'

const PAGES = 50
const PAGE_SIZE = 100
const LATENCY_MS = 20
const CONCURRENCY = 4
const SAMPLES = 5
const RATIO_LIMIT = 0.35

type Server = { url: string; apiKey: string }

const iterators: Record<
  Exclude<Provider, 'ultravox'>,
  (server: Server, concurrency: number) => AsyncIterable<unknown>
> = {
  techladder: ({ url, apiKey }, concurrency) =>
    createTechladderClient({ baseUrl: url, apiKey }).paginate('/call-batches', undefined, {
      pageSize: PAGE_SIZE,
      concurrency,
    }),
  truedy: ({ url, apiKey }, concurrency) =>
    createTruedyClient({ baseUrl: url, apiKey }).paginate('/batch-calls', undefined, {
      pageSize: PAGE_SIZE,
      concurrency,
    }),
}

async function drain(items: AsyncIterable<unknown>): Promise<{ ms: number; count: number }> {
  const start = process.hrtime.bigint()
  let count = 0
  for await (const _ of items) count++
  return { ms: elapsedMs(start), count }
}

export async function paginationConcurrency(): Promise<ScenarioResult> {
  const result = emptyResult()
  for (const provider of ['techladder', 'truedy'] as const) {
    const iterate = iterators[provider]
    const server = await startRemoteMockServer({
      provider,
      batches: PAGES * PAGE_SIZE,
      latencyMs: LATENCY_MS,
    })
    try {
      await drain(iterate(server, CONCURRENCY)) // warm-up
      const times = { sequential: [] as number[], concurrent: [] as number[] }
      for (let sample = 0; sample < SAMPLES; sample++) {
        for (const mode of sample % 2 === 0
          ? (['sequential', 'concurrent'] as const)
          : (['concurrent', 'sequential'] as const)) {
          const { ms, count } = await drain(iterate(server, mode === 'sequential' ? 1 : CONCURRENCY))
          if (count !== PAGES * PAGE_SIZE)
            throw new Error(`${provider}: ${count} items instead of ${PAGES * PAGE_SIZE}`)
          times[mode].push(ms)
        }
      }
      const sequential = summarize(times.sequential)
      const concurrent = summarize(times.concurrent)
      for (const [mode, stats] of [
        ['sequential', sequential],
        [`concurrency_${CONCURRENCY}`, concurrent],
      ] as const) {
        result.figures.push({
          id: `concurrency.${provider}.${mode}_ms`,
          label: `${provider} ${PAGES} pages at ${LATENCY_MS} ms, ${mode.replace('_', ' ')}`,
          value: stats.median,
          unit: 'ms',
          detail: `median of ${stats.samples}; p95 ${stats.p95.toFixed(0)} ms; pageSize ${PAGE_SIZE}`,
        })
      }
      result.targets.push(
        ratioTarget(
          `concurrency.${provider}.concurrent_over_sequential`,
          `${provider}: concurrency ${CONCURRENCY}, ${PAGES} pages at ${LATENCY_MS} ms`,
          concurrent.median / sequential.median,
          '<=',
          RATIO_LIMIT,
          `concurrency ${CONCURRENCY} / sequential (time)`,
          `${concurrent.median.toFixed(0)} ms vs ${sequential.median.toFixed(0)} ms`,
        ),
      )
    } finally {
      await server.close()
    }
  }
  return result
}
