import createClient, { type Client } from 'openapi-fetch'
import { resolveApiKey } from './api-key.js'
import type { AttemptHooks } from './attempt-hooks.js'
import { createAttemptLog } from './attempt-log.js'
import { createApiError } from './create-api-error.js'
import { DeferredRequest } from './deferred-request.js'
import { type ApiError, ConfigurationError } from './errors.js'
import { createHttpFetch } from './http-fetch.js'
import { invalidShape } from './invalid-shape.js'
import { type LoggerOptions, resolveLogger } from './logger.js'
import { createPathSerializer } from './path-serializer.js'
import { REDACTED } from './redaction.js'
import { requestIdOf } from './request-id.js'
import { prepareCallInit } from './validate-call-options.js'
import { checkBaseUrl, validateClientOptions } from './validate-client-options.js'

/**
 * The options every provider client takes (`createTruedyClient(options)` and the others), with
 * `logger`/`logLevel` and the `onRequest`/`onResponse`/`onRetry` hooks: see the README's "Logging and hooks".
 */
export interface ClientOptions extends LoggerOptions, AttemptHooks {
  /** Defaults to the provider's environment variable, e.g. `TRUEDY_API_KEY`. */
  apiKey?: string | undefined
  /** Defaults to the first server of the provider's spec. */
  baseUrl?: string | undefined
  /** The `fetch` to send with; defaults to `globalThis.fetch`, read at call time. */
  fetch?: typeof globalThis.fetch | undefined
  /** Retries after the first attempt (default 2). */
  maxRetries?: number | undefined
  /** Per attempt, in ms (default 60000). */
  timeoutMs?: number | undefined
  /** Most bytes of a response body once decoded (default 32 MiB); more is a `ResponseTooLargeError`. */
  maxResponseBytes?: number | undefined
  /** Extra headers for every request to `baseUrl`'s origin. */
  headers?: Record<string, string> | undefined
}

/** What a provider's error body says, as far as it says. */
export interface ParsedErrorBody {
  code: string | null
  message: string | null
  details: unknown
  requestId: string | null
}

/** The few facts that make a provider's client. */
export interface ProviderDefinition {
  /** e.g. `ultravox` */
  provider: string
  /** e.g. `createUltravoxClient`, named in error messages. */
  factoryName: string
  /** e.g. `ULTRAVOX_API_KEY` */
  envVar: string
  defaultBaseUrl: string
  /** The headers that carry the API key, e.g. an `Authorization: Bearer …` header. */
  authHeaders(apiKey: string): Record<string, string>
  /** Reads the provider's error envelope; may return nulls for a body that is not one (e.g. an HTML 502). */
  parseError(body: unknown, response: Response): ParsedErrorBody
}

/** The shape of an openapi-fetch result. */
export interface FetchResult<T> {
  data?: T
  error?: unknown
  response: Response
}

/** An openapi-fetch client with retries, timeouts and typed errors, plus `unwrap` and `toApiError`. */
export type OpenApiClient<Paths extends object> = Client<Paths> & {
  readonly provider: string
  readonly baseUrl: string
  /** The data of a 2xx result; otherwise throws the matching `ApiError` subclass. */
  unwrap<T>(result: FetchResult<T> | Promise<FetchResult<T>>): Promise<T>
  /**
   * `unwrap`, then `read(data)`: a `ResponseShapeMismatch` thrown by `read` (see `requireArray`,
   * `requireRecord`) becomes an `InvalidResponseError` naming what the body lacked.
   */
  unwrapShape<T, R>(result: FetchResult<T> | Promise<FetchResult<T>>, read: (data: T) => R): Promise<R>
  /** The typed error for a non-2xx result's `error` and `response`. */
  toApiError(error: unknown, response: Response): ApiError
}

const methods = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'] as const

type Init = { params?: { path?: unknown }; middleware?: unknown[]; Request?: typeof Request } | undefined
type Send = (url: string, init?: Init) => Promise<unknown>

/** An openapi-fetch client wired to core: auth, retries, timeouts, safe redirects, path checks, typed errors. */
export function createOpenApiClient<Paths extends object>(
  definition: ProviderDefinition,
  options: ClientOptions = {},
): OpenApiClient<Paths> {
  const { provider } = definition
  validateClientOptions(options, definition.factoryName)
  const baseUrl = checkBaseUrl(
    options.baseUrl ?? definition.defaultBaseUrl,
    definition.factoryName,
  ).href.replace(/\/+$/, '')
  const apiKey = resolveApiKey({
    provider,
    option: options.apiKey,
    envVar: definition.envVar,
    factoryName: definition.factoryName,
  })
  const secrets = [apiKey]
  const fetch = createHttpFetch({
    provider,
    baseUrl,
    authHeaders: definition.authHeaders(apiKey),
    fetch: options.fetch,
    maxRetries: options.maxRetries,
    timeoutMs: options.timeoutMs,
    maxResponseBytes: options.maxResponseBytes,
    headers: options.headers,
    secrets,
    attemptLog: createAttemptLog({
      provider,
      secrets,
      logger: resolveLogger(options, provider),
      hooks: checkHooks(options, provider),
    }),
  })
  const client = createClient<Paths>({
    baseUrl,
    fetch,
    pathSerializer: createPathSerializer(),
    // Calls no middleware sees skip building a real Request (see deferred-request.ts).
    Request: DeferredRequest as unknown as typeof Request,
  })
  const middleware = trackMiddleware(client)

  // openapi-fetch only calls the path serializer when `params.path` is given: give it always,
  // so a template whose parameters were all forgotten fails too. A call middleware will see
  // (`client.use()`, or `middleware` in its options) gets a real Request, as openapi-fetch documents.
  const prepare = (url: string, init: Init): Init => {
    const prepared = withPathParameters(url, init)
    if (middleware.length === 0 && !prepared?.middleware?.length) return prepared
    return { ...prepared, Request: globalThis.Request }
  }
  const sendable = client as unknown as Record<(typeof methods)[number], Send>
  for (const method of methods) {
    const send = sendable[method]
    sendable[method] = (url, init) => send(url, prepare(url, prepareCallInit(init, provider)))
  }
  const request = client.request as unknown as (method: string, url: string, init?: Init) => Promise<unknown>
  ;(client as unknown as { request: typeof request }).request = (method, url, init) =>
    request(method, url, prepare(url, prepareCallInit(init, provider)))

  const toApiError = (error: unknown, response: Response): ApiError => {
    let parsed: ParsedErrorBody | undefined
    try {
      parsed = definition.parseError(error, response)
    } catch {
      // Not the provider's envelope: the status says enough.
    }
    return createApiError({
      provider,
      status: response.status,
      code: parsed?.code ?? null,
      message: parsed?.message || response.statusText || null,
      details: parsed?.details,
      requestId: parsed?.requestId ?? requestIdOf(response),
      headers: response.headers,
      body: error,
      secrets,
    })
  }

  const described = { provider, baseUrl, apiKey: REDACTED }
  return Object.assign(client, {
    provider,
    baseUrl,
    toApiError,
    async unwrap<T>(result: FetchResult<T> | Promise<FetchResult<T>>): Promise<T> {
      const { data, error, response } = await result
      if (response.ok) return data as T
      throw toApiError(error, response)
    },
    async unwrapShape<T, R>(
      result: FetchResult<T> | Promise<FetchResult<T>>,
      read: (data: T) => R,
    ): Promise<R> {
      const { data, error, response } = await result
      if (!response.ok) throw toApiError(error, response)
      try {
        return read(data as T)
      } catch (problem) {
        throw invalidShape(provider, response, problem, data, secrets)
      }
    },
    toJSON: () => described,
    // Node's util.inspect and console.log read this symbol; no `node:util` import needed.
    [Symbol.for('nodejs.util.inspect.custom')]: (_depth: number, inspectOptions: unknown, inspect: unknown) =>
      `${provider} client ${typeof inspect === 'function' ? inspect(described, inspectOptions) : JSON.stringify(described)}`,
  })
}

/** The middleware registered with `client.use()` and not ejected, kept in step with openapi-fetch's own list. */
function trackMiddleware(client: Client<never>): readonly unknown[] {
  const registered: unknown[] = []
  const { use, eject } = client
  client.use = (...middleware) => {
    use(...middleware) // throws on an invalid one before anything is recorded
    for (const one of middleware) if (one) registered.push(one)
  }
  client.eject = (...middleware) => {
    eject(...middleware)
    for (const one of middleware) {
      const index = registered.indexOf(one)
      if (index !== -1) registered.splice(index, 1)
    }
  }
  return registered
}

function withPathParameters(url: string, init: Init): Init {
  if (!url.includes('{') || init?.params?.path !== undefined) return init
  return { ...init, params: { ...init?.params, path: {} } }
}

function checkHooks(options: AttemptHooks, provider: string): AttemptHooks {
  for (const name of ['onRequest', 'onResponse', 'onRetry'] as const) {
    if (options[name] !== undefined && typeof options[name] !== 'function') {
      throw new ConfigurationError(`Invalid ${name} for ${provider}: expected a function.`)
    }
  }
  return { onRequest: options.onRequest, onResponse: options.onResponse, onRetry: options.onRetry }
}
