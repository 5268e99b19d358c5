import { isRecord, type ParsedErrorBody } from '@voicebatch/core'

/** Techladder wraps every answer in `{ status_code, message, error: { code, details }, data }`. */
export function parseTechladderError(body: unknown): ParsedErrorBody {
  if (!isRecord(body)) return { code: null, message: null, details: undefined, requestId: null }
  const error = isRecord(body.error) ? body.error : {}
  return {
    code: typeof error.code === 'string' ? error.code : null,
    message: typeof body.message === 'string' ? body.message : null,
    details: error.details,
    requestId: null,
  }
}
