/** What every attempt event says. URLs are redacted: secrets and credential-like query values removed. */
export interface AttemptEvent {
  provider: string
  method: string
  url: string
  /** 1 for the first attempt, 2 for the first retry, ... */
  attempt: number
  /** The most attempts this call may make (`maxRetries + 1`; 1 when the request is not retryable). */
  maxAttempts: number
}

/** An attempt that ended: with a response (`status`), or with an error (`error`, status null). */
export interface AttemptResultEvent extends AttemptEvent {
  status: number | null
  /** The response's `x-request-id` / `request-id` header, redacted; null when absent. */
  requestId: string | null
  durationMs: number
  /** The response's headers (null when there was none). The body has been read by then. */
  headers: Headers | null
  /** The typed `TimeoutError` / `ConnectionError` / `RequestAbortedError` that ended the attempt. */
  error: Error | null
}

/** An attempt about to be repeated after `delayMs`. */
export interface RetryEvent extends AttemptResultEvent {
  delayMs: number
  /** e.g. `status 503`, `timeout`, `connection error`. */
  reason: string
}

/**
 * Called for every attempt (retries and each call of a page loop included), in this order:
 * `onRequest`, then `onResponse`, then `onRetry` when another attempt follows. They run inside
 * the call: a hook that throws fails the call with its error.
 */
export interface AttemptHooks {
  onRequest?: ((event: AttemptEvent) => void) | undefined
  onResponse?: ((event: AttemptResultEvent) => void) | undefined
  onRetry?: ((event: RetryEvent) => void) | undefined
}
