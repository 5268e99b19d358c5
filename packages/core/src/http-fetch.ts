import { abortableSleep } from './abortable-sleep.js'
import { releaseAttemptController, runsOnNode, takeAttemptController } from './attempt-controllers.js'
import type { AttemptLog } from './attempt-log.js'
import { startAttemptTimer, stopAttemptTimer } from './attempt-timer.js'
import { toBufferedResponse } from './buffered-response.js'
import { DeferredRequest, type RequestLike } from './deferred-request.js'
import {
  ConfigurationError,
  ConnectionError,
  RequestAbortedError,
  ResponseTooLargeError,
  TimeoutError,
  VoiceBatchError,
} from './errors.js'
import {
  type BodyContent,
  BodyLimitExceeded,
  DEFAULT_MAX_RESPONSE_BYTES,
  readLimitedBody,
} from './read-limited-body.js'
import { redact, redactError } from './redaction.js'
import {
  backoffDelay,
  isRetryableRequest,
  isRetryableStatus,
  MAX_RETRY_AFTER_MS,
  parseRetryAfter,
} from './retry-policy.js'
import {
  type AddedHeaders,
  addOriginHeaders,
  followRedirects,
  isOnOrigin,
  isRedirectStatus,
  removeCredentialHeaders,
  type SendInput,
  type SendOptions,
  sendHop,
} from './send-with-redirects.js'
import { checkBaseUrl, checkHeaders, checkMaxResponseBytes } from './validate-client-options.js'

/** Retries after the first attempt when `maxRetries` is not given. */
export const DEFAULT_MAX_RETRIES = 2
/** Time allowed for each attempt, in ms, when `timeoutMs` is not given. */
export const DEFAULT_TIMEOUT_MS = 60_000
// setTimeout fires at once for anything longer.
const MAX_TIMER_MS = 2_147_483_647

/** The options of {@link createHttpFetch}: where to send, with which credentials, how patiently. */
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
  sleep?: ((milliseconds: number, signal: AbortSignal | undefined) => Promise<void>) | undefined
  /** @internal Jitter source, `Math.random` by default. */
  random?: (() => number) | undefined
}

/** The fetch handed to openapi-fetch. */
export type HttpFetch = (request: Request) => Promise<Response>

/** What every call of one client shares. */
interface Settings {
  provider: string
  secrets: readonly string[]
  send: SendOptions
  defaultMaxRetries: number
  defaultTimeoutMs: number
  defaultMaxResponseBytes: number
  sleep: (milliseconds: number, signal: AbortSignal | undefined) => Promise<void>
  random: () => number
  attemptLog: AttemptLog | null
  /** Attempts may reuse an AbortController (see attempt-controllers.ts): Node's own fetch only. */
  reuseControllers: boolean
}

/** One call, ready to send as often as retries and redirects need. */
interface Call {
  request: RequestLike
  /** The caller's signal; undefined when there is none to listen to. */
  callerSignal: AbortSignal | undefined
  timeoutMs: number
  maxResponseBytes: number
  /** Read the body as text (openapi-fetch parses JSON and error bodies from text); bytes for `parseAs` blob, arrayBuffer or stream. */
  readsText: boolean
  input: SendInput
}

/**
 * A fetch with origin-bound credentials, retries with backoff, a timeout per attempt, safe
 * redirects and JSON checks on 2xx bodies. See the README for the exact rules.
 *
 * The success path is kept lean on purpose (it is measured by `pnpm bench` against bare
 * openapi-fetch): no closure, Headers copy or URL parse per call that it can do without; the
 * error messages and their helpers are built only when something failed.
 */
export function createHttpFetch(options: HttpFetchOptions): HttpFetch {
  if (options.headers !== undefined) checkHeaders(options.headers, `${options.provider} { headers }`)
  const lowerCased = (headers: Record<string, string>) =>
    Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value] as const)
  const credentialHeaders = lowerCased(options.authHeaders)
  const isCredential = (name: string) => credentialHeaders.some(([credential]) => credential === name)
  const defaultHeaders = lowerCased({ accept: 'application/json', ...options.headers }).filter(
    ([name]) => !isCredential(name),
  )
  const settings: Settings = {
    provider: options.provider,
    secrets: options.secrets,
    send: {
      fetch: options.fetch,
      origin: checkBaseUrl(options.baseUrl, options.provider).origin,
      credentialHeaders,
      defaultHeaders,
    },
    defaultMaxRetries: checkMaxRetries(options.maxRetries ?? DEFAULT_MAX_RETRIES),
    defaultTimeoutMs: checkTimeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    defaultMaxResponseBytes: checkMaxResponseBytes(options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES),
    sleep: options.sleep ?? abortableSleep,
    random: options.random ?? Math.random,
    attemptLog: options.attemptLog ?? null,
    reuseControllers: options.fetch === undefined && runsOnNode(),
  }

  return async function httpFetch(request: RequestLike): Promise<Response> {
    const maxRetries = checkMaxRetries(perCall(request, 'maxRetries') ?? settings.defaultMaxRetries)
    const timeoutMs = checkTimeout(perCall(request, 'timeoutMs') ?? settings.defaultTimeoutMs)
    const maxResponseBytesOfCall = perCall(request, 'maxResponseBytes')
    const maxResponseBytes =
      maxResponseBytesOfCall === undefined
        ? settings.defaultMaxResponseBytes
        : checkMaxResponseBytes(maxResponseBytesOfCall)
    // A real Request always has a signal (one that follows the caller's, if any); a DeferredRequest only the caller's.
    const callerSignal = request.signal ?? undefined
    if (callerSignal?.aborted) throw abortedError(settings, request)

    const { headers, body } = sendableNow(request) ?? (await bufferedParts(request))
    const retryableRequest = isRetryableRequest(request.method, headers)
    const credentialed = isOnOrigin(request.url, settings.send.origin)
    let added: AddedHeaders
    if (credentialed) added = addOriginHeaders(settings.send, headers)
    else {
      removeCredentialHeaders(settings.send, headers)
      added = []
    }
    const parseAs = perCall(request, 'responseParseAs')
    const call: Call = {
      request,
      callerSignal,
      timeoutMs,
      maxResponseBytes,
      readsText: parseAs === undefined || parseAs === 'json' || parseAs === 'text',
      input: { url: request.url, method: request.method, headers, credentialed, added, body },
    }

    const trace = settings.attemptLog?.(request, maxRetries, retryableRequest) ?? null

    for (let attempt = 0; ; attempt++) {
      const canRetry = retryableRequest && attempt < maxRetries
      let outcome: Attempt
      trace?.started(attempt)
      try {
        outcome = await sendAttempt(settings, call, attempt)
      } catch (error) {
        // Timeouts and connection errors: retried like a retryable status, with backoff.
        // A too-large body or an abort is final: only retryable errors are retried.
        if (!canRetry || !VoiceBatchError.isInstance(error) || !error.isRetryable) {
          trace?.failed(attempt, error, null)
          throw error
        }
        const wait = backoffDelay(attempt, settings.random)
        trace?.failed(attempt, error, wait)
        await pause(settings, call, wait)
        continue
      }

      const { response, status, content } = outcome
      if (canRetry && isRetryableStatus(status)) {
        const wait = retryDelay(response.headers, attempt, settings.random)
        if (wait !== null) {
          trace?.responded(attempt, response, wait)
          await pause(settings, call, wait)
          continue
        }
      }
      trace?.responded(attempt, response, null)
      return toBufferedResponse(response, status, content, request, parseAs, settings)
    }
  }
}

interface SendableParts {
  /** Ours to change: the DeferredRequest's own, or a copy of a real Request's. */
  headers: Headers
  /** Sent again as it is by every attempt and redirect. */
  body: BodyInit | undefined
}

/** A DeferredRequest without a body or with a string (openapi-fetch's JSON) is sendable as it is: no await. */
function sendableNow(request: RequestLike): SendableParts | undefined {
  if (!(request instanceof DeferredRequest)) return undefined
  if (request.body !== null && typeof request.body !== 'string') return undefined
  return { headers: request.headers, body: request.body ?? undefined }
}

/** Any other body (a stream, FormData, a Blob...) is buffered once, through a real Request. */
async function bufferedParts(request: RequestLike): Promise<SendableParts> {
  const real = request instanceof DeferredRequest ? request.toRequest() : request
  const body = real.body === null ? undefined : await real.arrayBuffer()
  return { headers: new Headers(real.headers), body }
}

/** Waits before the next attempt; the caller's abort ends the wait at once. */
async function pause(settings: Settings, call: Call, milliseconds: number): Promise<void> {
  const signal = call.callerSignal
  try {
    await settings.sleep(milliseconds, signal)
  } catch (error) {
    if (signal?.aborted) throw abortedError(settings, call.request)
    throw error
  }
  if (signal?.aborted) throw abortedError(settings, call.request)
}

interface Attempt {
  response: Response
  /** The response's status, read once: each getter of a fetched Response costs a brand check. */
  status: number
  content: BodyContent | null
}

/** One attempt, redirects included, with its own timeout; reads the whole body before the timer stops. */
async function sendAttempt(settings: Settings, call: Call, attempt: number): Promise<Attempt> {
  // One signal per attempt, for the timer and the caller's abort (AbortSignal.timeout() and
  // AbortSignal.any() would cost more); on Node, one that an earlier attempt ended without aborting.
  const pooled = takeAttemptController(settings.reuseControllers)
  const { controller } = pooled
  const { callerSignal } = call
  // Only a caller's signal needs a listener: adding and removing one costs about 2 µs.
  const onCallerAbort = callerSignal && (() => controller.abort(callerSignal.reason))
  if (onCallerAbort) callerSignal?.addEventListener('abort', onCallerAbort, { once: true })
  const timer = startAttemptTimer(controller, call.timeoutMs)
  try {
    let response = await sendHop(settings.send, call.input, controller.signal)
    let status = response.status
    if (isRedirectStatus(status)) {
      response = await followRedirects(settings.send, call.input, controller.signal, response)
      status = response.status
    }
    const { input, maxResponseBytes, readsText } = call
    const content = await readLimitedBody(response, status, input.method, maxResponseBytes, readsText)
    return { response, status, content }
  } catch (error) {
    if (error instanceof BodyLimitExceeded) throw tooLargeError(settings, call, error.response)
    throw attemptError(settings, call, attempt, timer.timedOut, error)
  } finally {
    stopAttemptTimer(timer)
    if (onCallerAbort) callerSignal?.removeEventListener('abort', onCallerAbort)
    // Last: nothing can abort this controller for this attempt any more.
    releaseAttemptController(pooled, settings.reuseControllers)
  }
}

/** `GET https://…`, redacted: for error messages only, so built only when one is. */
function describeRequest(settings: Settings, request: RequestLike): string {
  return redact(`${request.method} ${request.url}`, settings.secrets)
}

function abortedError(settings: Settings, request: RequestLike): RequestAbortedError {
  const { provider } = settings
  return new RequestAbortedError({
    provider,
    message: `${provider}: ${describeRequest(settings, request)} was aborted`,
    cause: request.signal?.reason,
  })
}

/** The error to throw when sending or reading failed: abort, timeout or connection error. */
function attemptError(
  settings: Settings,
  call: Call,
  attempt: number,
  timedOut: boolean,
  error: unknown,
): Error {
  const { provider, secrets } = settings
  if (call.callerSignal?.aborted) return abortedError(settings, call.request)
  const attempts = attempt > 0 ? ` (${attempt + 1} attempts)` : ''
  const described = describeRequest(settings, call.request)
  if (timedOut) {
    const { timeoutMs } = call
    const message = `${provider}: ${described} timed out after ${timeoutMs} ms${attempts}`
    return new TimeoutError({ provider, timeoutMs, message })
  }
  const message = redact(`${provider}: ${described} failed: ${describeFailure(error)}${attempts}`, secrets)
  return new ConnectionError({ provider, message, cause: redactError(error, secrets) })
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

/** The body passed `maxResponseBytes`: reading stopped there. */
function tooLargeError(settings: Settings, call: Call, response: Response): ResponseTooLargeError {
  const { provider } = settings
  return new ResponseTooLargeError({
    provider,
    status: response.status,
    maxResponseBytes: call.maxResponseBytes,
    message: `${provider}: ${describeRequest(settings, call.request)} returned ${response.status} with a body larger than maxResponseBytes (${call.maxResponseBytes} bytes, decoded): reading stopped there.`,
  })
}

function perCall(
  request: RequestLike,
  key: 'maxRetries' | 'timeoutMs' | 'maxResponseBytes' | 'responseParseAs',
): unknown {
  return (request as unknown as Record<string, unknown>)[key]
}

export function checkMaxRetries(value: unknown): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value
  throw new ConfigurationError(`Invalid maxRetries ${String(value)}: expected an integer >= 0.`)
}

export function checkTimeout(value: unknown): number {
  if (typeof value === 'number' && value > 0 && !Number.isNaN(value)) return Math.min(value, MAX_TIMER_MS)
  throw new ConfigurationError(`Invalid timeoutMs ${String(value)}: expected a number of milliseconds > 0.`)
}
