import {
  ApiError,
  type ApiErrorFields,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from './errors.js'
import { redact, redactHeaders, redactNullable, redactValue } from './redaction.js'
import { parseRetryAfter } from './retry-policy.js'

/** What {@link createApiError} needs: the response's status, headers and body, and what the provider's error envelope says. */
export interface CreateApiErrorInput {
  provider: string
  status: number
  code: string | null
  /** The provider's own message; null falls back to `HTTP <status>`. */
  message: string | null
  details: unknown
  requestId: string | null
  headers: Headers
  body: unknown
  /** Strings redacted from every field: message, code, request id, details, body and headers. */
  secrets?: readonly string[]
}

const classesByStatus: Record<number, new (fields: ApiErrorFields) => ApiError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
}

/** Builds the `ApiError` subclass that matches the status, e.g. `NotFoundError` for 404. */
export function createApiError(input: CreateApiErrorInput): ApiError {
  const secrets = input.secrets ?? []
  const fields: ApiErrorFields = {
    provider: input.provider,
    status: input.status,
    code: redactNullable(input.code, secrets),
    message: redact(formatMessage(input), secrets),
    details: redactValue(input.details, secrets),
    requestId: redactNullable(input.requestId, secrets),
    headers: redactHeaders(input.headers, secrets),
    body: redactValue(input.body, secrets),
  }
  if (input.status === 429)
    return new RateLimitError({ ...fields, retryAfterMs: parseRetryAfter(input.headers) })
  if (input.status >= 500) return new InternalServerError(fields)
  const errorClass = classesByStatus[input.status] ?? ApiError
  return new errorClass(fields)
}

/** A provider message longer than this is cut: the whole body stays in `body`. */
const MAX_MESSAGE_LENGTH = 1_000

/** `truedy: 404 not_found: Batch call not found (request req_123)` */
function formatMessage({ provider, status, code, message, requestId }: CreateApiErrorInput): string {
  const parts = [`${provider}: ${status}`]
  if (code) parts.push(` ${code}`)
  const text = message || `HTTP ${status}`
  parts.push(`: ${text.length > MAX_MESSAGE_LENGTH ? `${text.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : text}`)
  if (requestId) parts.push(` (request ${requestId})`)
  return parts.join('')
}
