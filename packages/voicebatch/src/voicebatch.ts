import type { PageIterator } from '@voicebatch/core'
import type { BatchCall } from './batch-call.js'
import type { BatchProgress } from './batch-progress.js'
import type { CallBatch } from './call-batch.js'
import type { ProviderCapabilities, UnsupportedArguments } from './capabilities.js'
import type { CreateBatchInputOf } from './create-batch-input.js'
import type { BatchRef } from './get-batch.js'
import type { BatchIterator, ListBatchesOptions } from './list-batches.js'
import type { CallsRef } from './list-calls.js'
import type { Provider } from './provider.js'
import type {
  ConfiguredProvider,
  ProviderClients,
  SurelyConfiguredProvider,
  VoiceBatchConfig,
  VoiceBatchSetup,
} from './voicebatch-config.js'
import type { WatchBatchOptions } from './watch-batch.js'
import type { WatchBatchesFilter, WatchBatchesOptions } from './watch-batches.js'

/** The operations of a facade whose configured providers are `P`. */
export interface VoiceBatchOperations<P extends Provider> {
  /** The providers configured, in the order `listBatches` starts them. */
  readonly providers: readonly P[]
  /**
   * Batches across providers (default: all configured), fetched concurrently. A provider that
   * fails does not stop the others: see `ListBatchesOptions.onError` and `failFast`.
   */
  listBatches<Selected extends P = P>(options?: ListBatchesOptions<Selected>): BatchIterator<Selected>
  getBatch<Selected extends P>(ref: BatchRef<Selected>): Promise<CallBatch<Selected>>
  listCalls<Selected extends P>(ref: CallsRef<Selected>): PageIterator<BatchCall<Selected>>
  /** What the provider's API can do with batches (literal types: `capabilities('techladder').pause` is `false`). */
  capabilities<Selected extends P>(provider: Selected): ProviderCapabilities[Selected]
  /** Creates a batch from one input mapped to the provider's body; checks everything before sending. */
  createBatch<Selected extends P>(input: CreateBatchInputOf<Selected>): Promise<CallBatch<Selected>>
  /** A provider without the operation is a type error when known statically, else `UnsupportedOperationError`. */
  pauseBatch<Selected extends P>(
    ref: BatchRef<Selected>,
    ...unsupported: UnsupportedArguments<'pause', Selected>
  ): Promise<CallBatch<Selected>>
  resumeBatch<Selected extends P>(
    ref: BatchRef<Selected>,
    ...unsupported: UnsupportedArguments<'resume', Selected>
  ): Promise<CallBatch<Selected>>
  cancelBatch<Selected extends P>(
    ref: BatchRef<Selected>,
    ...unsupported: UnsupportedArguments<'cancel', Selected>
  ): Promise<CallBatch<Selected>>
  deleteBatch<Selected extends P>(
    ref: BatchRef<Selected>,
    ...unsupported: UnsupportedArguments<'delete', Selected>
  ): Promise<void>
  /** A snapshot at once and on each change, until a terminal status. */
  watchBatch<Selected extends P>(
    ref: BatchRef<Selected>,
    options?: WatchBatchOptions,
  ): AsyncGenerator<BatchProgress<Selected>, void, undefined>
  /** Resolves with the batch at a terminal status. */
  waitForBatch<Selected extends P>(
    ref: BatchRef<Selected>,
    options?: WatchBatchOptions,
  ): Promise<CallBatch<Selected>>
  /** Many batches, by polling list endpoints: a few requests per interval, not one per batch. */
  watchBatches<Selected extends P = P>(
    filter?: WatchBatchesFilter<Selected>,
    options?: WatchBatchesOptions,
  ): AsyncGenerator<BatchProgress<Selected>, void, undefined>
}

/**
 * The facade for `Config` (`createVoiceBatch`'s options or `createVoiceBatchFrom`'s adapters):
 * its operations, and each configured provider's client (`vb.truedy`). A provider the config
 * surely sets is a required property; one it may set (a key typed `... | undefined`) an optional
 * one; any other is absent, and reading it is a type error.
 */
export type VoiceBatch<Config extends VoiceBatchSetup = VoiceBatchConfig> = VoiceBatchOperations<
  ConfiguredProvider<Config>
> & { readonly [Key in SurelyConfiguredProvider<Config>]: ProviderClients[Key] } & {
  readonly [Key in Exclude<
    ConfiguredProvider<Config>,
    SurelyConfiguredProvider<Config>
  >]?: ProviderClients[Key]
}
