import type { Provider } from './provider.js'
import type { techladderCapabilities } from './providers/techladder-capabilities.js'
import type { truedyCapabilities } from './providers/truedy-capabilities.js'
import type { ultravoxCapabilities } from './providers/ultravox-capabilities.js'

/** What the facade can ask a provider to do with a batch. */
export type BatchOperation = 'create' | 'pause' | 'resume' | 'cancel' | 'delete'

/** What a provider's API can do with batches, from its documentation. */
export interface BatchCapabilities {
  readonly create: boolean
  readonly pause: boolean
  readonly resume: boolean
  /** Stop a batch for good, keeping it. No provider documents one today. */
  readonly cancel: boolean
  readonly delete: boolean
  /** A batch can be (re)scheduled after it was created. */
  readonly schedule: boolean
  /** `createBatch`'s `schedule.endAt`: a window after which calls not placed expire. */
  readonly scheduleEnd: boolean
  /** A key that makes a repeated create safe (and so retried). */
  readonly idempotencyKey: boolean
  /** Most contacts one create takes; null when the provider documents none. */
  readonly maxContacts: number | null
}

/** Each provider's capabilities, as literal types: an operation a provider lacks is a type error. */
export interface ProviderCapabilities {
  ultravox: typeof ultravoxCapabilities
  techladder: typeof techladderCapabilities
  truedy: typeof truedyCapabilities
}

/** The providers among `P` whose API has `operation`. */
export type ProvidersWith<Operation extends BatchOperation, P extends Provider = Provider> = {
  [Key in P]: ProviderCapabilities[Key][Operation] extends true ? Key : never
}[P]

type UnionToIntersection<U> = (U extends unknown ? (value: U) => void : never) extends (
  value: infer I,
) => void
  ? I
  : never
type IsSingle<T> = [T] extends [UnionToIntersection<T>] ? true : false

/**
 * The extra argument a call needs when `Selected` is one provider known not to support
 * `operation`: none is accepted, so the call is a type error naming the reason. A provider not
 * known statically (a union) type-checks, and throws `UnsupportedOperationError` at run time.
 */
export type UnsupportedArguments<Operation extends BatchOperation, Selected extends Provider> =
  IsSingle<Selected> extends true
    ? [Selected] extends [ProvidersWith<Operation>]
      ? []
      : [unsupported: `${Selected} cannot ${Operation} a batch`]
    : []
