import { ConfigurationError } from '@voicebatch/core'
import { assembleVoiceBatch } from './create-voicebatch-from.js'
import type { ProviderAdapters } from './facade-state.js'
import { techladderAdapter } from './providers/techladder-adapter.js'
import { truedyAdapter } from './providers/truedy-adapter.js'
import { ultravoxAdapter } from './providers/ultravox-adapter.js'
import type { VoiceBatch } from './voicebatch.js'
import type { VoiceBatchConfig } from './voicebatch-config.js'

/**
 * One facade over the configured providers. Each provider's client is created here, so a
 * missing API key (option or environment variable) throws `ConfigurationError` at once.
 * This wires every provider's adapter, so a bundle that uses it holds every provider's client:
 * `createVoiceBatchFrom` with only the adapters you use keeps the others out.
 */
export function createVoiceBatch<Config extends VoiceBatchConfig>(config: Config): VoiceBatch<Config> {
  if (typeof config !== 'object' || config === null) {
    throw new ConfigurationError('createVoiceBatch takes { ultravox?, techladder?, truedy? }.')
  }
  const adapters: { -readonly [P in keyof ProviderAdapters]: ProviderAdapters[P] } = {}
  if (config.ultravox !== undefined) adapters.ultravox = ultravoxAdapter(config.ultravox)
  if (config.techladder !== undefined) adapters.techladder = techladderAdapter(config.techladder)
  if (config.truedy !== undefined) adapters.truedy = truedyAdapter(config.truedy)
  return assembleVoiceBatch(adapters, 'createVoiceBatch') as unknown as VoiceBatch<Config>
}
