import type { MockProvider } from '../types.js'
import type { ProviderMock } from './provider-mock.js'
import type { ProviderSettings } from './shared/provider-settings.js'
import { createTechladderMock } from './techladder/techladder-mock.js'
import { createTruedyMock } from './truedy/truedy-mock.js'
import { createUltravoxMock } from './ultravox/ultravox-mock.js'

export type { ProviderSettings }

/** The key each mock accepts unless `apiKey` says otherwise. */
export const mockApiKeys: Readonly<Record<MockProvider, string>> = {
  ultravox: 'uv_test_key',
  techladder: 'sk_test_techladder_key',
  truedy: 'td_test_key',
}

export function createProviderMock(provider: MockProvider, settings: ProviderSettings): ProviderMock {
  switch (provider) {
    case 'ultravox':
      return createUltravoxMock(settings)
    case 'techladder':
      return createTechladderMock(settings)
    case 'truedy':
      return createTruedyMock(settings)
  }
}
