import { type FetchResult, requestIdOf } from '@voicebatch/core'

/**
 * Facade results carry the request ids of the responses they came from as `requestIds`: a
 * non-enumerable property, so the normalized model's fields, `JSON.stringify` and deep equality
 * stay as they were. Empty when the provider sends no `x-request-id` / `request-id` header.
 */
export interface WithRequestIds {
  readonly requestIds?: readonly string[]
}

export function withRequestIds<Value extends object>(value: Value, responses: readonly Response[]): Value {
  const ids = responses.map(requestIdOf).filter((id): id is string => id !== null)
  Object.defineProperty(value, 'requestIds', {
    value: Object.freeze(ids),
    enumerable: false,
    configurable: true,
  })
  return value
}

/** The request ids of a facade result; empty for an object the facade did not fetch (e.g. from `normalizeBatch`). */
export function requestIdsOf(value: object): readonly string[] {
  return (value as WithRequestIds).requestIds ?? []
}

/** `client.unwrap` that also hands back the response the data came from. */
export async function unwrapWithResponse<Data>(
  client: { unwrap<T>(result: FetchResult<T>): Promise<T> },
  pending: Promise<FetchResult<Data>>,
): Promise<{ data: Data; response: Response }> {
  const result = await pending
  return { data: await client.unwrap(result), response: result.response }
}
