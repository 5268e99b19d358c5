import { ConfigurationError, type PageIterator } from '@voicebatch/core'
import { createTechladderClient } from '@voicebatch/techladder'
import { createTruedyClient } from '@voicebatch/truedy'
import { createUltravoxClient } from '@voicebatch/ultravox'
import type { BatchCall } from './batch-call.js'
import type { CallBatch } from './call-batch.js'
import { configuredProviders, type FacadeState } from './facade-state.js'
import { type BatchRef, getBatch } from './get-batch.js'
import { type BatchIterator, type ListBatchesOptions, listBatches } from './list-batches.js'
import { type CallsRef, listCalls } from './list-calls.js'
import type { Provider } from './provider.js'
import type {
  ConfiguredProvider,
  ProviderClients,
  SurelyConfiguredProvider,
  VoiceBatchConfig,
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
  getBatch<Selected extends P>(ref: BatchRef<Selected>): Promise<CallBatch<Selected>>
  listCalls<Selected extends P>(ref: CallsRef<Selected>): PageIterator<BatchCall<Selected>>
}

/**
 * The facade for `Config`: its operations, and each configured provider's client (`vb.truedy`).
 * A provider the config surely sets is a required property; one it may set (a key typed
 * `... | undefined`) an optional one; any other is absent, and reading it is a type error.
 */
export type VoiceBatch<Config extends VoiceBatchConfig = VoiceBatchConfig> = VoiceBatchOperations<
  ConfiguredProvider<Config>
> & { readonly [Key in SurelyConfiguredProvider<Config>]: ProviderClients[Key] } & {
  readonly [Key in Exclude<
    ConfiguredProvider<Config>,
    SurelyConfiguredProvider<Config>
  >]?: ProviderClients[Key]
}

/**
 * One facade over the configured providers. Each provider's client is created here, so a
 * missing API key (option or environment variable) throws `ConfigurationError` at once.
 */
export function createVoiceBatch<Config extends VoiceBatchConfig>(config: Config): VoiceBatch<Config> {
  if (typeof config !== 'object' || config === null) {
    throw new ConfigurationError('createVoiceBatch takes { ultravox?, techladder?, truedy? }.')
  }
  const clients: Partial<ProviderClients> = {}
  let agentIds: readonly string[] = []
  if (config.ultravox !== undefined) {
    const { agentIds: configured, ...options } = config.ultravox
    agentIds = checkAgentIds(configured)
    clients.ultravox = createUltravoxClient(options)
  }
  if (config.techladder !== undefined) clients.techladder = createTechladderClient(config.techladder)
  if (config.truedy !== undefined) clients.truedy = createTruedyClient(config.truedy)

  const state: FacadeState = { clients: Object.freeze({ ...clients }), agentIds }
  const operations: VoiceBatchOperations<Provider> = {
    providers: Object.freeze(configuredProviders(state)),
    listBatches: (options) => listBatches(state, options) as never,
    getBatch: (ref) => getBatch(state, ref) as never,
    listCalls: (ref) => listCalls(state, ref) as never,
  }
  return Object.freeze({ ...clients, ...operations }) as unknown as VoiceBatch<Config>
}

function checkAgentIds(agentIds: unknown): readonly string[] {
  if (agentIds === undefined) return []
  if (!Array.isArray(agentIds) || agentIds.some((agentId) => typeof agentId !== 'string' || agentId === '')) {
    throw new ConfigurationError('Invalid ultravox agentIds: expected an array of non-empty strings.')
  }
  return Object.freeze([...new Set(agentIds as string[])])
}
