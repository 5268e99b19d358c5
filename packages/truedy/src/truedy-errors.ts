import { isRecord, type ParsedErrorBody, withFieldErrors } from '@voicebatch/core'

/**
 * Truedy errors: `{ error: { code, message, details? }, meta: { request_id, ts } }`; on a 4xx the
 * message names the first few field errors of `details`.
 */
export function parseTruedyError(body: unknown, response: Response): ParsedErrorBody {
  if (!isRecord(body)) return { code: null, message: null, details: undefined, requestId: null }
  const error = isRecord(body.error) ? body.error : {}
  const meta = isRecord(body.meta) ? body.meta : {}
  const message = typeof error.message === 'string' ? error.message : null
  return {
    code: typeof error.code === 'string' ? error.code : null,
    message: withFieldErrors(message, error.details, response.status),
    details: error.details,
    requestId: typeof meta.request_id === 'string' ? meta.request_id : null,
  }
}
