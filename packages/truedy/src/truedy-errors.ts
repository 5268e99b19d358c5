import { isRecord, type ParsedErrorBody } from '@voicebatch/core'

/** Truedy errors: `{ error: { code, message, details? }, meta: { request_id, ts } }`. */
export function parseTruedyError(body: unknown): ParsedErrorBody {
  if (!isRecord(body)) return { code: null, message: null, details: undefined, requestId: null }
  const error = isRecord(body.error) ? body.error : {}
  const meta = isRecord(body.meta) ? body.meta : {}
  return {
    code: typeof error.code === 'string' ? error.code : null,
    message: typeof error.message === 'string' ? error.message : null,
    details: error.details,
    requestId: typeof meta.request_id === 'string' ? meta.request_id : null,
  }
}
