/** Longest server-requested wait we honour; a longer `Retry-After` ends retrying. */
export const MAX_RETRY_AFTER_MS = 60_000
const BASE_DELAY_MS = 500
const MAX_DELAY_MS = 8_000

const retryableStatuses = new Set([408, 409, 429])
const safeMethods = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS'])

/** 408, 409, 429 and every 5xx: statuses after which the same request may succeed. */
export function isRetryableStatus(status: number): boolean {
  return retryableStatuses.has(status) || status >= 500
}

/** POST and PATCH are only repeated when the server can deduplicate them by a (non-blank) idempotency key. */
export function isRetryableRequest(method: string, headers: Headers): boolean {
  const upper = method.toUpperCase()
  if (safeMethods.has(upper)) return true
  if (upper !== 'POST' && upper !== 'PATCH') return false
  return hasValue(headers.get('idempotency-key')) || hasValue(headers.get('x-idempotency-key'))
}

/** An empty or blank idempotency key deduplicates nothing: it counts as none. */
function hasValue(value: string | null): boolean {
  return value !== null && value.trim() !== ''
}

/**
 * The wait the server asked for, in milliseconds: `retry-after-ms`, else `Retry-After` as
 * delta seconds or an HTTP date. Null when absent or unreadable.
 */
export function parseRetryAfter(headers: Headers, now: number = Date.now()): number | null {
  const milliseconds = headers.get('retry-after-ms')
  if (milliseconds !== null && /^\s*\d+(\.\d+)?\s*$/.test(milliseconds)) return Number(milliseconds)

  const value = headers.get('retry-after')?.trim()
  if (!value) return null
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000
  const date = Date.parse(value)
  return Number.isNaN(date) ? null : Math.max(0, date - now)
}

/**
 * Exponential backoff with "equal jitter": attempt n (0-based) waits between half and all of
 * min(0.5 s × 2^n, 8 s). Half the delay is guaranteed, so retries never stampede at ~0 ms,
 * and the random half spreads clients that failed together.
 */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt)
  return ceiling / 2 + random() * (ceiling / 2)
}
