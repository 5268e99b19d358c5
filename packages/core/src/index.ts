export { type ResolveApiKeyInput, resolveApiKey } from './api-key.js'
export type { AttemptEvent, AttemptHooks, AttemptResultEvent, RetryEvent } from './attempt-hooks.js'
export { type AttemptLog, type AttemptLogOptions, createAttemptLog } from './attempt-log.js'
export { type CreateApiErrorInput, createApiError } from './create-api-error.js'
export { describeFieldErrors, withFieldErrors } from './describe-field-errors.js'
export {
  ApiError,
  type ApiErrorFields,
  AuthenticationError,
  BadRequestError,
  ConfigurationError,
  ConflictError,
  ConnectionError,
  InternalServerError,
  InvalidParameterError,
  InvalidResponseError,
  NotFoundError,
  PaginationError,
  PermissionDeniedError,
  RateLimitError,
  RequestAbortedError,
  ResponseTooLargeError,
  TimeoutError,
  UnprocessableEntityError,
  VoiceBatchError,
} from './errors.js'
export {
  createHttpFetch,
  DEFAULT_MAX_RETRIES,
  DEFAULT_TIMEOUT_MS,
  type HttpFetch,
  type HttpFetchOptions,
} from './http-fetch.js'
export { isRecord } from './is-record.js'
export {
  type LevelledLogger,
  type Logger,
  type LoggerOptions,
  type LogLevel,
  resolveLogger,
} from './logger.js'
export type { GetInit, GetResponseBody, PaginateArguments, PathsWithGetBody } from './openapi-types.js'
export {
  type CursorPage,
  createPageIterator,
  type NumberedPage,
  type Page,
  type PageIterator,
  type Pager,
  type PaginateOptions,
} from './page-iterator.js'
export { type GetPageStrategy, paginateGet } from './paginate-get.js'
export { createPathSerializer } from './path-serializer.js'
export {
  type ClientOptions,
  createOpenApiClient,
  type FetchResult,
  type OpenApiClient,
  type ParsedErrorBody,
  type ProviderDefinition,
} from './provider-client.js'
export { DEFAULT_MAX_RESPONSE_BYTES } from './read-limited-body.js'
export { redactUrl } from './redact-url.js'
export { REDACTED, redact, redactValue } from './redaction.js'
export { requestIdOf } from './request-id.js'
export {
  ResponseShapeMismatch,
  readCount,
  requireArray,
  requireBoolean,
  requireRecord,
} from './response-shape.js'
export {
  backoffDelay,
  isRetryableRequest,
  isRetryableStatus,
  MAX_RETRY_AFTER_MS,
  parseRetryAfter,
} from './retry-policy.js'
export { callOptionKeys } from './validate-call-options.js'
export { clientOptionKeys, rejectUnknownKeys } from './validate-client-options.js'
