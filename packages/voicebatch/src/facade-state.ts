import { ConfigurationError } from '@voicebatch/core'
import { isProvider, type Provider, providers } from './provider.js'
import type { ProviderClients } from './voicebatch-config.js'

/** What `createVoiceBatch` hands to each of its operations. */
export interface FacadeState {
  readonly clients: Readonly<Partial<ProviderClients>>
  /** Ultravox agents from the config. */
  readonly agentIds: readonly string[]
}

export function configuredProviders(state: FacadeState): Provider[] {
  return providers.filter((provider) => state.clients[provider] !== undefined)
}

/** The provider's client; a `ConfigurationError` naming the option when it is not configured. */
export function requireClient<P extends Provider>(state: FacadeState, provider: P): ProviderClients[P] {
  if (!isProvider(provider)) {
    throw new ConfigurationError(
      `Unknown provider ${JSON.stringify(provider)}: expected one of ultravox, techladder, truedy.`,
    )
  }
  const client = state.clients[provider]
  if (client === undefined) {
    throw new ConfigurationError(
      `${provider} is not configured: pass { ${provider}: { apiKey } } to createVoiceBatch.`,
    )
  }
  return client as ProviderClients[P]
}

/** The agent an Ultravox batch belongs to: the one given, else the only configured one. */
export function requireUltravoxAgent(state: FacadeState, agentId: string | undefined): string {
  if (agentId !== undefined) {
    if (typeof agentId !== 'string' || agentId === '') {
      throw new ConfigurationError('Invalid agentId: expected a non-empty string.')
    }
    return agentId
  }
  const [only, ...others] = state.agentIds
  if (only !== undefined && others.length === 0) return only
  throw new ConfigurationError(
    state.agentIds.length === 0
      ? 'ultravox batches belong to an agent: pass { agentId }, or configure { ultravox: { agentIds } } with one agent.'
      : `ultravox batches belong to an agent and ${state.agentIds.length} are configured: pass { agentId }.`,
  )
}
