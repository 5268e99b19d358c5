import {
  ConfigurationError,
  clientOptionKeys,
  isRecord,
  rejectUnknownKeys,
  resolveApiKey,
} from '@voicebatch/core'
import { type Provider, providers } from './provider.js'
import type { VoiceBatchConfig } from './voicebatch-config.js'

/**
 * `TRUEDY_API_KEY`: every client's variable follows this rule (a test holds each client to it).
 * Derived rather than imported, so a bundle that composes one provider holds no other client.
 */
export function apiKeyVariable(provider: Provider): string {
  return `${provider.toUpperCase()}_API_KEY`
}

/**
 * `createVoiceBatch`'s config, checked before any client exists: an unknown provider (`truedi`) or
 * option is a `ConfigurationError` naming the key and the accepted ones, and each configured
 * provider's key is resolved here, so a missing one names `createVoiceBatch({ truedy: { apiKey } })`
 * and `TRUEDY_API_KEY`. Values are never quoted: they may be secrets.
 */
export function checkVoiceBatchConfig(config: unknown): VoiceBatchConfig {
  if (!isRecord(config)) {
    throw new ConfigurationError('createVoiceBatch takes { ultravox?, techladder?, truedy? }.')
  }
  rejectUnknownKeys(config, providers, 'createVoiceBatch')
  const checked: Record<string, unknown> = {}
  for (const provider of providers) {
    const options = config[provider]
    if (options === undefined) continue
    const where = `createVoiceBatch({ ${provider} })`
    if (!isRecord(options)) {
      throw new ConfigurationError(`${where} takes the ${provider} client's options, e.g. { apiKey }.`)
    }
    const accepted = provider === 'ultravox' ? [...clientOptionKeys, 'agentIds'] : clientOptionKeys
    rejectUnknownKeys(options, accepted, where)
    const apiKey = resolveApiKey({
      provider,
      option: options.apiKey as string | undefined,
      envVar: apiKeyVariable(provider),
      factoryName: 'createVoiceBatch',
      howToPass: `createVoiceBatch({ ${provider}: { apiKey } })`,
    })
    checked[provider] = { ...options, apiKey }
  }
  return checked as VoiceBatchConfig
}
