/** What a secret is replaced with in messages, details and logs. */
export const REDACTED = '[redacted]'

/** Replaces every occurrence of every secret (raw and URL-encoded) with `[redacted]`. */
export function redact(text: string, secrets: readonly string[]): string {
  let result = text
  for (const secret of secrets) {
    if (secret === '') continue
    for (const form of new Set([secret, encodeURIComponent(secret)])) {
      result = result.split(form).join(REDACTED)
    }
  }
  return result
}

/** Redacts secrets inside any JSON-like value: strings, arrays and plain objects, keys included. */
export function redactValue(value: unknown, secrets: readonly string[]): unknown {
  if (secrets.length === 0) return value
  if (typeof value === 'string') return redact(value, secrets)
  if (Array.isArray(value)) return value.map((item) => redactValue(item, secrets))
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [redact(key, secrets), redactValue(item, secrets)]),
    )
  }
  return value
}

/**
 * Returns `error` itself when no secret appears in its message chain, otherwise a copy whose
 * messages are redacted (name and `code` kept, so `cause.code === 'ECONNRESET'` checks still work).
 */
export function redactError(error: unknown, secrets: readonly string[], depth = 0): unknown {
  if (!(error instanceof Error) || depth > 5 || !chainMentions(error, secrets)) return error
  const copy = new Error(redact(error.message, secrets), {
    cause: redactError(error.cause, secrets, depth + 1),
  })
  copy.name = error.name
  const code = (error as { code?: unknown }).code
  if (code !== undefined) Object.assign(copy, { code })
  return copy
}

function chainMentions(error: unknown, secrets: readonly string[]): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth <= 5; depth++) {
    if (redact(current.message, secrets) !== current.message) return true
    current = current.cause
  }
  return false
}

/** The first `length` characters of a redacted text, with an ellipsis when cut. */
export function snippet(text: string, secrets: readonly string[], length = 200): string {
  const clean = redact(text, secrets)
  return clean.length > length ? `${clean.slice(0, length - 1)}…` : clean
}
