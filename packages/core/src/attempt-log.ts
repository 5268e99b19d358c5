import type { AttemptEvent, AttemptHooks, AttemptResultEvent, RetryEvent } from './attempt-hooks.js'
import { RequestAbortedError, TimeoutError } from './errors.js'
import type { LevelledLogger, LogLevel } from './logger.js'
import { redactUrl } from './redact-url.js'
import { redact } from './redaction.js'
import { requestIdOf } from './request-id.js'

export interface AttemptLogOptions {
  provider: string
  secrets: readonly string[]
  logger: LevelledLogger | null
  hooks: AttemptHooks
}

/** Watches the attempts of one call; `attempt` is 0-based here, 1-based in events and lines. */
export interface CallTrace {
  started(attempt: number): void
  /** The attempt got a response; `retryIn` is the wait before the next attempt, null when this one is final. */
  responded(attempt: number, response: Response, retryIn: number | null): void
  /** The attempt threw (timeout, connection, abort); `retryIn` as above. */
  failed(attempt: number, error: unknown, retryIn: number | null): void
}

/** `request`: a Request, or the DeferredRequest openapi-fetch built in its place: only its method and URL are read. */
export type AttemptLog = (
  request: Pick<Request, 'method' | 'url'>,
  maxRetries: number,
  retryable: boolean,
) => CallTrace

/** Null when there is no logger and no hook: the fetch then does no bookkeeping at all. */
export function createAttemptLog(options: AttemptLogOptions): AttemptLog | null {
  const { provider, secrets, logger, hooks } = options
  if (logger === null && !hooks.onRequest && !hooks.onResponse && !hooks.onRetry) return null

  return (request, maxRetries, retryable) => {
    const base = {
      provider,
      method: request.method,
      url: redactUrl(request.url, secrets),
      maxAttempts: retryable ? maxRetries + 1 : 1,
    }
    let startedAt = 0
    const end = (attempt: number, response: Response | null, error: unknown, retryIn: number | null) => {
      const header = response && requestIdOf(response)
      const event: AttemptResultEvent = {
        ...base,
        attempt: attempt + 1,
        status: response?.status ?? null,
        requestId: header ? redact(header, secrets) : null,
        durationMs: Math.round((now() - startedAt) * 10) / 10,
        headers: response?.headers ?? null,
        error: error instanceof Error ? error : null,
      }
      hooks.onResponse?.(event)
      const retry: RetryEvent | null =
        retryIn === null ? null : { ...event, delayMs: Math.round(retryIn), reason: reasonOf(event) }
      if (retry) hooks.onRetry?.(retry)
      if (logger !== null) {
        const level = levelOf(event, retry !== null)
        if (logger.enabled(level)) logger.log(level, redact(formatLine(event, retry), secrets))
      }
    }
    return {
      started(attempt) {
        startedAt = now()
        const event: AttemptEvent = { ...base, attempt: attempt + 1 }
        hooks.onRequest?.(event)
      },
      responded: (attempt, response, retryIn) => end(attempt, response, null, retryIn),
      failed: (attempt, error, retryIn) => end(attempt, null, error, retryIn),
    }
  }
}

const now = () => (globalThis.performance ? performance.now() : Date.now())

function reasonOf(event: AttemptResultEvent): string {
  if (event.status !== null)
    return event.status === 429 ? 'status 429 (rate limited)' : `status ${event.status}`
  return TimeoutError.isInstance(event.error) ? 'timeout' : 'connection error'
}

/** Debug for answers that end the call well, info for retries and 4xx, warn for giving up on 5xx/429, error for a final failure. */
function levelOf(event: AttemptResultEvent, retrying: boolean): Exclude<LogLevel, 'silent'> {
  if (retrying) return 'info'
  if (event.status === null) return RequestAbortedError.isInstance(event.error) ? 'debug' : 'error'
  if (event.status < 400) return 'debug'
  return event.status === 429 || event.status >= 500 ? 'warn' : 'info'
}

/**
 * `voicebatch truedy GET http://host/batch-calls?limit=50 status=503 attempt=1/3 duration_ms=4.2
 * request_id=req_1 retry_in_ms=512 reason="status 503"`: one line, logfmt-style, greppable.
 */
export function formatLine(event: AttemptResultEvent, retry: RetryEvent | null): string {
  const parts = [
    `voicebatch ${event.provider} ${event.method} ${event.url}`,
    `status=${event.status ?? '-'}`,
    `attempt=${event.attempt}/${event.maxAttempts}`,
    `duration_ms=${event.durationMs}`,
    `request_id=${event.requestId ?? '-'}`,
  ]
  if (event.error !== null) parts.push(`error=${JSON.stringify(event.error.name)}`)
  if (retry !== null) parts.push(`retry_in_ms=${retry.delayMs}`, `reason=${JSON.stringify(retry.reason)}`)
  return parts.join(' ')
}
