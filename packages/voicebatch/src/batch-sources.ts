import { ConfigurationError } from '@voicebatch/core'
import { type BatchStatus, batchStatuses, type CallBatch } from './call-batch.js'
import { type FacadeState, requireAdapter } from './facade-state.js'
import type { Provider } from './provider.js'
import type { BatchSource } from './provider-adapter.js'

/** A provider's stream of batch pages, with what `listBatches` needs to merge and check it. */
export interface PlannedBatchSource extends BatchSource {
  provider: Provider
  /** The filter every batch is checked against (always: servers may not filter as documented). */
  keep(batch: CallBatch): boolean
}

export interface BatchFilter {
  providers: readonly Provider[]
  statuses: ReadonlySet<BatchStatus> | undefined
  agentId: string | undefined
}

/**
 * The requests that list `filter`'s batches: each provider's adapter sends the filters its API
 * takes to the server (one request per server status when several map to the asked ones, none
 * when no server status can match); every batch is checked here again.
 */
export function planBatchSources(state: FacadeState, filter: BatchFilter): PlannedBatchSource[] {
  const { statuses, agentId } = filter
  const keep = (batch: CallBatch) =>
    (statuses === undefined || statuses.has(batch.status)) &&
    (agentId === undefined || batch.agentId === agentId)
  return filter.providers.flatMap((provider) =>
    requireAdapter(state, provider)
      .batchSources({ statuses, agentId })
      .map((source) => ({ ...source, provider, keep })),
  )
}

/** The `status` option as a set; a `ConfigurationError` for a word outside `BatchStatus`. */
export function statusSet(
  status: BatchStatus | readonly BatchStatus[] | undefined,
): Set<BatchStatus> | undefined {
  if (status === undefined) return undefined
  const list: readonly unknown[] = Array.isArray(status) ? status : [status]
  for (const value of list) {
    if (!batchStatuses.includes(value as BatchStatus)) {
      throw new ConfigurationError(
        `Invalid status ${JSON.stringify(value)}: expected one of ${batchStatuses.join(', ')}.`,
      )
    }
  }
  return new Set(list as BatchStatus[])
}
