/** Values looked at in one description: enough for any real error body, bounded for a hostile one. */
const MAX_VISITED = 2_000
const MAX_MESSAGE_LENGTH = 200

const pathKeys = ['field', 'loc', 'path', 'name', 'param', 'pointer', 'property']
const messageKeys = ['message', 'msg', 'detail', 'error', 'reason', 'description']
/** Keys whose messages belong to no field. */
const unnamedKeys = new Set(['non_field_errors', '__all__', 'detail', 'errors', 'details'])

/**
 * The first few field errors of an error body's details, as `contacts[0].phone_number: invalid;
 * name: required (and 2 more)`; empty when there are none. Understands the usual shapes: a field
 * map (`{ field: ["msg"] }`, Django REST framework, nested per item), a list of `{ field|loc|path,
 * message|msg }` objects (FastAPI/pydantic too), and a list of `"field: message"` strings.
 * Iterative and bounded, whatever the depth or size of the body.
 */
export function describeFieldErrors(details: unknown, max = 3): string {
  const found: string[] = []
  let count = 0
  let visited = 0
  const stack: Array<{ value: unknown; path: string }> = [{ value: details, path: '' }]
  while (stack.length > 0 && visited < MAX_VISITED) {
    const { value, path } = stack.pop() as { value: unknown; path: string }
    visited++
    // A list of strings is one field's messages under a field, separate messages at the top.
    const message = path === '' && Array.isArray(value) ? null : messageOf(value)
    if (message !== null) {
      count++
      if (found.length < max) found.push(clip(path === '' ? message : `${path}: ${message}`))
      continue
    }
    const pending: Array<{ value: unknown; path: string }> = []
    if (Array.isArray(value)) {
      for (let index = 0; index < Math.min(value.length, MAX_VISITED); index++) {
        const item: unknown = value[index]
        pending.push({ value: item, path: typeof item === 'string' ? path : `${path}[${index}]` })
      }
    } else if (typeof value === 'object' && value !== null) {
      const entry = fieldEntry(value as Record<string, unknown>)
      // An entry names its field in full: the list it sits in adds nothing.
      if (entry !== null) pending.push({ value: entry.message, path: entry.field })
      else {
        for (const [key, item] of Object.entries(value)) {
          pending.push({ value: item, path: unnamedKeys.has(key) ? path : join(path, key) })
        }
      }
    }
    // Reversed onto the stack so fields come out in the order the body lists them.
    for (let index = pending.length - 1; index >= 0; index--) stack.push(pending[index] as never)
  }
  if (found.length === 0) return ''
  const more = count > found.length ? ` (and ${count - found.length} more)` : ''
  return `${found.join('; ')}${more}`
}

/** A string message, or a list of them (one field's messages). */
function messageOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value
  if (Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string')) {
    return value.join(' ')
  }
  return null
}

/** `{ field: "phone", message: "invalid" }`, `{ loc: ["body", "contacts", 0, "phone"], msg: "..." }`. */
function fieldEntry(value: Record<string, unknown>): { field: string; message: unknown } | null {
  const messageKey = messageKeys.find((key) => typeof value[key] === 'string')
  const pathKey = pathKeys.find((key) => typeof value[key] === 'string' || Array.isArray(value[key]))
  if (messageKey === undefined || pathKey === undefined) return null
  const raw = value[pathKey]
  const field = Array.isArray(raw) ? formatPath(raw.filter((part) => part !== 'body')) : String(raw)
  return { field, message: value[messageKey] }
}

function formatPath(parts: unknown[]): string {
  return parts.reduce<string>(
    (path, part) => (typeof part === 'number' ? `${path}[${part}]` : join(path, String(part))),
    '',
  )
}

function join(path: string, key: string): string {
  if (path === '') return key
  return /^\d+$/.test(key) ? `${path}[${key}]` : `${path}.${key}`
}

function clip(text: string): string {
  return text.length > MAX_MESSAGE_LENGTH ? `${text.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : text
}

/**
 * A 4xx message with its first few field errors appended (`Validation failed: contacts[0].phone:
 * invalid`), so they show where errors are read: in the message, not only in `details`.
 */
export function withFieldErrors(message: string | null, details: unknown, status: number): string | null {
  if (status < 400 || status >= 500) return message
  const fields = describeFieldErrors(details)
  if (fields === '') return message
  if (message === null || message.trim() === '') return fields
  return message.includes(fields) ? message : `${message}: ${fields}`
}
