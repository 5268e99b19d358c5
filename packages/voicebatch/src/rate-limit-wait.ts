import { parseRetryAfter } from '@voicebatch/core'

/**
 * How long a poller should wait before its next request to this server, from a response's
 * headers: `Retry-After`, or `X-RateLimit-Remaining: 0` until `X-RateLimit-Reset` (epoch
 * seconds, or seconds from now when small). 0 when the server asked nothing.
 */
export function rateLimitWait(headers: Headers, now: number): number {
  const retryAfter = parseRetryAfter(headers, now)
  if (retryAfter !== null) return retryAfter
  if (headers.get('x-ratelimit-remaining')?.trim() !== '0') return 0
  const reset = Number(headers.get('x-ratelimit-reset'))
  if (!Number.isFinite(reset) || reset < 0) return 0
  const resetAt = reset > 1_000_000_000 ? reset * 1000 : now + reset * 1000
  return Math.max(0, resetAt - now)
}
