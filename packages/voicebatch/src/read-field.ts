/**
 * Guarded reads of a provider object's fields. Normalization must be total: a field that is
 * missing, of another type, or behind a throwing getter reads as null instead of throwing.
 */
export type Fields = Readonly<Record<string, unknown>>

const empty: Fields = Object.freeze({})

/** The object's own fields, or none when it is not an object. */
export function fieldsOf(raw: unknown): Fields {
  return typeof raw === 'object' && raw !== null ? (raw as Fields) : empty
}

/** The field's value if the object has it as its own; undefined otherwise, or when reading it throws. */
export function readField(fields: Fields, name: string): unknown {
  try {
    return Object.hasOwn(fields, name) ? fields[name] : undefined
  } catch {
    return undefined // a Proxy or a getter that throws
  }
}

/** A string, or a number or boolean written as one (IDs and status words); else null. */
export function readText(fields: Fields, name: string): string | null {
  const value = readField(fields, name)
  if (typeof value === 'string') return value
  if ((typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean')
    return String(value)
  return null
}

/** A string as sent (timestamps are kept as the provider wrote them); else null. */
export function readString(fields: Fields, name: string): string | null {
  const value = readField(fields, name)
  return typeof value === 'string' ? value : null
}

/** A count: a finite number >= 0; else null. The first of `names` that holds one wins. */
export function readCount(fields: Fields, ...names: string[]): number | null {
  for (const name of names) {
    const value = readField(fields, name)
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value
  }
  return null
}

export function readBoolean(fields: Fields, name: string): boolean | null {
  const value = readField(fields, name)
  return typeof value === 'boolean' ? value : null
}

/** Milliseconds since the epoch of a `Date` or number; `Date.now()` when absent or invalid. */
export function timeOf(now: unknown): number {
  let time = Number.NaN
  try {
    time = now instanceof Date ? now.getTime() : typeof now === 'number' ? now : Number.NaN
  } catch {
    // an object that only pretends to be a Date
  }
  return Number.isFinite(time) ? time : Date.now()
}

/** A context value that should be a string, or `''`. */
export function stringOrEmpty(value: unknown): string {
  return typeof value === 'string' ? value : ''
}
