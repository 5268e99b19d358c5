import { ConfigurationError, RateLimitError } from '@voicebatch/core'
import { type BatchProgress, changesBetween, progressOf } from './batch-progress.js'
import type { CallBatch } from './call-batch.js'
import { type FacadeState, requireAdapter } from './facade-state.js'
import type { BatchRef } from './get-batch.js'
import { rateLimitWait } from './rate-limit-wait.js'
import { abortedError, clockOf } from './watch-clock.js'

export interface WatchBatchOptions {
  /** Wait between requests while the batch changes, in ms. Default 5000. */
  intervalMs?: number | undefined
  /** The wait grows 1.5 times per unchanged poll up to this. Default 12 × intervalMs, at most 60000. */
  maxIntervalMs?: number | undefined
  /** Stops watching: the iteration throws `RequestAbortedError`, within a tick. */
  signal?: AbortSignal | undefined
}

export function checkInterval(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback
  if (!(typeof value === 'number' && Number.isFinite(value) && value >= 0)) {
    throw new ConfigurationError(`Invalid ${name} ${String(value)}: expected a number of milliseconds >= 0.`)
  }
  return value
}

/**
 * Follows one batch: a snapshot at once, then one each time it changes, ending after a terminal
 * status. Polls `getBatch`; while nothing changes the wait grows to `maxIntervalMs`. The client's
 * retries ride out transient errors; a rate limit (429 after them, `Retry-After`, Techladder's
 * `X-RateLimit-Remaining: 0`) waits as asked and polls on; any other error is thrown.
 */
export async function* watchBatch(
  state: FacadeState,
  ref: BatchRef,
  options: WatchBatchOptions = {},
): AsyncGenerator<BatchProgress> {
  const { provider, signal: refSignal, ...location } = ref
  const adapter = requireAdapter(state, provider)
  const intervalMs = checkInterval('intervalMs', options.intervalMs, 5_000)
  const maxIntervalMs = Math.max(
    intervalMs,
    checkInterval('maxIntervalMs', options.maxIntervalMs, Math.min(60_000, intervalMs * 12)),
  )
  const signal = options.signal ?? refSignal
  const clock = clockOf(options)
  const started = { at: clock.now(), finishedCalls: null as number | null }
  let previous: { batch: CallBatch; finishedCalls: number | null } | null = null
  let delay = intervalMs

  for (;;) {
    if (signal?.aborted) throw abortedError(signal)
    let wait: number
    try {
      const { batch, response } = await adapter.readBatch(location, { signal })
      const finishedCalls = adapter.finishedCalls(batch as never)
      if (previous === null) started.finishedCalls = finishedCalls
      const changes = changesBetween(previous, batch, finishedCalls)
      if (changes.length > 0) {
        const progress = progressOf(batch, finishedCalls, changes, started, clock.now())
        previous = { batch, finishedCalls }
        delay = intervalMs
        yield progress
        if (progress.done) return
      } else {
        delay = Math.min(maxIntervalMs, Math.max(delay * 1.5, 1))
      }
      wait = Math.max(delay, rateLimitWait(response.headers, clock.now()))
    } catch (error) {
      if (signal?.aborted) throw abortedError(signal)
      if (!RateLimitError.isInstance(error)) throw error
      wait = Math.max(delay, error.retryAfterMs ?? 0, rateLimitWait(error.headers, clock.now()))
    }
    await clock.sleep(wait, signal)
  }
}

/** The batch once it reaches a terminal status (completed, failed, cancelled). */
export async function waitForBatch(
  state: FacadeState,
  ref: BatchRef,
  options: WatchBatchOptions = {},
): Promise<CallBatch> {
  let last: CallBatch | undefined
  for await (const progress of watchBatch(state, ref, options)) last = progress.batch
  return last as CallBatch
}
