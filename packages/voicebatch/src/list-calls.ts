import type { PageIterator, PaginateOptions } from '@voicebatch/core'
import type { BatchCall } from './batch-call.js'
import { type FacadeState, requireAdapter } from './facade-state.js'
import type { Provider } from './provider.js'

/** Whose calls `listCalls` lists: a batch of one provider, and how to paginate. */
export interface CallsRef<P extends Provider = Provider> extends PaginateOptions {
  provider: P
  batchId: string
  /** Ultravox only: the batch's agent. Default: the configured agent, when there is exactly one. */
  agentId?: string | undefined
}

/** A batch's calls, normalized: Ultravox scheduled calls, Techladder calls, Truedy contacts. */
export function listCalls(state: FacadeState, ref: CallsRef): PageIterator<BatchCall> {
  const { provider, batchId, agentId, ...options } = ref
  return requireAdapter(state, provider).listCalls({ id: batchId, agentId }, options)
}
