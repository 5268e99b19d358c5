/**
 * Names a class and puts a `Symbol.for` marker on its prototype; returns its `isInstance`, which
 * checks the marker rather than `instanceof`, so it also recognises errors created by another
 * copy of this package (two installed versions). It needs no `this`: `errors.filter(X.isInstance)` works.
 */
function defineErrorClass<T>(
  errorClass: { prototype: object },
  name: string,
): (value: unknown) => value is T {
  const marker = Symbol.for(`voicebatch.error.${name}`)
  Object.defineProperty(errorClass.prototype, 'name', { value: name, writable: true, configurable: true })
  Object.defineProperty(errorClass.prototype, marker, { value: true })
  return (value): value is T =>
    typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[marker] === true
}

/** Base of every error thrown by voicebatch packages. */
export class VoiceBatchError extends Error {
  /** True for an instance of this class, also one thrown by another installed copy of the package. */
  static readonly isInstance: (value: unknown) => value is VoiceBatchError =
    defineErrorClass<VoiceBatchError>(VoiceBatchError, 'VoiceBatchError')

  /** Whether sending the same request again may succeed. */
  get isRetryable(): boolean {
    return false
  }

  /** The fields worth logging: what `JSON.stringify(error)` prints. */
  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message }
  }
}

/** The fields of an {@link ApiError}: the response, and what the provider's error envelope says about it. */
export interface ApiErrorFields {
  provider: string
  status: number
  code: string | null
  message: string
  details: unknown
  requestId: string | null
  headers: Headers
  body: unknown
}

/** The server answered with a non-2xx status. Subclasses name the common statuses. */
export class ApiError extends VoiceBatchError {
  static override readonly isInstance: (value: unknown) => value is ApiError = defineErrorClass<ApiError>(
    ApiError,
    'ApiError',
  )

  readonly provider: string
  readonly status: number
  readonly code: string | null
  readonly details: unknown
  readonly requestId: string | null
  /** Headers of the response. */
  readonly headers: Headers
  /** The response body: parsed JSON when it was JSON, else the text. */
  readonly body: unknown

  constructor(fields: ApiErrorFields) {
    super(fields.message)
    this.provider = fields.provider
    this.status = fields.status
    this.code = fields.code
    this.details = fields.details
    this.requestId = fields.requestId
    this.headers = fields.headers
    this.body = fields.body
  }

  override get isRetryable(): boolean {
    return this.status === 408 || this.status === 409 || this.status === 429 || this.status >= 500
  }

  override toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      status: this.status,
      code: this.code,
      details: this.details,
      requestId: this.requestId,
      provider: this.provider,
      body: this.body,
    }
  }
}

export class BadRequestError extends ApiError {
  static override readonly isInstance: (value: unknown) => value is BadRequestError =
    defineErrorClass<BadRequestError>(BadRequestError, 'BadRequestError')
}

export class AuthenticationError extends ApiError {
  static override readonly isInstance: (value: unknown) => value is AuthenticationError =
    defineErrorClass<AuthenticationError>(AuthenticationError, 'AuthenticationError')
}

export class PermissionDeniedError extends ApiError {
  static override readonly isInstance: (value: unknown) => value is PermissionDeniedError =
    defineErrorClass<PermissionDeniedError>(PermissionDeniedError, 'PermissionDeniedError')
}

export class NotFoundError extends ApiError {
  static override readonly isInstance: (value: unknown) => value is NotFoundError =
    defineErrorClass<NotFoundError>(NotFoundError, 'NotFoundError')
}

export class ConflictError extends ApiError {
  static override readonly isInstance: (value: unknown) => value is ConflictError =
    defineErrorClass<ConflictError>(ConflictError, 'ConflictError')
}

export class UnprocessableEntityError extends ApiError {
  static override readonly isInstance: (value: unknown) => value is UnprocessableEntityError =
    defineErrorClass<UnprocessableEntityError>(UnprocessableEntityError, 'UnprocessableEntityError')
}

export class RateLimitError extends ApiError {
  static override readonly isInstance: (value: unknown) => value is RateLimitError =
    defineErrorClass<RateLimitError>(RateLimitError, 'RateLimitError')

  /** How long the server asked to wait (`Retry-After`), when it said. */
  readonly retryAfterMs: number | null

  constructor(fields: ApiErrorFields & { retryAfterMs: number | null }) {
    super(fields)
    this.retryAfterMs = fields.retryAfterMs
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), retryAfterMs: this.retryAfterMs }
  }
}

export class InternalServerError extends ApiError {
  static override readonly isInstance: (value: unknown) => value is InternalServerError =
    defineErrorClass<InternalServerError>(InternalServerError, 'InternalServerError')
}

/** The request never got a response: connection refused or reset, DNS failure, socket hang up. */
export class ConnectionError extends VoiceBatchError {
  static override readonly isInstance: (value: unknown) => value is ConnectionError =
    defineErrorClass<ConnectionError>(ConnectionError, 'ConnectionError')

  readonly provider: string

  constructor(fields: { provider: string; message: string; cause?: unknown }) {
    super(fields.message, fields.cause === undefined ? undefined : { cause: fields.cause })
    this.provider = fields.provider
  }

  override get isRetryable(): boolean {
    return true
  }

  override toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, provider: this.provider }
  }
}

/** One attempt took longer than `timeoutMs` (and retries, if any, were used up). */
export class TimeoutError extends VoiceBatchError {
  static override readonly isInstance: (value: unknown) => value is TimeoutError =
    defineErrorClass<TimeoutError>(TimeoutError, 'TimeoutError')

  readonly provider: string
  readonly timeoutMs: number

  constructor(fields: { provider: string; message: string; timeoutMs: number }) {
    super(fields.message)
    this.provider = fields.provider
    this.timeoutMs = fields.timeoutMs
  }

  override get isRetryable(): boolean {
    return true
  }

  override toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, provider: this.provider, timeoutMs: this.timeoutMs }
  }
}

/** The caller's `AbortSignal` aborted. */
export class RequestAbortedError extends VoiceBatchError {
  static override readonly isInstance: (value: unknown) => value is RequestAbortedError =
    defineErrorClass<RequestAbortedError>(RequestAbortedError, 'RequestAbortedError')

  readonly provider: string | null

  constructor(fields: { provider: string | null; message: string; cause?: unknown }) {
    super(fields.message, fields.cause === undefined ? undefined : { cause: fields.cause })
    this.provider = fields.provider
  }

  override toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, provider: this.provider }
  }
}

/** A body that is not what the status promised, e.g. HTML or truncated JSON on a 200. */
export class InvalidResponseError extends VoiceBatchError {
  static override readonly isInstance: (value: unknown) => value is InvalidResponseError =
    defineErrorClass<InvalidResponseError>(InvalidResponseError, 'InvalidResponseError')

  readonly provider: string
  readonly status: number
  /** The start of the body (at most 200 characters, secrets redacted). */
  readonly snippet: string

  constructor(fields: { provider: string; message: string; status: number; snippet: string }) {
    super(fields.message)
    this.provider = fields.provider
    this.status = fields.status
    this.snippet = fields.snippet
  }

  override toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      provider: this.provider,
      status: this.status,
      snippet: this.snippet,
    }
  }
}

/**
 * A body larger than `maxResponseBytes` once decoded (gzip, deflate and brotli included). Reading
 * stopped at the limit and the connection was closed: at most the limit was ever held in memory.
 * Any status can hit it, an error body too. A subclass of `InvalidResponseError`.
 */
export class ResponseTooLargeError extends InvalidResponseError {
  static override readonly isInstance: (value: unknown) => value is ResponseTooLargeError =
    defineErrorClass<ResponseTooLargeError>(ResponseTooLargeError, 'ResponseTooLargeError')

  /** The limit that was passed, in bytes. */
  readonly maxResponseBytes: number

  constructor(fields: { provider: string; message: string; status: number; maxResponseBytes: number }) {
    super({ ...fields, snippet: '' })
    this.maxResponseBytes = fields.maxResponseBytes
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), maxResponseBytes: this.maxResponseBytes }
  }
}

/** Missing or invalid client options, e.g. no API key. */
export class ConfigurationError extends VoiceBatchError {
  static override readonly isInstance: (value: unknown) => value is ConfigurationError =
    defineErrorClass<ConfigurationError>(ConfigurationError, 'ConfigurationError')
}

/** A path parameter is missing or would change the path (`..`). Thrown before any request. */
export class InvalidParameterError extends VoiceBatchError {
  static override readonly isInstance: (value: unknown) => value is InvalidParameterError =
    defineErrorClass<InvalidParameterError>(InvalidParameterError, 'InvalidParameterError')

  readonly parameter: string
  readonly path: string

  constructor(fields: { message: string; parameter: string; path: string }) {
    super(fields.message)
    this.parameter = fields.parameter
    this.path = fields.path
  }

  override toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, parameter: this.parameter, path: this.path }
  }
}

/**
 * A page loop that does not advance or cannot be trusted: a repeated cursor, a page identical to the
 * one before, an empty page that says more follow, more pages past the total the server gave.
 */
export class PaginationError extends VoiceBatchError {
  static override readonly isInstance: (value: unknown) => value is PaginationError =
    defineErrorClass<PaginationError>(PaginationError, 'PaginationError')
}
