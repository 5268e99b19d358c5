import { ConfigurationError } from './errors.js'
import { isRecord } from './is-record.js'
import { checkHeaders, checkMaxResponseBytes, rejectUnknownKeys } from './validate-client-options.js'

/** What `client.GET(path, init)` and the other methods take: openapi-fetch's, fetch's, and ours. */
export const callOptionKeys: ReadonlySet<string> = new Set([
  // openapi-fetch
  'params',
  'body',
  'headers',
  'parseAs',
  'querySerializer',
  'bodySerializer',
  'pathSerializer',
  'baseUrl',
  'fetch',
  'Request',
  'middleware',
  // RequestInit
  'signal',
  'cache',
  'credentials',
  'integrity',
  'keepalive',
  'mode',
  'priority',
  'redirect',
  'referrer',
  'referrerPolicy',
  'window',
  'duplex',
  'dispatcher',
  // voicebatch, per call
  'maxRetries',
  'timeoutMs',
  'maxResponseBytes',
])

const parseAsValues = ['json', 'text', 'blob', 'arrayBuffer', 'stream']

/**
 * `init` checked (see `validateCallOptions`); a `parseAs` other than `json` is also handed to the
 * fetch (as `responseParseAs` on the Request), which then does not require the body to be JSON.
 */
export function prepareCallInit<Init>(init: Init, provider: string): Init {
  validateCallOptions(init, provider)
  const parseAs = (init as { parseAs?: unknown } | undefined)?.parseAs
  if (parseAs === undefined || parseAs === 'json') return init
  return { ...init, responseParseAs: parseAs }
}

/**
 * Checks one call's `init` before it is sent: an unknown key (`maxRetry`), an unknown `parseAs`, or
 * a header that cannot be sent is a `ConfigurationError`, never a request. Cheap: one pass over
 * the keys given.
 */
export function validateCallOptions(init: unknown, provider: string): void {
  if (init === undefined) return
  if (!isRecord(init)) throw new ConfigurationError(`${provider}: a request's options must be an object.`)
  const where = `a ${provider} request`
  rejectUnknownKeys(init, callOptionKeys, where)
  if (init.parseAs !== undefined && !parseAsValues.includes(init.parseAs as string)) {
    throw new ConfigurationError(`Invalid parseAs for ${where}: expected one of ${parseAsValues.join(', ')}.`)
  }
  if (init.headers !== undefined) checkHeaders(init.headers, `${where} { headers }`)
  const header = isRecord(init.params) ? init.params.header : undefined
  if (header !== undefined) checkHeaders(header, `${where} { params: { header } }`)
  if (init.maxResponseBytes !== undefined) checkMaxResponseBytes(init.maxResponseBytes)
}
