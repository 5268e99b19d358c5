import { isRecord } from './is-record.js'

/**
 * Thrown by the readers below when a 2xx body lacks what an operation needs (a page's items, a
 * batch object). `client.unwrapShape` turns it into an `InvalidResponseError` naming `what`.
 */
export class ResponseShapeMismatch extends Error {
  /** What was missing, as a path into the body with what it should be: `data.items (an array)`. */
  readonly what: string
  /** The kind of value found instead (never its content): `null`, `a string`. */
  readonly found: string

  constructor(what: string, value: unknown) {
    const found = describeValue(value)
    super(`expected ${what}, got ${found}`)
    this.what = what
    this.found = found
  }
}

/** `value` when it is an array, else `ResponseShapeMismatch` naming `path`. */
export function requireArray(value: unknown, path: string): unknown[] {
  if (Array.isArray(value)) return value
  throw new ResponseShapeMismatch(`${path} (an array)`, value)
}

/** `value` when it is a JSON object (not null, not an array), else `ResponseShapeMismatch` naming `path`. */
export function requireRecord(value: unknown, path: string): Record<string, unknown> {
  if (isRecord(value)) return value
  throw new ResponseShapeMismatch(`${path} (an object)`, value)
}

/** `value` when it is a boolean, else `ResponseShapeMismatch` naming `path`. */
export function requireBoolean(value: unknown, path: string): boolean {
  if (typeof value === 'boolean') return value
  throw new ResponseShapeMismatch(`${path} (true or false)`, value)
}

/** A count the server reported: an integer >= 0, else null (never trusted beyond that). */
export function readCount(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null
}

/** The kind of a value, never its content (which could hold a secret). */
function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (value === null) return 'null'
  if (Array.isArray(value)) return `an array of ${value.length}`
  if (typeof value === 'object') return 'an object'
  return `a ${typeof value}`
}
