/**
 * 3a. 100,000 items through each provider's paginator, from a mock server in its own process, at
 * the largest page size the provider allows: items per second, and the heap (after a full GC)
 * at 10,000 and 100,000 items against the heap before iteration.
 *
 * "Not growing with N": heap(100k) - heap(10k) < 4 MB. 90,000 more items went through between the
 * two readings: a paginator that kept them (or anything per item) would hold tens of MB there.
 */
import { collectGarbage, elapsedMs } from './measure.ts'
import type { Provider } from './provider-calls.ts'
import { startRemoteMockServer } from './remote-mock-server.ts'
import { budgetTarget, emptyResult, MB, type ScenarioResult } from './scenario.ts'
import { createTechladderClient, createTruedyClient, createUltravoxClient } from './workspace-packages.ts'

const ITEMS = 100_000
const CHECKPOINT = 10_000
const HEAP_LIMIT_MB = 16
const HEAP_GROWTH_LIMIT_MB = 4

interface Paginated {
  provider: Provider
  operation: string
  /** The largest page size the provider documents (Ultravox documents none: the mock's cap). */
  pageSize: number
  pageSizeSource: string
  iterate(
    server: { url: string; apiKey: string; agentIds: readonly string[] },
    limit: number,
  ): AsyncIterable<unknown>
}

const paginated: Paginated[] = [
  {
    provider: 'ultravox',
    operation: 'GET /api/agents/{agent_id}/scheduled_batches',
    pageSize: 1000,
    pageSizeSource: 'the spec sets no maximum; the mock caps pageSize at 1000 like the real API',
    iterate: ({ url, apiKey, agentIds }, limit) =>
      createUltravoxClient({ baseUrl: url, apiKey }).paginate(
        '/api/agents/{agent_id}/scheduled_batches',
        { params: { path: { agent_id: agentIds[0] ?? '' } } },
        { pageSize: 1000, limit },
      ),
  },
  {
    provider: 'techladder',
    operation: 'GET /call-batches',
    pageSize: 100,
    pageSizeSource: 'spec maximum of limit',
    iterate: ({ url, apiKey }, limit) =>
      createTechladderClient({ baseUrl: url, apiKey }).paginate('/call-batches', undefined, {
        pageSize: 100,
        limit,
      }),
  },
  {
    provider: 'truedy',
    operation: 'GET /batch-calls',
    pageSize: 100,
    pageSizeSource: 'spec maximum of limit',
    iterate: ({ url, apiKey }, limit) =>
      createTruedyClient({ baseUrl: url, apiKey }).paginate('/batch-calls', undefined, {
        pageSize: 100,
        limit,
      }),
  },
]

const heapUsed = () => process.memoryUsage().heapUsed

export async function paginationThroughput(): Promise<ScenarioResult> {
  const result = emptyResult()
  for (const entry of paginated) {
    const { provider } = entry
    const server = await startRemoteMockServer({ provider, batches: ITEMS })
    try {
      // Warm up the code paths and the connection, then measure from a clean heap.
      for await (const _ of entry.iterate(server, entry.pageSize * 3)) {
      }
      collectGarbage()
      const baseline = heapUsed()
      const checkpoints: Record<number, number> = {}
      let count = 0
      let pausedMs = 0
      const cpu = process.cpuUsage()
      const start = process.hrtime.bigint()
      for await (const _ of entry.iterate(server, ITEMS)) {
        count++
        if (count === CHECKPOINT || count === ITEMS) {
          const pause = process.hrtime.bigint()
          collectGarbage()
          checkpoints[count] = heapUsed() - baseline
          pausedMs += elapsedMs(pause)
        }
      }
      const seconds = (elapsedMs(start) - pausedMs) / 1000
      const used = process.cpuUsage(cpu)
      const cpuSeconds = (used.user + used.system) / 1e6 - pausedMs / 1000
      if (count !== ITEMS) throw new Error(`${provider}: ${count} items instead of ${ITEMS}`)
      const at10k = (checkpoints[CHECKPOINT] ?? Number.NaN) / MB
      const at100k = (checkpoints[ITEMS] ?? Number.NaN) / MB
      const pages = Math.ceil(ITEMS / entry.pageSize)
      result.figures.push(
        {
          id: `pagination.${provider}.items_per_second`,
          label: `${provider} paginate ${ITEMS.toLocaleString('en')} items`,
          value: ITEMS / seconds,
          unit: 'items/s',
          readme: true,
          detail: `${pages} pages of ${entry.pageSize} (${entry.pageSizeSource}); ${seconds.toFixed(2)} s, client CPU ${cpuSeconds.toFixed(2)} s (the rest: waiting for the mock server); ${entry.operation}`,
        },
        {
          id: `pagination.${provider}.heap_growth_10k_mb`,
          label: `${provider} heap growth at ${CHECKPOINT.toLocaleString('en')} items`,
          value: at10k,
          unit: 'MB',
          detail: 'heapUsed after full GC minus heapUsed before iterating',
        },
        {
          id: `pagination.${provider}.heap_growth_100k_mb`,
          label: `${provider} heap growth at ${ITEMS.toLocaleString('en')} items`,
          value: at100k,
          unit: 'MB',
        },
      )
      result.targets.push(
        budgetTarget(
          `pagination.${provider}.heap_growth_mb`,
          `${provider}: heap growth over ${ITEMS.toLocaleString('en')} items`,
          Math.max(at10k, at100k),
          'MB',
          '<',
          HEAP_LIMIT_MB,
          `${at10k.toFixed(2)} MB at 10k items, ${at100k.toFixed(2)} MB at 100k`,
        ),
        budgetTarget(
          `pagination.${provider}.heap_growth_with_n_mb`,
          `${provider}: heap not growing with N (100k minus 10k)`,
          at100k - at10k,
          'MB',
          '<',
          HEAP_GROWTH_LIMIT_MB,
        ),
      )
    } finally {
      await server.close()
    }
  }
  return result
}
