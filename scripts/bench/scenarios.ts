import type { ScenarioResult } from './scenario.ts'

export interface ScenarioDefinition {
  name: string
  title: string
  /** The child process running it is killed after this long. */
  timeoutMs: number
  /** Loaded in the child only, so one scenario's imports cannot break another. */
  run(root: string): Promise<ScenarioResult>
}

/** Every scenario of `pnpm bench`, in the order they run (each in a fresh process). */
export const scenarios: ScenarioDefinition[] = [
  {
    name: 'stubbed-overhead',
    title: '1. Per-call overhead, stubbed fetch',
    timeoutMs: 900_000, // minutes on an idle machine; a shared one can take many times that
    run: async () => (await import('./stubbed-overhead.ts')).stubbedOverhead(),
  },
  {
    name: 'logging-overhead',
    title: '1b. Logging and hooks: free when unused',
    timeoutMs: 120_000,
    run: async () => (await import('./logging-overhead.ts')).loggingOverhead(),
  },
  {
    name: 'loopback-throughput',
    title: '2. Loopback HTTP throughput',
    timeoutMs: 900_000,
    run: async () => (await import('./loopback-throughput.ts')).loopbackThroughput(),
  },
  {
    name: 'pagination-throughput',
    title: '3a. Pagination: 100,000 items, heap',
    timeoutMs: 180_000,
    run: async () => (await import('./pagination-throughput.ts')).paginationThroughput(),
  },
  {
    name: 'pagination-concurrency',
    title: '3b. Pagination: fetching ahead',
    timeoutMs: 120_000,
    run: async () => (await import('./pagination-concurrency.ts')).paginationConcurrency(),
  },
  {
    name: 'generation-time',
    title: '4. Generation and no-op build',
    timeoutMs: 600_000,
    run: async (root) => (await import('./generation-time.ts')).generationTime(root),
  },
  {
    name: 'bundle-size',
    title: '5. Bundle size',
    timeoutMs: 180_000,
    run: async (root) => (await import('./bundle-size.ts')).bundleSize(root),
  },
  {
    name: 'consumer-typecheck',
    title: '6. Consumer type-check cost',
    timeoutMs: 300_000,
    run: async (root) => (await import('./consumer-typecheck.ts')).consumerTypecheck(root),
  },
  {
    name: 'following-batches',
    title: '7. Following 1,000 batches',
    timeoutMs: 180_000,
    run: async () => (await import('./following-batches.ts')).followingBatches(),
  },
]
