import { redactDeep } from './redact-deep.js'

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

/**
 * Redacts secrets inside any JSON-like value: strings, arrays and plain objects, keys included, at
 * any depth (bounded and cycle-safe: see `redactDeep`). Always returns a copy of a container.
 */
export function redactValue(value: unknown, secrets: readonly string[]): unknown {
  return redactDeep(value, (text) => redact(text, secrets))
}

/** The headers themselves when no value mentions a secret, else a copy with those values redacted. */
export function redactHeaders(headers: Headers, secrets: readonly string[]): Headers {
  let copy: Headers | undefined
  for (const [name, value] of headers) {
    const clean = redact(value, secrets)
    if (clean === value) continue
    copy ??= new Headers(headers)
    copy.set(name, clean)
  }
  return copy ?? headers
}

/** A nullable string, redacted. */
export function redactNullable(text: string | null, secrets: readonly string[]): string | null {
  return text === null ? null : redact(text, secrets)
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
