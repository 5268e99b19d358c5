/** Deeper containers are replaced by this marker: no real error body nests that far. */
export const MAX_REDACTION_DEPTH = 64
/** Values visited in one walk; past it, what is left is replaced by the marker. */
export const MAX_REDACTION_NODES = 100_000
export const TRUNCATED = '[truncated]'
export const CIRCULAR = '[circular]'

type Container = Record<string, unknown> | unknown[]

interface Work {
  source: Container
  target: Container
  depth: number
}

/**
 * Redacts every string in a value (object keys included) with `redactText`, at any depth, without
 * recursion: an explicit stack, a node budget and a depth limit keep it bounded for a body nested
 * 20,000 levels deep, and a value seen twice (a cycle) becomes `[circular]`, so the copy is always
 * safe to `JSON.stringify`. Arrays and objects are copied; other leaves are kept as they are.
 */
export function redactDeep(value: unknown, redactText: (text: string) => string): unknown {
  if (typeof value === 'string') return redactText(value)
  if (!isContainer(value)) return value
  const seen = new Set<object>([value])
  const root = emptyLike(value)
  const stack: Work[] = [{ source: value, target: root, depth: 0 }]
  let nodes = 0
  for (let work = stack.pop(); work !== undefined; work = stack.pop()) {
    const { source, target, depth } = work
    const isArray = Array.isArray(source)
    const keys = isArray ? source.keys() : Object.keys(source).values()
    for (const key of keys) {
      if (++nodes > MAX_REDACTION_NODES) {
        put(target, isArray ? key : '…', TRUNCATED)
        break
      }
      const item = read(source, key)
      let copy: unknown
      if (typeof item === 'string') copy = redactText(item)
      else if (!isContainer(item)) copy = item
      else if (seen.has(item)) copy = CIRCULAR
      else if (depth + 1 >= MAX_REDACTION_DEPTH) copy = TRUNCATED
      else {
        seen.add(item)
        copy = emptyLike(item)
        stack.push({ source: item, target: copy as Container, depth: depth + 1 })
      }
      put(target, isArray ? key : redactText(key as string), copy)
    }
  }
  return root
}

function isContainer(value: unknown): value is Container {
  if (typeof value !== 'object' || value === null) return false
  if (Array.isArray(value)) return true
  const prototype = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}

function emptyLike(value: Container): Container {
  return Array.isArray(value) ? [] : {}
}

function read(source: Container, key: string | number): unknown {
  try {
    return (source as Record<string | number, unknown>)[key]
  } catch {
    return '[unreadable]' // a getter that throws
  }
}

function put(target: Container, key: string | number, value: unknown): void {
  if (Array.isArray(target)) target.push(value)
  // A JSON key `__proto__` is an own property, never the prototype.
  else if (key === '__proto__')
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
  else target[key] = value
}
