import type { BatchCall as TechladderBatchCall } from '@voicebatch/techladder'
import type { BatchCallContact } from '@voicebatch/truedy'
import type { ScheduledCall } from '@voicebatch/ultravox'
import type { Provider } from './provider.js'

export type CallStatus = 'queued' | 'in_progress' | 'completed' | 'failed' | 'expired' | 'unknown'

export const callStatuses: readonly CallStatus[] = [
  'queued',
  'in_progress',
  'completed',
  'failed',
  'expired',
  'unknown',
]

/** Each provider's call of a batch as its API returns it. */
export interface RawCalls {
  ultravox: ScheduledCall
  techladder: TechladderBatchCall
  truedy: BatchCallContact
}

export type RawCall<P extends Provider = Provider> = RawCalls[P]

/** One provider's call in the normalized model. */
export interface ProviderBatchCall<P extends Provider> {
  provider: P
  batchId: string
  /** The provider's call ID; null until the call is placed. */
  id: string | null
  status: CallStatus
  rawStatus: string | null
  /** The number called, E.164 (`+` added to Techladder's digits); null where the provider does not say. */
  phone: string | null
  /** When the call started and ended, ISO 8601 as the provider sent it; null when unknown or not yet. */
  startedAt: string | null
  endedAt: string | null
  durationSeconds: number | null
  /** The provider's reason for a failed call, where it gives one (Ultravox `error`). */
  error: string | null
  /** The provider's typed object, untouched (the same object, not a copy). */
  raw: RawCall<P>
  /**
   * The request ids (`x-request-id` / `request-id`) of the responses this object came from; empty
   * when the provider sends none. Non-enumerable: not in `JSON.stringify`, spreads or deep equality.
   * Absent on objects built by `normalizeBatch` / `normalizeCall`.
   */
  readonly requestIds?: readonly string[]
}

/** A call of any provider's batch; distributes over `P` like `CallBatch`. */
export type BatchCall<P extends Provider = Provider> = P extends Provider ? ProviderBatchCall<P> : never
