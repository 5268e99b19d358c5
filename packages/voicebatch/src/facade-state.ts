import { ConfigurationError } from '@voicebatch/core'
import { isProvider, type Provider, providers } from './provider.js'
import type { ProviderAdapter } from './provider-adapter.js'

export type ProviderAdapters = { readonly [P in Provider]?: ProviderAdapter<P> | undefined }

/** What the facade hands to each of its operations. */
export interface FacadeState {
  readonly adapters: ProviderAdapters
  /** How the facade was built, for the message that says how to configure a provider. */
  readonly entry: 'createVoiceBatch' | 'createVoiceBatchFrom'
}

export function configuredProviders(state: FacadeState): Provider[] {
  return providers.filter((provider) => state.adapters[provider] !== undefined)
}

/** The provider's adapter; a `ConfigurationError` naming the option when it is not configured. */
export function requireAdapter<P extends Provider>(state: FacadeState, provider: P): ProviderAdapter<P> {
  if (!isProvider(provider)) {
    throw new ConfigurationError(
      `Unknown provider ${JSON.stringify(provider)}: expected one of ${providers.join(', ')}.`,
    )
  }
  const adapter = state.adapters[provider]
  if (adapter === undefined) {
    const option =
      state.entry === 'createVoiceBatch'
        ? `{ ${provider}: { apiKey } }`
        : `{ ${provider}: ${provider}Adapter() }`
    throw new ConfigurationError(`${provider} is not configured: pass ${option} to ${state.entry}.`)
  }
  return adapter as ProviderAdapter<P>
}
