import type { PageIterator } from '@voicebatch/core'
import type { BatchCall } from './batch-call.js'
import type { CallBatch } from './call-batch.js'
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

/** The operations of a facade whose configured providers are `P`. */
export interface VoiceBatchOperations<P extends Provider> {
  /** The providers configured, in the order `listBatches` starts them. */
  readonly providers: readonly P[]
  /**
   * Batches across providers (default: all configured), fetched concurrently. A provider that
   * fails does not stop the others: see `ListBatchesOptions.onError` and `failFast`.
   */
  listBatches<Selected extends P = P>(options?: ListBatchesOptions<Selected>): BatchIterator<Selected>
  /** Reads one batch of a configured provider, normalized. */
  getBatch<Selected extends P>(ref: BatchRef<Selected>): Promise<CallBatch<Selected>>
  /** The calls of one batch, normalized, across pages. */
  listCalls<Selected extends P>(ref: CallsRef<Selected>): PageIterator<BatchCall<Selected>>
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
