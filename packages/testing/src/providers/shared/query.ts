export type IntegerParse =
  | { readonly ok: true; readonly value: number }
  | { readonly ok: false; readonly reason: 'not-an-integer' | 'out-of-range' }

/** Parses an optional integer query parameter and checks its bounds. */
export function integerParam(
  raw: string | undefined,
  fallback: number,
  minimum: number,
  maximum: number = Number.MAX_SAFE_INTEGER,
): IntegerParse {
  if (raw === undefined) return { ok: true, value: fallback }
  if (!/^[+-]?\d+$/.test(raw.trim())) return { ok: false, reason: 'not-an-integer' }
  const value = Number(raw)
  if (!Number.isSafeInteger(value)) return { ok: false, reason: 'out-of-range' }
  if (value < minimum || value > maximum) return { ok: false, reason: 'out-of-range' }
  return { ok: true, value }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** True for a string that `Date` parses and that looks like an ISO 8601 date-time with a zone. */
export function isDateTime(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(value) &&
    !Number.isNaN(Date.parse(value))
  )
}

export function isUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:'
  } catch {
    return false
  }
}
