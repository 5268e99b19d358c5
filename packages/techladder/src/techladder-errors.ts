import { isRecord, type ParsedErrorBody, withFieldErrors } from '@voicebatch/core'

/**
 * Techladder wraps every answer in `{ status_code, message, error: { code, details }, data }`;
 * `details` lists messages such as `contacts[0].phone_number: invalid`, named in the message on a 4xx.
 */
export function parseTechladderError(body: unknown, response: Response): ParsedErrorBody {
  if (!isRecord(body)) return { code: null, message: null, details: undefined, requestId: null }
  const error = isRecord(body.error) ? body.error : {}
  const message = typeof body.message === 'string' ? body.message : null
  return {
    code: typeof error.code === 'string' ? error.code : null,
    message: withFieldErrors(message, error.details, response.status),
    details: error.details,
    requestId: null,
  }
}
