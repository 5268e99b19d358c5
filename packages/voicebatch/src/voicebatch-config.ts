import type { TechladderClient, TechladderClientOptions } from '@voicebatch/techladder'
import type { TruedyClient, TruedyClientOptions } from '@voicebatch/truedy'
import type { UltravoxClient, UltravoxClientOptions } from '@voicebatch/ultravox'
import type { Provider } from './provider.js'
import type { VoiceBatchAdapters } from './provider-adapter.js'

/** The Ultravox client's options, and the agents whose batches to list. */
export interface UltravoxConfig extends UltravoxClientOptions {
  /** The agents whose batches `listBatches` lists (Ultravox lists batches per agent). */
  agentIds?: readonly string[] | undefined
}

/** Each provider is optional; a configured one gets its client, created at once (a missing key throws here). */
export interface VoiceBatchConfig {
  ultravox?: UltravoxConfig | undefined
  techladder?: TechladderClientOptions | undefined
  truedy?: TruedyClientOptions | undefined
}

/** Each provider's client type, by provider name: what `vb.truedy` and the others are. */
export interface ProviderClients {
  ultravox: UltravoxClient
  techladder: TechladderClient
  truedy: TruedyClient
}

/** What a facade is built from: `createVoiceBatch`'s options, or `createVoiceBatchFrom`'s adapters. */
export type VoiceBatchSetup = VoiceBatchConfig | VoiceBatchAdapters

/** The providers a setup may configure: every key that can hold options (or an adapter). */
export type ConfiguredProvider<Config extends VoiceBatchSetup> = {
  [Key in Provider & keyof Config]-?: [Exclude<Config[Key], undefined>] extends [never] ? never : Key
}[Provider & keyof Config]

/** The providers a setup surely configures: a key that is neither optional nor possibly undefined. */
export type SurelyConfiguredProvider<Config extends VoiceBatchSetup> = {
  [Key in ConfiguredProvider<Config>]-?: object extends Pick<Config, Key>
    ? never
    : undefined extends Config[Key]
      ? never
      : Key
}[ConfiguredProvider<Config>]
