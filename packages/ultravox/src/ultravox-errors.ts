import { describeFieldErrors, isRecord, type ParsedErrorBody } from '@voicebatch/core'

/**
 * Ultravox answers errors Django REST Framework style: `{"detail": "..."}`, or on 400 an object of
 * field names to lists of messages (nested per item for lists: `{"calls": [{}, {"phone": [...]}]}`).
 * It has no error code and no request id in the body. The message names the first few fields.
 */
export function parseUltravoxError(body: unknown): ParsedErrorBody {
  if (!isRecord(body)) return { code: null, message: null, details: undefined, requestId: null }
  if (typeof body.detail === 'string') {
    return { code: null, message: body.detail, details: undefined, requestId: null }
  }
  const fields = describeFieldErrors(body)
  return {
    code: 'validation_error',
    message: fields === '' ? null : `Validation failed: ${fields}`,
    details: body,
    requestId: null,
  }
}
