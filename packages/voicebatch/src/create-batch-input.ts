import type { Provider } from './provider.js'
import type { TechladderCreateOptions } from './providers/techladder-create.js'
import type { TruedyCreateOptions } from './providers/truedy-create.js'
import type { UltravoxCreateOptions } from './providers/ultravox-create.js'

/** One person to call. */
export interface ContactInput {
  /** E.164: `+` and 8 to 15 digits, e.g. `+15551234567`. Sent in each provider's own format. */
  phone: string
  name?: string | undefined
  /** Your ID for the contact (Techladder: `contact_id`; Truedy: custom field `external_id`; Ultravox: metadata). */
  externalId?: string | undefined
  /** Values the agent's prompt can use (Ultravox `templateContext`, Techladder `metadata`, Truedy `custom_fields`). */
  variables?: Readonly<Record<string, string | number | boolean | null>> | undefined
}

/** When a batch dials. Absent: it starts at once. */
export interface BatchSchedule {
  /** ISO 8601 with a zone, or a Date. */
  startAt: Date | string
  /** Ultravox only (its window's end: calls not placed by then expire). */
  endAt?: Date | string | undefined
  /** IANA name, e.g. `Europe/Paris` (Techladder and Truedy take the start in local time). Default `UTC`. */
  timezone?: string | undefined
}

/** Each provider's own create options. */
export interface CreateBatchOptions {
  ultravox: UltravoxCreateOptions
  techladder: TechladderCreateOptions
  truedy: TruedyCreateOptions
}

export interface CommonCreateInput<P extends Provider> {
  provider: P
  contacts: readonly ContactInput[]
  schedule?: BatchSchedule | undefined
  options: CreateBatchOptions[P]
  signal?: AbortSignal | undefined
}

/** Per provider: the agent (Ultravox: default the configured one), name, idempotency key where it exists. */
export interface ProviderCreateInput {
  ultravox: {
    agentId?: string | undefined
    /** Ultravox batches have no name: it is not sent. */
    name?: string | undefined
    idempotencyKey?: never
  }
  techladder: {
    agentId: string
    /** Techladder batches have no name: sent in the batch's `metadata`. */
    name?: string | undefined
    idempotencyKey?: never
  }
  truedy: {
    agentId: string
    name: string
    /** Sent as `X-Idempotency-Key`, the same on every attempt. Default: a new random UUID per call. */
    idempotencyKey?: string | undefined
  }
}

/** `createBatch`'s input: the shape depends on `provider`. */
export type CreateBatchInput<P extends Provider = Provider> = P extends Provider
  ? CreateBatchInputOf<P>
  : never

/** The same, not distributed: what `vb.createBatch` infers `P` from. */
export type CreateBatchInputOf<P extends Provider> = CommonCreateInput<P> & ProviderCreateInput[P]
