import type {
  BatchCallSettingsInput,
  BulkDeleteBatchCallsRequestInput,
  ContactSource,
  CreateBatchCallRequestInput,
  PhoneRotationStrategy,
  ScheduleBatchCallRequestInput,
  ScheduleType,
  UpdateBatchCallRequestInput,
} from '@voicebatch/truedy-types'
import { isDateTime, isRecord } from '../shared/query.js'

/** One invalid field, as `error.details.errors[]` lists it. */
export interface FieldProblem {
  readonly field: string
  readonly message: string
}

const ROTATIONS: readonly PhoneRotationStrategy[] = ['random', 'sequential', 'round_robin']
const SCHEDULE_TYPES: readonly ScheduleType[] = ['immediate', 'scheduled']
const CONTACT_SOURCES: readonly ContactSource[] = ['csv', 'folder', 'manual']
const TIME_PATTERN = /^([01][0-9]|2[0-3]):[0-5][0-9]$/
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

type Check = (value: unknown) => boolean
const isString: Check = (value) => typeof value === 'string'
const isStringList: Check = (value) => Array.isArray(value) && value.every(isString)

class Problems {
  readonly list: FieldProblem[] = []
  constructor(readonly body: Record<string, unknown>) {}
  add(field: string, message: string): void {
    this.list.push({ field, message })
  }
  optional(field: string, check: Check, message: string): void {
    if (this.body[field] !== undefined && !check(this.body[field])) this.add(field, message)
  }
  name(required: boolean): void {
    const { name } = this.body
    if (name === undefined) {
      if (required) this.add('name', 'Field required')
    } else if (typeof name !== 'string' || name.length < 1 || name.length > 255) {
      this.add('name', 'Must be a string of 1 to 255 characters')
    }
  }
  settings(): void {
    this.optional('phone_number_ids', isStringList, 'Must be a list of strings')
    this.optional(
      'phone_rotation_strategy',
      (value) => ROTATIONS.includes(value as PhoneRotationStrategy),
      `Must be one of ${ROTATIONS.join(', ')}`,
    )
    this.optional(
      'schedule_type',
      (value) => SCHEDULE_TYPES.includes(value as ScheduleType),
      `Must be one of ${SCHEDULE_TYPES.join(', ')}`,
    )
    this.optional('scheduled_at', isDateTime, 'Must be an ISO 8601 date-time')
    this.optional('timezone', isString, 'Must be a string')
    for (const field of ['start_time', 'end_time']) {
      this.optional(
        field,
        (value) => typeof value === 'string' && TIME_PATTERN.test(value),
        'Must be a time (HH:MM)',
      )
    }
    this.optional(
      'working_days',
      (value) => Array.isArray(value) && value.every((day) => Number.isInteger(day) && day >= 1 && day <= 7),
      'Must be a list of days from 1 (Monday) to 7 (Sunday)',
    )
    this.optional(
      'max_calls_per_day',
      (value) => Number.isInteger(value) && (value as number) >= 1,
      'Must be an integer >= 1',
    )
    this.optional('retry_failed', (value) => typeof value === 'boolean', 'Must be a boolean')
    if (this.body.schedule_type === 'scheduled' && this.body.scheduled_at === undefined) {
      this.add('scheduled_at', 'Required when schedule_type is scheduled')
    }
  }
}

export type Checked<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problems: FieldProblem[] }

function result<T>(problems: Problems): Checked<T> {
  return problems.list.length > 0
    ? { ok: false, problems: problems.list }
    : { ok: true, value: problems.body as unknown as T }
}

export function readCreateBody(body: Record<string, unknown>): Checked<CreateBatchCallRequestInput> {
  const problems = new Problems(body)
  problems.name(true)
  if (body.agent_id === undefined) problems.add('agent_id', 'Field required')
  else
    problems.optional(
      'agent_id',
      (value) => typeof value === 'string' && value !== '',
      'Must be a non-empty string',
    )
  problems.settings()
  problems.optional(
    'contact_source',
    (value) => CONTACT_SOURCES.includes(value as ContactSource),
    `Must be one of ${CONTACT_SOURCES.join(', ')}`,
  )
  problems.optional('contact_folder_id', isString, 'Must be a string')
  problems.optional('contact_ids', isStringList, 'Must be a list of strings')
  if (body.contact_source === 'folder' && body.contact_folder_id === undefined) {
    problems.add('contact_folder_id', 'Required when contact_source is folder')
  }
  if (body.contacts !== undefined) {
    if (!Array.isArray(body.contacts)) problems.add('contacts', 'Must be a list')
    else {
      body.contacts.forEach((contact: unknown, index) => {
        const where = `contacts[${index}]`
        if (!isRecord(contact)) {
          problems.add(where, 'Must be an object')
          return
        }
        if (typeof contact.phone_number !== 'string' || contact.phone_number === '') {
          problems.add(`${where}.phone_number`, 'Field required')
        }
        for (const field of ['first_name', 'last_name'] as const) {
          if (contact[field] !== undefined && !isString(contact[field]))
            problems.add(`${where}.${field}`, 'Must be a string')
        }
        if (
          contact.email !== undefined &&
          !(typeof contact.email === 'string' && EMAIL_PATTERN.test(contact.email))
        ) {
          problems.add(`${where}.email`, 'Must be an email address')
        }
        if (contact.custom_fields !== undefined && !isRecord(contact.custom_fields)) {
          problems.add(`${where}.custom_fields`, 'Must be an object')
        }
      })
    }
  }
  return result(problems)
}

export function readUpdateBody(
  body: Record<string, unknown>,
): Checked<UpdateBatchCallRequestInput & BatchCallSettingsInput> {
  const problems = new Problems(body)
  problems.name(false)
  problems.settings()
  return result(problems)
}

export function readScheduleBody(
  body: Record<string, unknown>,
  now: Date,
): Checked<ScheduleBatchCallRequestInput> {
  const problems = new Problems(body)
  const { scheduled_at: scheduledAt } = body
  if (scheduledAt !== undefined && scheduledAt !== null) {
    if (!isDateTime(scheduledAt)) problems.add('scheduled_at', 'Must be an ISO 8601 date-time or null')
    else if (Date.parse(scheduledAt) <= now.getTime()) problems.add('scheduled_at', 'Must be in the future')
  }
  problems.optional('timezone', isString, 'Must be a string')
  return result(problems)
}

export function readBulkDeleteBody(body: Record<string, unknown>): Checked<BulkDeleteBatchCallsRequestInput> {
  const problems = new Problems(body)
  if (body.ids === undefined) problems.add('ids', 'Field required')
  else if (!isStringList(body.ids)) problems.add('ids', 'Must be a list of strings')
  else if ((body.ids as string[]).length === 0) problems.add('ids', 'Must contain at least 1 id')
  return result(problems)
}
