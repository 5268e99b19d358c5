import type { CallBatch } from './call-batch.js'
import type { BatchOperation } from './capabilities.js'
import { type FacadeState, requireAdapter } from './facade-state.js'
import type { BatchRef } from './get-batch.js'
import { UnsupportedOperationError } from './unsupported-operation-error.js'

type ControlOperation = Exclude<BatchOperation, 'create'>

const methods = {
  pause: 'pauseBatch',
  resume: 'resumeBatch',
  cancel: 'cancelBatch',
  delete: 'deleteBatch',
} as const

/**
 * Pause, resume, cancel or delete through the provider's own endpoint. A provider without one
 * throws `UnsupportedOperationError` before any request.
 */
export async function controlBatch(
  state: FacadeState,
  operation: ControlOperation,
  ref: BatchRef,
): Promise<CallBatch | undefined> {
  const { provider, signal, ...location } = ref
  const adapter = requireAdapter(state, provider)
  const method = adapter[methods[operation]] as
    | ((
        location: typeof ref,
        options: { signal?: AbortSignal | undefined },
      ) => Promise<CallBatch | undefined>)
    | undefined
  if (!adapter.capabilities[operation] || method === undefined) {
    throw new UnsupportedOperationError(provider, operation)
  }
  return method.call(adapter, { ...location, provider }, { signal })
}
