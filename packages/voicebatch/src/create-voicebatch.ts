import { checkVoiceBatchConfig } from './check-voicebatch-config.js'
import { assembleVoiceBatch } from './create-voicebatch-from.js'
import type { ProviderAdapters } from './facade-state.js'
import { techladderAdapter } from './providers/techladder-adapter.js'
import { truedyAdapter } from './providers/truedy-adapter.js'
import { ultravoxAdapter } from './providers/ultravox-adapter.js'
import type { VoiceBatch } from './voicebatch.js'
import type { VoiceBatchConfig } from './voicebatch-config.js'

/**
 * One facade over the configured providers. The config is checked and each provider's client
 * created here, so an unknown key (`truedi`) or a missing API key (option or environment
 * variable) throws `ConfigurationError` at once, before anything is sent.
 * This wires every provider's adapter, so a bundle that uses it holds every provider's client:
 * `createVoiceBatchFrom` with only the adapters you use keeps the others out.
 */
export function createVoiceBatch<Config extends VoiceBatchConfig>(config: Config): VoiceBatch<Config> {
  const checked = checkVoiceBatchConfig(config)
  const adapters: { -readonly [P in keyof ProviderAdapters]: ProviderAdapters[P] } = {}
  if (checked.ultravox !== undefined) adapters.ultravox = ultravoxAdapter(checked.ultravox)
  if (checked.techladder !== undefined) adapters.techladder = techladderAdapter(checked.techladder)
  if (checked.truedy !== undefined) adapters.truedy = truedyAdapter(checked.truedy)
  return assembleVoiceBatch(adapters, 'createVoiceBatch') as unknown as VoiceBatch<Config>
}
