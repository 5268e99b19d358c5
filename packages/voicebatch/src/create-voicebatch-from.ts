import { ConfigurationError } from '@voicebatch/core'
import { controlBatch } from './control-batch.js'
import { createBatch } from './create-batch.js'
import type { CreateBatchInput } from './create-batch-input.js'
import {
  configuredProviders,
  type FacadeState,
  type ProviderAdapters,
  requireAdapter,
} from './facade-state.js'
import { type BatchRef, getBatch } from './get-batch.js'
import { listBatches } from './list-batches.js'
import { listCalls } from './list-calls.js'
import { isProvider, type Provider } from './provider.js'
import type { VoiceBatchAdapters } from './provider-adapter.js'
import type { VoiceBatch, VoiceBatchOperations } from './voicebatch.js'
import { waitForBatch, watchBatch } from './watch-batch.js'
import { watchBatches } from './watch-batches.js'

/**
 * The facade over the adapters given, and only them: a bundler keeps the clients of these
 * providers and drops the others. `createVoiceBatchFrom({ truedy: truedyAdapter({ apiKey }) })`
 * is `createVoiceBatch({ truedy: { apiKey } })`, with the same type and behaviour.
 */
export function createVoiceBatchFrom<Adapters extends VoiceBatchAdapters>(
  adapters: Adapters,
): VoiceBatch<Adapters> {
  if (typeof adapters !== 'object' || adapters === null) {
    throw new ConfigurationError(
      'createVoiceBatchFrom takes { ultravox?, techladder?, truedy? }, each an adapter such as truedyAdapter().',
    )
  }
  for (const [key, adapter] of Object.entries(adapters)) {
    if (adapter === undefined) continue
    if (!isProvider(key)) {
      throw new ConfigurationError(
        `Unknown provider ${JSON.stringify(key)} in createVoiceBatchFrom: expected ultravox, techladder or truedy.`,
      )
    }
    if ((adapter as { provider?: unknown } | null)?.provider !== key) {
      throw new ConfigurationError(
        `createVoiceBatchFrom: { ${key} } must be ${key}Adapter(...), the adapter of that provider.`,
      )
    }
  }
  return assembleVoiceBatch(adapters, 'createVoiceBatchFrom') as VoiceBatch<Adapters>
}

/** The facade object: each provider's client (`vb.truedy`) and the operations. */
export function assembleVoiceBatch(
  adapters: ProviderAdapters,
  entry: FacadeState['entry'],
): VoiceBatchOperations<Provider> {
  const state: FacadeState = { adapters: Object.freeze({ ...adapters }), entry }
  const providers = configuredProviders(state)
  const clients = Object.fromEntries(providers.map((provider) => [provider, adapters[provider]?.client]))
  const operations: VoiceBatchOperations<Provider> = {
    providers: Object.freeze(providers),
    listBatches: (options) => listBatches(state, options) as never,
    getBatch: (ref) => getBatch(state, ref) as never,
    listCalls: (ref) => listCalls(state, ref) as never,
    capabilities: (provider) => requireAdapter(state, provider).capabilities as never,
    createBatch: (input) => createBatch(state, input as CreateBatchInput) as never,
    // The extra (never given) argument of an unsupported operation only exists in the types.
    pauseBatch: ((ref: BatchRef) => controlBatch(state, 'pause', ref)) as never,
    resumeBatch: ((ref: BatchRef) => controlBatch(state, 'resume', ref)) as never,
    cancelBatch: ((ref: BatchRef) => controlBatch(state, 'cancel', ref)) as never,
    deleteBatch: (async (ref: BatchRef) => {
      await controlBatch(state, 'delete', ref)
    }) as never,
    watchBatch: (ref, options) => watchBatch(state, ref, options) as never,
    waitForBatch: (ref, options) => waitForBatch(state, ref, options) as never,
    watchBatches: (filter, options) => watchBatches(state, filter, options) as never,
  }
  return Object.freeze({ ...clients, ...operations })
}
