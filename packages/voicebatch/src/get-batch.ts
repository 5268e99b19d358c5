import type { CallBatch } from './call-batch.js'
import { type FacadeState, requireClient, requireUltravoxAgent } from './facade-state.js'
import { normalizeBatch } from './normalize.js'
import type { Provider } from './provider.js'

export interface BatchRef<P extends Provider = Provider> {
  provider: P
  id: string
  /** Ultravox only: the batch's agent. Default: the configured agent, when there is exactly one. */
  agentId?: string | undefined
  signal?: AbortSignal | undefined
}

/** One batch, normalized. A batch that does not exist throws the client's `NotFoundError`. */
export async function getBatch(state: FacadeState, ref: BatchRef): Promise<CallBatch> {
  const signal = ref.signal === undefined ? {} : { signal: ref.signal }
  switch (ref.provider) {
    case 'ultravox': {
      const client = requireClient(state, 'ultravox')
      const agentId = requireUltravoxAgent(state, ref.agentId)
      const batch = await client.unwrap(
        client.GET('/api/agents/{agent_id}/scheduled_batches/{batch_id}', {
          params: { path: { agent_id: agentId, batch_id: ref.id } },
          ...signal,
        }),
      )
      return normalizeBatch('ultravox', batch, { agentId })
    }
    case 'techladder': {
      const client = requireClient(state, 'techladder')
      const { data } = await client.unwrap(
        client.GET('/call-batches/{batch_id}', { params: { path: { batch_id: ref.id } }, ...signal }),
      )
      return normalizeBatch('techladder', data)
    }
    case 'truedy': {
      const client = requireClient(state, 'truedy')
      const { data } = await client.unwrap(
        client.GET('/batch-calls/{batch_call_id}', {
          params: { path: { batch_call_id: ref.id } },
          ...signal,
        }),
      )
      return normalizeBatch('truedy', data)
    }
    default:
      return requireClient(state, ref.provider)
  }
}
