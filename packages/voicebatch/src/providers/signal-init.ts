/** `{ signal }` for openapi-fetch's init, or nothing: `exactOptionalPropertyTypes` takes no `undefined`. */
export function signalInit(signal: AbortSignal | undefined): { signal?: AbortSignal } {
  return signal === undefined ? {} : { signal }
}
