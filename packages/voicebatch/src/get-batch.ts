import type { CallBatch } from './call-batch.js'
import { type FacadeState, requireAdapter } from './facade-state.js'
import type { Provider } from './provider.js'

/** Which batch `getBatch` reads: its provider and ID. */
export interface BatchRef<P extends Provider = Provider> {
  provider: P
  id: string
  /** Ultravox only: the batch's agent. Default: the configured agent, when there is exactly one. */
  agentId?: string | undefined
  signal?: AbortSignal | undefined
}

/** One batch, normalized. A batch that does not exist throws the client's `NotFoundError`. */
export async function getBatch(state: FacadeState, ref: BatchRef): Promise<CallBatch> {
  const { provider, signal, ...batch } = ref
  return requireAdapter(state, provider).getBatch(batch, { signal })
}
