import type { PathSerializer } from 'openapi-fetch'
import { InvalidParameterError } from './errors.js'

const parameterPattern = /\{([^{}]+)\}/g

/**
 * An openapi-fetch `pathSerializer` that refuses to build a URL from a missing, empty or
 * non-primitive parameter, and from `.`/`..` (which would move up the path), then
 * percent-encodes every value (so `a/b` stays one segment).
 */
export function createPathSerializer(): PathSerializer {
  return (template, parameters) =>
    template.replace(parameterPattern, (_, name: string) => encodeParameter(name, parameters[name], template))
}

function encodeParameter(name: string, value: unknown, template: string): string {
  // openapi-fetch passes the base URL and the path together; name only the path.
  const path = template.replace(/^[a-z][a-z\d+.-]*:\/\/[^/]*/i, '')
  const fail = (problem: string) =>
    new InvalidParameterError({
      message: `Path parameter "${name}" ${problem} in ${path}`,
      parameter: name,
      path,
    })

  if (value === undefined || value === null || value === '') throw fail('is missing')
  if (typeof value === 'number' && !Number.isFinite(value)) throw fail('must be a finite number')
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
    throw fail('must be a string, number or boolean')
  }
  const text = String(value)
  if (text === '.' || text === '..') throw fail(`must not be "${text}"`)
  return encodeURIComponent(text)
}
