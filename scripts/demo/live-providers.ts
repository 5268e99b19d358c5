import type { VoiceBatchConfig } from 'voicebatch'
import type { DemoProviders } from './mock-providers.js'

/**
 * The real APIs, for the providers whose key is in the environment: ULTRAVOX_API_KEY (with
 * ULTRAVOX_AGENT_IDS, comma-separated: Ultravox lists batches per agent), TECHLADDER_API_KEY,
 * TRUEDY_API_KEY. The clients read the keys from these variables themselves.
 */
export function liveProviders(environment = process.env): DemoProviders & { skipped: string[] } {
  const config: VoiceBatchConfig = {}
  const skipped: string[] = []
  const agentIds = (environment.ULTRAVOX_AGENT_IDS ?? '')
    .split(',')
    .map((agentId) => agentId.trim())
    .filter((agentId) => agentId !== '')
  if (environment.ULTRAVOX_API_KEY) {
    if (agentIds.length > 0) config.ultravox = { agentIds }
    else skipped.push('ultravox (ULTRAVOX_API_KEY is set but ULTRAVOX_AGENT_IDS is not)')
  }
  if (environment.TECHLADDER_API_KEY) config.techladder = {}
  if (environment.TRUEDY_API_KEY) config.truedy = {}
  const names = Object.keys(config)
  return {
    config,
    skipped,
    describe: `live APIs: ${names.length > 0 ? names.join(', ') : 'none'}`,
    close: async () => {},
  }
}
