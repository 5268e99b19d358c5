const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']

type Node = Record<string, unknown>
const isRecord = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function dereference(document: Node, parameter: unknown): unknown {
  if (!isRecord(parameter) || typeof parameter.$ref !== 'string' || !parameter.$ref.startsWith('#/')) {
    return parameter
  }
  let node: unknown = document
  for (const raw of parameter.$ref.slice(2).split('/')) {
    node = isRecord(node) ? node[raw.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined
  }
  return node ?? parameter
}

const keyOf = (parameter: unknown) => (isRecord(parameter) ? `${parameter.in} ${parameter.name}` : '')

/**
 * Each operation's effective parameters in one list, as a client sees them: path-level parameters
 * merged in (the operation's own win, paired by `name` + `in`), `$ref`s to shared parameters followed,
 * sorted by `in` then `name`. Two versions then compare parameter by parameter, never by position or
 * by where a parameter happens to be declared. Works on a copy.
 */
export function inlineParameters(document: unknown): unknown {
  if (!isRecord(document) || !isRecord(document.paths)) return document
  const copy = structuredClone(document)
  for (const item of Object.values(copy.paths as Node)) {
    if (!isRecord(item)) continue
    const shared = Array.isArray(item.parameters) ? item.parameters : []
    for (const method of METHODS) {
      const operation = item[method]
      if (!isRecord(operation)) continue
      const own = Array.isArray(operation.parameters) ? operation.parameters : []
      const merged = new Map<string, unknown>()
      for (const parameter of [...shared, ...own]) {
        const resolved = dereference(copy, parameter)
        merged.set(keyOf(resolved), resolved)
      }
      if (merged.size > 0) {
        operation.parameters = [...merged.entries()]
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([, parameter]) => parameter)
      }
    }
    delete item.parameters
  }
  return copy
}
