import { isRecord, type ParsedErrorBody } from '@voicebatch/core'

function describeFieldErrors(body: Record<string, unknown>): string {
  return Object.entries(body)
    .map(
      ([field, messages]) => `${field}: ${Array.isArray(messages) ? messages.join(' ') : String(messages)}`,
    )
    .join('; ')
}

/**
 * Ultravox answers errors Django REST Framework style: `{"detail": "..."}`, or on 400 an object of
 * field names to lists of messages. It has no error code and no request id in the body.
 */
export function parseUltravoxError(body: unknown): ParsedErrorBody {
  if (!isRecord(body)) return { code: null, message: null, details: undefined, requestId: null }
  if (typeof body.detail === 'string') {
    return { code: null, message: body.detail, details: undefined, requestId: null }
  }
  return { code: 'validation_error', message: describeFieldErrors(body), details: body, requestId: null }
}
