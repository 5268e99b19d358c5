import type { ScheduledCallInput } from '@voicebatch/ultravox-types'
import { isDateTime, isRecord, isUrl } from '../shared/query.js'

/** Django REST framework validation errors: messages keyed by field. */
export type FieldErrors = Record<string, string[]>

/** The writable batch fields a create or a partial update may carry, once checked. */
export interface BatchChanges {
  windowStart?: string | null
  windowEnd?: string | null
  throttle?: string | null
  webhookUrl?: string | null
  webhookSecret?: string | null
  paused?: boolean
}

const DATE_TIME_MESSAGE =
  'Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].'

function addError(errors: FieldErrors, field: string, message: string): void {
  const messages = errors[field] ?? []
  messages.push(message)
  errors[field] = messages
}

function nullableString(
  body: Record<string, unknown>,
  field: keyof BatchChanges,
  errors: FieldErrors,
  maxLength?: number,
): void {
  const value = body[field]
  if (value === undefined || value === null) return
  if (typeof value !== 'string') addError(errors, field, 'Not a valid string.')
  else if (maxLength !== undefined && value.length > maxLength) {
    addError(errors, field, `Ensure this field has no more than ${maxLength} characters.`)
  }
}

/** Checks the writable fields; readOnly ones are ignored, as DRF does. */
export function readBatchChanges(
  body: Record<string, unknown>,
  errors: FieldErrors,
  now: Date,
): BatchChanges {
  for (const field of ['windowStart', 'windowEnd'] as const) {
    const value = body[field]
    if (value !== undefined && value !== null && !isDateTime(value))
      addError(errors, field, DATE_TIME_MESSAGE)
  }
  nullableString(body, 'throttle', errors)
  nullableString(body, 'webhookUrl', errors, 200)
  nullableString(body, 'webhookSecret', errors, 120)
  if (typeof body.webhookUrl === 'string' && !isUrl(body.webhookUrl))
    addError(errors, 'webhookUrl', 'Enter a valid URL.')
  if (body.paused !== undefined && typeof body.paused !== 'boolean')
    addError(errors, 'paused', 'Must be a valid boolean.')

  const changes: BatchChanges = {}
  for (const field of ['windowStart', 'windowEnd', 'throttle', 'webhookUrl', 'webhookSecret'] as const) {
    const value = body[field]
    if (value === null || typeof value === 'string') changes[field] = value
  }
  if (typeof body.paused === 'boolean') changes.paused = body.paused
  if (typeof changes.windowEnd === 'string' && !errors.windowEnd) {
    if (Date.parse(changes.windowEnd) <= now.getTime())
      addError(errors, 'windowEnd', 'The window has already ended.')
  }
  return changes
}

/** The window check of an existing or new batch: the end must come after the start. */
export function checkWindow(
  windowStart: string | null | undefined,
  windowEnd: string | null | undefined,
  errors: FieldErrors,
): void {
  if (typeof windowStart !== 'string' || typeof windowEnd !== 'string') return
  if (errors.windowStart || errors.windowEnd) return
  if (Date.parse(windowEnd) <= Date.parse(windowStart)) {
    addError(errors, 'windowEnd', 'The window is too small for the batch.')
  }
}

/** Checks `calls` of a create request. DRF nests per-item errors; they are flattened into one list here. */
export function readCalls(value: unknown, errors: FieldErrors): ScheduledCallInput[] {
  if (value === undefined) {
    addError(errors, 'calls', 'This field is required.')
    return []
  }
  if (!Array.isArray(value)) {
    addError(errors, 'calls', `Expected a list of items but got type "${typeof value}".`)
    return []
  }
  if (value.length === 0) {
    addError(errors, 'calls', 'Ensure this field has at least 1 elements.')
    return []
  }
  const calls: ScheduledCallInput[] = []
  value.forEach((call: unknown, index) => {
    const where = `Item ${index + 1}`
    if (!isRecord(call)) {
      addError(errors, 'calls', `${where}: Invalid data. Expected a dictionary, but got ${typeof call}.`)
      return
    }
    for (const field of ['medium', 'metadata', 'templateContext', 'experimentalSettings'] as const) {
      const fieldValue = call[field]
      if (fieldValue !== undefined && fieldValue !== null && !isRecord(fieldValue)) {
        addError(errors, 'calls', `${where}: ${field}: Expected a dictionary of items.`)
      }
    }
    if (isRecord(call.metadata) && Object.values(call.metadata).some((entry) => typeof entry !== 'string')) {
      addError(errors, 'calls', `${where}: metadata: All values must be strings.`)
    }
    calls.push(call as ScheduledCallInput)
  })
  return calls
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.keys(errors).length > 0
}
