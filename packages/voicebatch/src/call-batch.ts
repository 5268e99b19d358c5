import type { CallBatch as TechladderCallBatch } from '@voicebatch/techladder'
import type { BatchCallResponse } from '@voicebatch/truedy'
import type { ScheduledCallBatch } from '@voicebatch/ultravox'
import type { Provider } from './provider.js'

export type BatchStatus =
  | 'draft'
  | 'scheduled'
  | 'running'
  | 'paused'
  | 'completed'
  | 'failed'
  | 'cancelled'
  | 'unknown'

/** Every batch status, in the order of the status table. */
export const batchStatuses: readonly BatchStatus[] = [
  'draft',
  'scheduled',
  'running',
  'paused',
  'completed',
  'failed',
  'cancelled',
  'unknown',
]

/** Each provider's batch as its API returns it (Techladder: the list item; its detail object is assignable). */
export interface RawBatches {
  ultravox: ScheduledCallBatch
  techladder: TechladderCallBatch
  truedy: BatchCallResponse
}

export type RawBatch<P extends Provider = Provider> = RawBatches[P]

/** One provider's batch in the normalized model. */
export interface ProviderCallBatch<P extends Provider> {
  provider: P
  id: string
  agentId: string | null
  name: string | null
  status: BatchStatus
  /** The provider's word; null where the provider has none (Ultravox). */
  rawStatus: string | null
  totalCalls: number | null
  completedCalls: number | null
  failedCalls: number | null
  /** ISO 8601 as the provider sent it. */
  createdAt: string
  scheduledAt: string | null
  endedAt: string | null
  /** The provider's typed object, untouched (the same object, not a copy). */
  raw: RawBatch<P>
  /**
   * The request ids (`x-request-id` / `request-id`) of the responses this object came from; empty
   * when the provider sends none. Non-enumerable: not in `JSON.stringify`, spreads or deep equality.
   * Absent on objects built by `normalizeBatch` / `normalizeCall`.
   */
  readonly requestIds?: readonly string[]
}

/**
 * A call batch of any provider. Distributes over `P`, so `CallBatch` is a union and checking
 * `batch.provider` narrows `batch.raw` to that provider's type.
 */
export type CallBatch<P extends Provider = Provider> = P extends Provider ? ProviderCallBatch<P> : never
