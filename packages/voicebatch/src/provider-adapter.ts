import type { Page, PageIterator, PaginateOptions } from '@voicebatch/core'
import type { BatchCall } from './batch-call.js'
import type { BatchStatus, CallBatch } from './call-batch.js'
import type { BatchCapabilities } from './capabilities.js'
import type { CheckedCreate } from './check-create-input.js'
import type { Provider } from './provider.js'
import type { ProviderClients } from './voicebatch-config.js'

/**
 * One provider behind the facade: its client, and the provider's side of each operation, with
 * results already normalized. Built by `ultravoxAdapter`, `techladderAdapter` and
 * `truedyAdapter`; the facade's own code (merging, filtering, failures) knows no provider.
 */
export interface ProviderAdapter<P extends Provider = Provider> {
  readonly provider: P
  /** The provider's client, shown on the facade as `vb[provider]`. */
  readonly client: ProviderClients[P]
  /**
   * The requests that list the batches matching `filter`, with the filters the provider's API
   * takes sent to its server; none when no batch of this provider can match.
   */
  batchSources(filter: BatchSourceFilter): BatchSource<P>[]
  getBatch(batch: BatchLocation, options: RequestOptions): Promise<CallBatch<P>>
  listCalls(batch: BatchLocation, options: PaginateOptions): PageIterator<BatchCall<P>>
  /** The largest page its batch list serves (what watchers ask for, to poll with few requests). */
  readonly maxPageSize: number
  /** What the provider's API can do; an operation it lacks is absent below. */
  readonly capabilities: BatchCapabilities
  /** One batch and the response that carried it (for rate-limit headers while watching). */
  readBatch(
    batch: BatchLocation,
    options: RequestOptions,
  ): Promise<{ batch: CallBatch<P>; response: Response }>
  /** Calls that are over (succeeded or failed), in the provider's own counters; null when unknown. */
  finishedCalls(batch: CallBatch<P>): number | null
  createBatch(input: CheckedCreate, options: RequestOptions): Promise<CallBatch<P>>
  pauseBatch?(batch: BatchLocation, options: RequestOptions): Promise<CallBatch<P>>
  resumeBatch?(batch: BatchLocation, options: RequestOptions): Promise<CallBatch<P>>
  cancelBatch?(batch: BatchLocation, options: RequestOptions): Promise<CallBatch<P>>
  deleteBatch?(batch: BatchLocation, options: RequestOptions): Promise<void>
}

export interface RequestOptions {
  signal?: AbortSignal | undefined
}

/** The filter of one `listBatches` call; the facade checks every batch against it again. */
export interface BatchSourceFilter {
  /** Undefined: any status. */
  statuses: ReadonlySet<BatchStatus> | undefined
  /** Undefined: any agent (for Ultravox: the configured ones). */
  agentId: string | undefined
}

/** One stream of batch pages: a provider, or for Ultravox one agent. */
export interface BatchSource<P extends Provider = Provider> {
  /** Ultravox: the agent listed; null for the other providers. */
  agentId: string | null
  /** The server applied every filter: its totals hold and `limit` can be passed down. */
  exact: boolean
  open(options: PaginateOptions): AsyncIterable<Page<CallBatch<P>>>
}

export interface BatchLocation {
  id: string
  /** Ultravox only: the batch's agent. Default: the configured agent, when there is exactly one. */
  agentId?: string | undefined
}

/** The adapters `createVoiceBatchFrom` composes, each under its provider's name. */
export interface VoiceBatchAdapters {
  ultravox?: ProviderAdapter<'ultravox'> | undefined
  techladder?: ProviderAdapter<'techladder'> | undefined
  truedy?: ProviderAdapter<'truedy'> | undefined
}

/** A built client rather than client options: adapters take either. */
export function isProviderClient(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { GET?: unknown }).GET === 'function' &&
    typeof (value as { paginate?: unknown }).paginate === 'function'
  )
}
