import type { PathSerializer } from 'openapi-fetch'
import { InvalidParameterError } from './errors.js'

/**
 * An openapi-fetch `pathSerializer` that refuses to build a URL from a missing, empty or
 * non-primitive parameter, and from `.`/`..` (which would move up the path), then
 * percent-encodes every value (so `a/b` stays one segment).
 */
export function createPathSerializer(): PathSerializer {
  return serializePath
}

/** Each `{name}` of the template replaced by its encoded value: one scan, no regular expression. */
function serializePath(template: string, parameters: Record<string, unknown>): string {
  let open = template.indexOf('{')
  if (open === -1) return template
  let serialized = ''
  let copiedUpTo = 0
  while (open !== -1) {
    const close = template.indexOf('}', open + 1)
    if (close === -1) break
    const name = template.slice(open + 1, close)
    // `{a{b}`: the name starts at the last `{` before the `}`, as `{([^{}]+)}` would read it.
    const inner = name.lastIndexOf('{')
    if (inner !== -1) {
      open += inner + 1
      continue
    }
    if (name !== '') {
      serialized += template.slice(copiedUpTo, open) + encodeParameter(name, parameters[name], template)
      copiedUpTo = close + 1
    }
    open = template.indexOf('{', close + 1)
  }
  return serialized + template.slice(copiedUpTo)
}

function encodeParameter(name: string, value: unknown, template: string): string {
  if (typeof value === 'string') {
    if (value === '') throw invalidParameter(name, template, 'is missing')
    if (value === '.' || value === '..') throw invalidParameter(name, template, `must not be "${value}"`)
    return encodeURIComponent(value)
  }
  if (value === undefined || value === null) throw invalidParameter(name, template, 'is missing')
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw invalidParameter(name, template, 'must be a finite number')
  }
  if (typeof value !== 'number' && typeof value !== 'boolean') {
    throw invalidParameter(name, template, 'must be a string, number or boolean')
  }
  return encodeURIComponent(String(value))
}

/** Built only when a parameter is refused: the success path parses nothing. */
function invalidParameter(name: string, template: string, problem: string): InvalidParameterError {
  // openapi-fetch passes the base URL and the path together; name only the path.
  const path = template.replace(/^[a-z][a-z\d+.-]*:\/\/[^/]*/i, '')
  return new InvalidParameterError({
    message: `Path parameter "${name}" ${problem} in ${path}`,
    parameter: name,
    path,
  })
}
