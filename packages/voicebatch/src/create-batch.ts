import type { CallBatch } from './call-batch.js'
import { checkCreateInput } from './check-create-input.js'
import type { CreateBatchInput } from './create-batch-input.js'
import { type FacadeState, requireAdapter } from './facade-state.js'
import { UnsupportedOperationError } from './unsupported-operation-error.js'

/**
 * Creates a batch on the input's provider and returns it normalized. Every check (phones, limits,
 * schedule, the provider's options) runs first: a `ConfigurationError` means nothing was sent.
 */
export async function createBatch(state: FacadeState, input: CreateBatchInput): Promise<CallBatch> {
  const adapter = requireAdapter(
    state,
    (input as { provider: CreateBatchInput['provider'] } | null)?.provider as never,
  )
  if (!adapter.capabilities.create) throw new UnsupportedOperationError(adapter.provider, 'create')
  const checked = checkCreateInput(input, adapter.capabilities)
  return adapter.createBatch(checked, { signal: input.signal })
}
