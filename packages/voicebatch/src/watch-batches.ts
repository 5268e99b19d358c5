import { NotFoundError, RateLimitError } from '@voicebatch/core'
import { type BatchProgress, changesBetween, progressOf } from './batch-progress.js'
import { planBatchSources, statusSet } from './batch-sources.js'
import type { BatchStatus, CallBatch } from './call-batch.js'
import { configuredProviders, type FacadeState, requireAdapter } from './facade-state.js'
import type { Provider } from './provider.js'
import { rateLimitWait } from './rate-limit-wait.js'
import { checkInterval } from './watch-batch.js'
import { abortedError, clockOf } from './watch-clock.js'

export interface WatchBatchesFilter<P extends Provider = Provider> {
  /** Default: every configured provider. */
  providers?: readonly P[] | undefined
  /** Follow batches in these statuses (sent to the server where it filters, like `listBatches`). */
  status?: BatchStatus | readonly BatchStatus[] | undefined
  /** Ultravox: that agent instead of the configured ones; Techladder: `agent_id`; Truedy: checked locally. */
  agentId?: string | undefined
}

export interface WatchBatchesOptions {
  /** Wait between polls, in ms. Default 5000. */
  intervalMs?: number | undefined
  signal?: AbortSignal | undefined
}

interface Followed {
  batch: CallBatch
  finishedCalls: number | null
  started: { at: number; finishedCalls: number | null }
}

const keyOf = (batch: CallBatch) => `${batch.provider}\u0000${batch.agentId ?? ''}\u0000${batch.id}`

/**
 * Follows every batch matching the filter with list requests only: each interval lists each
 * provider (each Ultravox agent) at its largest page size, so 1,000 batches cost a few pages per
 * interval, not 1,000 reads. Yields a `BatchProgress` for each batch that appeared or changed. A
 * batch that leaves the filtered list (it ended, or was paused while following `running`) is read
 * once more so its last state is reported, then left. Runs until `signal` aborts or you `break`.
 */
export async function* watchBatches(
  state: FacadeState,
  filter: WatchBatchesFilter = {},
  options: WatchBatchesOptions = {},
): AsyncGenerator<BatchProgress> {
  const providers = [...new Set(filter.providers ?? configuredProviders(state))]
  const sources = planBatchSources(state, {
    providers,
    statuses: statusSet(filter.status),
    agentId: filter.agentId,
  })
  const intervalMs = checkInterval('intervalMs', options.intervalMs, 5_000)
  const { signal } = options
  const clock = clockOf(options)
  const followed = new Map<string, Followed>()

  const report = (batch: CallBatch): BatchProgress | undefined => {
    const adapter = requireAdapter(state, batch.provider)
    const finishedCalls = adapter.finishedCalls(batch as never)
    const key = keyOf(batch)
    const known = followed.get(key)
    const changes = changesBetween(known ?? null, batch, finishedCalls)
    if (changes.length === 0) return undefined
    const started = known?.started ?? { at: clock.now(), finishedCalls }
    followed.set(key, { batch, finishedCalls, started })
    return progressOf(batch, finishedCalls, changes, started, clock.now())
  }

  for (;;) {
    if (signal?.aborted) throw abortedError(signal)
    let wait = intervalMs
    // Listed batches the filter leaves out (filtered here, not by the server): no read needed for their end.
    const filteredOut = new Map<string, CallBatch>()
    const listed = await Promise.all(
      sources.map(async (source) => {
        const batches: CallBatch[] = []
        try {
          const pageSize = requireAdapter(state, source.provider).maxPageSize
          for await (const page of source.open({ pageSize, signal })) {
            for (const batch of page.items) {
              if (source.keep(batch)) batches.push(batch)
              else filteredOut.set(keyOf(batch), batch)
            }
            wait = Math.max(wait, rateLimitWait(page.response.headers, clock.now()))
          }
          return { ok: true as const, batches }
        } catch (error) {
          if (signal?.aborted) throw abortedError(signal)
          if (!RateLimitError.isInstance(error)) throw error
          wait = Math.max(wait, error.retryAfterMs ?? 0, rateLimitWait(error.headers, clock.now()))
          return { ok: false as const, provider: source.provider, agentId: source.agentId }
        }
      }),
    )
    const seen = new Set<string>()
    for (const result of listed) {
      if (!result.ok) {
        // Rate limited: keep following this source's batches from the next round.
        for (const [key, entry] of followed) {
          if (
            entry.batch.provider === result.provider &&
            (result.agentId === null || entry.batch.agentId === result.agentId)
          ) {
            seen.add(key)
          }
        }
        continue
      }
      for (const batch of result.batches) {
        seen.add(keyOf(batch))
        const progress = report(batch)
        if (progress !== undefined) yield progress
      }
    }
    for (const [key, entry] of [...followed]) {
      if (seen.has(key)) continue
      followed.delete(key)
      const last = filteredOut.get(key) ?? (await readLast(state, entry.batch, signal))
      if (last === undefined) continue
      followed.set(key, entry)
      const progress = report(last)
      followed.delete(key)
      if (progress !== undefined) yield progress
    }
    await clock.sleep(wait, signal)
  }
}

/** A batch that left the list, read once; undefined when it was deleted. */
async function readLast(state: FacadeState, batch: CallBatch, signal: AbortSignal | undefined) {
  try {
    const location = { id: batch.id, ...(batch.agentId === null ? {} : { agentId: batch.agentId }) }
    return await requireAdapter(state, batch.provider).getBatch(location, { signal })
  } catch (error) {
    if (NotFoundError.isInstance(error)) return undefined
    throw error
  }
}
