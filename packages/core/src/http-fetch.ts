import { abortableSleep } from './abortable-sleep.js'
import type { AttemptLog } from './attempt-log.js'
import { toBufferedResponse } from './buffered-response.js'
import {
  ConfigurationError,
  ConnectionError,
  RequestAbortedError,
  ResponseTooLargeError,
  TimeoutError,
  VoiceBatchError,
} from './errors.js'
import { DEFAULT_MAX_RESPONSE_BYTES, readLimitedBody } from './read-limited-body.js'
import { redact, redactError } from './redaction.js'
import {
  backoffDelay,
  isRetryableRequest,
  isRetryableStatus,
  MAX_RETRY_AFTER_MS,
  parseRetryAfter,
} from './retry-policy.js'
import { type SendOptions, sendWithRedirects } from './send-with-redirects.js'
import { checkBaseUrl, checkHeaders, checkMaxResponseBytes } from './validate-client-options.js'

export const DEFAULT_MAX_RETRIES = 2
export const DEFAULT_TIMEOUT_MS = 60_000
// setTimeout fires at once for anything longer.
const MAX_TIMER_MS = 2_147_483_647

export interface HttpFetchOptions {
  provider: string
  /** Its origin is the only one that receives `authHeaders` and `headers`. */
  baseUrl: string
  authHeaders: Record<string, string>
  /** Defaults to `globalThis.fetch`, read at call time. */
  fetch?: typeof globalThis.fetch | undefined
  /** Retries after the first attempt (default 2). Per call: a `maxRetries` property on the Request. */
  maxRetries?: number | undefined
  /** Per attempt, in ms (default 60000). Per call: a `timeoutMs` property on the Request. */
  timeoutMs?: number | undefined
  /** Most bytes of a decoded body (default 32 MiB). Per call: a `maxResponseBytes` property on the Request. */
  maxResponseBytes?: number | undefined
  /** Extra default headers for requests to the configured origin. */
  headers?: Record<string, string> | undefined
  /** Strings that must never appear in an error. */
  secrets: readonly string[]
  /** Logging and per-attempt hooks (`createAttemptLog`); null or absent: none, at no cost. */
  attemptLog?: AttemptLog | null | undefined
  /** @internal Lets tests record backoff delays instead of waiting. */
  sleep?: ((milliseconds: number, signal: AbortSignal) => Promise<void>) | undefined
  /** @internal Jitter source, `Math.random` by default. */
  random?: (() => number) | undefined
}

/** The fetch handed to openapi-fetch. */
export type HttpFetch = (request: Request) => Promise<Response>

/**
 * A fetch with origin-bound credentials, retries with backoff, a timeout per attempt, safe
 * redirects and JSON checks on 2xx bodies. See the README for the exact rules.
 */
export function createHttpFetch(options: HttpFetchOptions): HttpFetch {
  const { provider, secrets } = options
  const origin = parseBaseUrl(options.baseUrl).origin
  const defaultMaxRetries = checkMaxRetries(options.maxRetries ?? DEFAULT_MAX_RETRIES)
  const defaultTimeoutMs = checkTimeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS)
  const defaultMaxResponseBytes = checkMaxResponseBytes(
    options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
  )
  if (options.headers !== undefined) checkHeaders(options.headers, `${provider} { headers }`)
  const sleep = options.sleep ?? abortableSleep
  const attemptLog = options.attemptLog ?? null
  // Browsers throw "Illegal invocation" when fetch is called as a method of another object.
  const userFetch = options.fetch
  const callableFetch: typeof globalThis.fetch = userFetch
    ? (input, init) => userFetch(input, init)
    : (input, init) => globalThis.fetch(input, init)
  const random = options.random ?? Math.random
  const originHeaders = { accept: 'application/json', ...options.headers, ...options.authHeaders }
  const credentialHeaderNames = Object.keys(options.authHeaders).map((name) => name.toLowerCase())

  return async function httpFetch(request) {
    const maxRetries = checkMaxRetries(perCall(request, 'maxRetries') ?? defaultMaxRetries)
    const timeoutMs = checkTimeout(perCall(request, 'timeoutMs') ?? defaultTimeoutMs)
    const maxResponseBytesOfCall = perCall(request, 'maxResponseBytes')
    const maxResponseBytes =
      maxResponseBytesOfCall === undefined
        ? defaultMaxResponseBytes
        : checkMaxResponseBytes(maxResponseBytesOfCall)
    const signal = request.signal
    // Only error messages use it: built on demand, off the hot path.
    const describe = () => redact(`${request.method} ${request.url}`, secrets)
    const aborted = () =>
      new RequestAbortedError({
        provider,
        message: `${provider}: ${describe()} was aborted`,
        cause: signal.reason,
      })
    if (signal.aborted) throw aborted()

    // Buffered once so every attempt and redirect can send it again.
    const body = request.body === null ? undefined : await request.arrayBuffer()
    const retryableRequest = isRetryableRequest(request.method, request.headers)
    const pause = async (milliseconds: number) => {
      try {
        await sleep(milliseconds, signal)
      } catch (error) {
        if (signal.aborted) throw aborted()
        throw error
      }
      if (signal.aborted) throw aborted()
    }

    const failure = (attempt: number) => (timedOut: boolean, error: unknown) => {
      if (signal.aborted) return aborted()
      const attempts = attempt > 0 ? ` (${attempt + 1} attempts)` : ''
      if (timedOut) {
        const message = `${provider}: ${describe()} timed out after ${timeoutMs} ms${attempts}`
        return new TimeoutError({ provider, timeoutMs, message })
      }
      const message = redact(
        `${provider}: ${describe()} failed: ${describeFailure(error)}${attempts}`,
        secrets,
      )
      return new ConnectionError({ provider, message, cause: redactError(error, secrets) })
    }
    const tooLarge = (response: Response) =>
      new ResponseTooLargeError({
        provider,
        status: response.status,
        maxResponseBytes,
        message: `${provider}: ${describe()} returned ${response.status} with a body larger than maxResponseBytes (${maxResponseBytes} bytes, decoded): reading stopped there.`,
      })
    const send = { fetch: callableFetch, origin, originHeaders, credentialHeaderNames }
    const trace = attemptLog?.(request, maxRetries, retryableRequest) ?? null

    for (let attempt = 0; ; attempt++) {
      const canRetry = retryableRequest && attempt < maxRetries
      let outcome: Attempt
      trace?.started(attempt)
      try {
        outcome = await sendAttempt(request, body, {
          send,
          timeoutMs,
          maxResponseBytes,
          tooLarge,
          failure: failure(attempt),
        })
      } catch (error) {
        // Timeouts and connection errors: retried like a retryable status, with backoff.
        if (!canRetry || !VoiceBatchError.isInstance(error) || !error.isRetryable) {
          trace?.failed(attempt, error, null)
          throw error
        }
        const wait = backoffDelay(attempt, random)
        trace?.failed(attempt, error, wait)
        await pause(wait)
        continue
      }

      const { response, bytes } = outcome
      if (canRetry && isRetryableStatus(response.status)) {
        const wait = retryDelay(response.headers, attempt, random)
        if (wait !== null) {
          trace?.responded(attempt, response, wait)
          await pause(wait)
          continue
        }
      }
      trace?.responded(attempt, response, null)
      return toBufferedResponse(response, bytes, {
        provider,
        describe,
        secrets,
        url: request.url,
        parseAs: perCall(request, 'responseParseAs'),
      })
    }
  }
}

interface AttemptOptions {
  send: SendOptions
  timeoutMs: number
  maxResponseBytes: number
  tooLarge(response: Response): Error
  /** The error to throw when sending or reading failed, told whether the attempt's timer fired. */
  failure(timedOut: boolean, error: unknown): Error
}

interface Attempt {
  response: Response
  bytes: Uint8Array<ArrayBuffer> | null
}

/** One attempt, redirects included, with its own timeout; reads the whole body before the timer stops. */
async function sendAttempt(
  request: Request,
  body: ArrayBuffer | undefined,
  options: AttemptOptions,
): Promise<Attempt> {
  const controller = new AbortController()
  const onCallerAbort = () => controller.abort(request.signal.reason)
  request.signal.addEventListener('abort', onCallerAbort, { once: true })
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort()
  }, options.timeoutMs)
  try {
    const { url, method, headers } = request
    const response = await sendWithRedirects(options.send, {
      url,
      method,
      headers,
      body,
      signal: controller.signal,
    })
    return {
      response,
      bytes: await readLimitedBody(response, method, options.maxResponseBytes, options.tooLarge),
    }
  } catch (error) {
    if (ResponseTooLargeError.isInstance(error)) throw error
    throw options.failure(timedOut, error)
  } finally {
    clearTimeout(timer)
    request.signal.removeEventListener('abort', onCallerAbort)
  }
}

/** The server's `Retry-After` when it is at most 60 s, backoff when it gave none, null (stop) when longer. */
function retryDelay(headers: Headers, attempt: number, random: () => number): number | null {
  const requested = parseRetryAfter(headers)
  if (requested === null) return backoffDelay(attempt, random)
  return requested <= MAX_RETRY_AFTER_MS ? requested : null
}

/** `fetch failed (connect ECONNREFUSED 127.0.0.1:4321)`: undici hides the useful part in `cause`. */
function describeFailure(error: unknown): string {
  const messages: string[] = []
  for (let current = error, depth = 0; current instanceof Error && depth < 4; depth++) {
    if (current.message) messages.push(current.message)
    current = current.cause
  }
  if (messages.length === 0) return String(error)
  const [first, ...rest] = messages
  return rest.length > 0 ? `${first} (${rest.join(': ')})` : String(first)
}

function perCall(
  request: Request,
  key: 'maxRetries' | 'timeoutMs' | 'maxResponseBytes' | 'responseParseAs',
): unknown {
  return (request as unknown as Record<string, unknown>)[key]
}

export function parseBaseUrl(baseUrl: unknown): URL {
  return checkBaseUrl(baseUrl, 'the client')
}

export function checkMaxRetries(value: unknown): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value
  throw new ConfigurationError(`Invalid maxRetries ${String(value)}: expected an integer >= 0.`)
}

export function checkTimeout(value: unknown): number {
  if (typeof value === 'number' && value > 0 && !Number.isNaN(value)) return Math.min(value, MAX_TIMER_MS)
  throw new ConfigurationError(`Invalid timeoutMs ${String(value)}: expected a number of milliseconds > 0.`)
}
