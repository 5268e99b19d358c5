import { ResponseShapeMismatch, requireRecord } from '@voicebatch/core'

/**
 * The batch object at `path` of a 2xx body, with its id (`idField`): without them there is
 * nothing to normalize, and `getBatch` throws `InvalidResponseError` naming what was missing
 * (through `client.unwrapShape`) instead of a batch with an empty id.
 */
export function requireBatch(value: unknown, path: string, idField: string): Record<string, unknown> {
  const batch = requireRecord(value, path)
  const id = batch[idField]
  if ((typeof id === 'string' && id !== '') || (typeof id === 'number' && Number.isFinite(id))) return batch
  throw new ResponseShapeMismatch(`${path === 'the body' ? '' : `${path}.`}${idField} (the batch's id)`, id)
}

/** The JSON object a 2xx body must be. */
export function requireBody(body: unknown): Record<string, unknown> {
  return requireRecord(body, 'a JSON object')
}
