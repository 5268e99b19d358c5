import type { PageIterator, PaginateOptions } from '@voicebatch/core'
import type { BatchCall } from './batch-call.js'
import { type FacadeState, requireClient, requireUltravoxAgent } from './facade-state.js'
import { mapPageIterator } from './map-page-iterator.js'
import { normalizeCall } from './normalize.js'
import type { Provider } from './provider.js'

export interface CallsRef<P extends Provider = Provider> extends PaginateOptions {
  provider: P
  batchId: string
  /** Ultravox only: the batch's agent. Default: the configured agent, when there is exactly one. */
  agentId?: string | undefined
}

/** A batch's calls, normalized: Ultravox scheduled calls, Techladder calls, Truedy contacts. */
export function listCalls(state: FacadeState, ref: CallsRef): PageIterator<BatchCall> {
  const { provider, batchId, agentId, ...options } = ref
  const context = { batchId }
  switch (provider) {
    case 'ultravox': {
      const client = requireClient(state, 'ultravox')
      const agent = requireUltravoxAgent(state, agentId)
      const calls = client.paginate(
        '/api/agents/{agent_id}/scheduled_batches/{batch_id}/scheduled_calls',
        { params: { path: { agent_id: agent, batch_id: batchId } } },
        options,
      )
      return mapPageIterator(calls, (call) => normalizeCall('ultravox', call, context))
    }
    case 'techladder': {
      const client = requireClient(state, 'techladder')
      const calls = client.paginate(
        '/call-batches/{batch_id}/calls',
        { params: { path: { batch_id: batchId } } },
        options,
      )
      return mapPageIterator(calls, (call) => normalizeCall('techladder', call, context))
    }
    case 'truedy': {
      const client = requireClient(state, 'truedy')
      const calls = client.paginate(
        '/batch-calls/{batch_call_id}/contacts',
        { params: { path: { batch_call_id: batchId } } },
        options,
      )
      return mapPageIterator(calls, (call) => normalizeCall('truedy', call, context))
    }
    default:
      return requireClient(state, provider)
  }
}
