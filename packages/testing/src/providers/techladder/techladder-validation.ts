import type {
  CreateCallBatchContactInput,
  CreateCallBatchRequestInput,
  StartMode,
} from '@voicebatch/techladder-types'
import { isRecord, isUrl } from '../shared/query.js'

const START_MODES: readonly StartMode[] = ['manual', 'immediate', 'scheduled']
const PHONE_PATTERN = /^[1-9][0-9]{6,14}$/
const TIME_PATTERN = /^([01][0-9]|2[0-3]):[0-5][0-9]$/
const MAX_CONTACTS = 10_000

/** Checks a create body; returns `field: message` lines (Techladder's `error.details`) or the body. */
export function readCreateBody(body: Record<string, unknown>): CreateCallBatchRequestInput | string[] {
  const problems: string[] = []
  const optional = (field: string, test: (value: unknown) => boolean, message: string) => {
    if (body[field] !== undefined && !test(body[field])) problems.push(`${field}: ${message}`)
  }
  const isText = (value: unknown) => typeof value === 'string' && value.trim() !== ''
  for (const field of ['agent_name', 'version_name']) {
    if (body[field] === undefined) problems.push(`${field}: Field required`)
    else if (!isText(body[field])) problems.push(`${field}: Must be a non-empty string`)
  }
  optional('voice', isText, 'Must be a non-empty string')
  optional('did_number', isText, 'Must be a non-empty string')
  for (const field of ['interruption', 'use_alternate_number', 'deduplicate_by_phone', 'recording_enabled']) {
    optional(field, (value) => typeof value === 'boolean', 'Must be a boolean')
  }
  optional(
    'start_mode',
    (value) => START_MODES.includes(value as StartMode),
    'Must be one of manual, immediate, scheduled',
  )
  for (const field of ['concurrency', 'max_duration_seconds_per_call']) {
    optional(field, (value) => Number.isInteger(value) && (value as number) >= 1, 'Must be an integer >= 1')
  }
  optional('callback_url', isUrl, 'Must be a valid URL')
  optional('metadata', isRecord, 'Must be an object')
  optional('schedule_date', isCalendarDate, 'Must be a date (YYYY-MM-DD)')
  optional(
    'schedule_time',
    (value) => typeof value === 'string' && TIME_PATTERN.test(value),
    'Must be a time (HH:MM)',
  )
  optional('schedule_timezone', isText, 'Must be a non-empty string')
  if (body.start_mode === 'scheduled') {
    for (const field of ['schedule_date', 'schedule_time', 'schedule_timezone']) {
      if (body[field] === undefined) problems.push(`${field}: Required when start_mode is scheduled`)
    }
  }

  const { contacts } = body
  if (contacts === undefined) problems.push('contacts: Field required')
  else if (!Array.isArray(contacts)) problems.push('contacts: Must be a list')
  else if (contacts.length === 0) problems.push('contacts: Must contain at least 1 contact')
  else if (contacts.length > MAX_CONTACTS)
    problems.push(`contacts: Must contain at most ${MAX_CONTACTS} contacts`)
  else {
    contacts.forEach((contact: unknown, index) => {
      const where = `contacts[${index}]`
      if (!isRecord(contact)) {
        problems.push(`${where}: Must be an object`)
        return
      }
      if (!isText(contact.contact_id)) problems.push(`${where}.contact_id: Field required`)
      if (typeof contact.phone_number !== 'string') problems.push(`${where}.phone_number: Field required`)
      else if (!PHONE_PATTERN.test(contact.phone_number)) {
        problems.push(`${where}.phone_number: Must be digits with the country code and no '+'`)
      }
      if (contact.name !== undefined && typeof contact.name !== 'string')
        problems.push(`${where}.name: Must be a string`)
      if (contact.metadata !== undefined && !isRecord(contact.metadata)) {
        problems.push(`${where}.metadata: Must be an object`)
      }
    })
  }
  return problems.length > 0 ? problems : (body as unknown as CreateCallBatchRequestInput)
}

function isCalendarDate(value: unknown): boolean {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value)
}

/** Drops contacts whose phone number came earlier, as `deduplicate_by_phone` (default true) asks. */
export function deduplicated(
  contacts: readonly CreateCallBatchContactInput[],
  deduplicate: boolean,
): CreateCallBatchContactInput[] {
  if (!deduplicate) return [...contacts]
  const seen = new Set<string>()
  return contacts.filter((contact) => {
    if (seen.has(contact.phone_number)) return false
    seen.add(contact.phone_number)
    return true
  })
}

/**
 * The start time of a scheduled batch. The docs give the time zone as a label such as
 * "Asia/Kolkata (IST, UTC+5:30)": its UTC offset is used when present, UTC otherwise.
 */
export function scheduledStart(date: string, time: string, timezone: string): string {
  const offset = /UTC\s*([+-])(\d{1,2})(?::(\d{2}))?/.exec(timezone)
  let minutes = 0
  if (offset) {
    minutes = (Number(offset[2]) * 60 + Number(offset[3] ?? 0)) * (offset[1] === '-' ? -1 : 1)
  }
  return new Date(Date.parse(`${date}T${time}:00Z`) - minutes * 60_000).toISOString()
}
