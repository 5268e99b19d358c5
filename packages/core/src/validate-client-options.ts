import { ConfigurationError } from './errors.js'
import { isRecord } from './is-record.js'

/** Every key `ClientOptions` has: any other is a mistake (a misspelling), reported at creation. */
export const clientOptionKeys = [
  'apiKey',
  'baseUrl',
  'fetch',
  'maxRetries',
  'timeoutMs',
  'maxResponseBytes',
  'headers',
  'logger',
  'logLevel',
  'onRequest',
  'onResponse',
  'onRetry',
] as const

// RFC 9110 token, and a field value: visible ASCII, spaces, tabs and obs-text, never CR, LF or NUL.
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/

/**
 * Checks a client's options before anything is created or sent: unknown keys, `baseUrl` (absolute
 * http(s), no `user:password@`), `headers` (valid names, values without CR/LF), `fetch`,
 * `maxResponseBytes`. Messages name the key and what is accepted, never a value that could be secret.
 */
export function validateClientOptions(options: unknown, where: string): void {
  if (options === undefined) return
  if (!isRecord(options)) throw new ConfigurationError(`${where} takes an options object.`)
  rejectUnknownKeys(options, clientOptionKeys, where)
  if (options.baseUrl !== undefined) checkBaseUrl(options.baseUrl, where)
  if (options.fetch !== undefined && typeof options.fetch !== 'function') {
    throw new ConfigurationError(`Invalid fetch for ${where}: expected a function.`)
  }
  if (options.headers !== undefined) checkHeaders(options.headers, `${where} { headers }`)
  if (options.maxResponseBytes !== undefined) checkMaxResponseBytes(options.maxResponseBytes)
}

/** `ConfigurationError` for the first key of `value` not in `accepted`, naming the accepted ones. */
export function rejectUnknownKeys(
  value: Record<string, unknown>,
  accepted: readonly string[] | ReadonlySet<string>,
  where: string,
): void {
  const known = (key: string) => ('has' in accepted ? accepted.has(key) : accepted.includes(key))
  for (const key in value) {
    if (!known(key)) {
      throw new ConfigurationError(
        `Unknown option ${JSON.stringify(key)} for ${where}: accepted options are ${[...accepted].join(', ')}.`,
      )
    }
  }
}

/** An absolute http(s) URL without credentials in it. The value itself is never quoted. */
export function checkBaseUrl(baseUrl: unknown, where: string): URL {
  let url: URL | undefined
  try {
    url = typeof baseUrl === 'string' ? new URL(baseUrl) : undefined
  } catch {}
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new ConfigurationError(`Invalid baseUrl for ${where}: expected an absolute http(s) URL.`)
  }
  if (url.username !== '' || url.password !== '') {
    throw new ConfigurationError(
      `Invalid baseUrl for ${where}: it holds credentials (user:password@); pass the key as { apiKey } instead.`,
    )
  }
  return url
}

/** Header names to values that fetch can send: a record, `[name, value]` pairs or a `Headers`. */
export function checkHeaders(headers: unknown, where: string): void {
  if (headers instanceof Headers) return // already checked by its constructor
  const entries = Array.isArray(headers) ? headers : isRecord(headers) ? Object.entries(headers) : null
  if (entries === null) throw new ConfigurationError(`Invalid ${where}: expected an object of strings.`)
  for (const entry of entries) {
    const [name, value] = Array.isArray(entry) ? entry : []
    if (typeof name !== 'string' || !HEADER_NAME.test(name)) {
      const shown = typeof name === 'string' ? JSON.stringify(name) : 'a name'
      throw new ConfigurationError(`Invalid ${where}: ${shown} is not a valid header name.`)
    }
    for (const item of Array.isArray(value) ? value : [value]) checkHeaderValue(item, name, where)
  }
}

function checkHeaderValue(value: unknown, name: string, where: string): void {
  if (value === undefined || value === null) return
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
    throw new ConfigurationError(`Invalid ${where}: the value of ${name} must be a string.`)
  }
  if (!HEADER_VALUE.test(String(value))) {
    throw new ConfigurationError(
      `Invalid ${where}: the value of ${name} has a character a header cannot carry (CR, LF, NUL or beyond U+00FF).`,
    )
  }
}

export function checkMaxResponseBytes(value: unknown): number {
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) return value
  throw new ConfigurationError(
    `Invalid maxResponseBytes ${String(value)}: expected an integer number of bytes > 0.`,
  )
}
