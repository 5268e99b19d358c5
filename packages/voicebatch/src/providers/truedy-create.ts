import type { CreateBatchCallRequestInput, PhoneRotationStrategy } from '@voicebatch/truedy'
import { type CheckedCreate, optionChecks } from '../check-create-input.js'

/** 1 = Monday .. 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7

export interface TruedyCreateOptions {
  /** The numbers to call from (`num_...`), at least one. */
  phoneNumberIds: readonly string[]
  phoneRotationStrategy?: PhoneRotationStrategy | undefined
  /** Days calls are placed on. */
  workingDays?: readonly Weekday[] | undefined
  /** Daily calling hours in the schedule's time zone, "HH:MM". */
  callingHours?: { start: string; end: string } | undefined
  maxCallsPerDay?: number | undefined
  retryFailed?: boolean | undefined
}

const known = [
  'phoneNumberIds',
  'phoneRotationStrategy',
  'workingDays',
  'callingHours',
  'maxCallsPerDay',
  'retryFailed',
]
const rotations: readonly PhoneRotationStrategy[] = ['random', 'sequential', 'round_robin']
const HOUR_MINUTE = /^([01][0-9]|2[0-3]):[0-5][0-9]$/

/**
 * A Truedy create body: contacts sent in the request (`contact_source: manual`), the name split
 * into first and last, variables and external ID as custom fields. A schedule is `scheduled_at`
 * and `timezone`; without one the batch starts at once (`schedule_type: immediate`).
 */
export function truedyCreateBody(input: CheckedCreate): CreateBatchCallRequestInput {
  const { options, schedule } = input
  if (input.agentId === undefined) optionChecks.fail('truedy needs agentId.')
  if (input.name === undefined) optionChecks.fail('truedy needs a name for the batch (1 to 255 characters).')
  if ((input.name as string).length > 255)
    optionChecks.fail('name must be at most 255 characters for truedy.')
  optionChecks.unknownKeys(options, known, 'truedy')
  const ids = options.phoneNumberIds
  if (!Array.isArray(ids) || ids.length === 0 || ids.some((id) => typeof id !== 'string' || id === '')) {
    optionChecks.fail('truedy needs options.phoneNumberIds (a non-empty array of phone number IDs).')
  }
  const rotation = options.phoneRotationStrategy
  if (rotation !== undefined && !rotations.includes(rotation as PhoneRotationStrategy)) {
    optionChecks.fail(`options.phoneRotationStrategy must be one of ${rotations.join(', ')}.`)
  }
  const days = options.workingDays
  if (
    days !== undefined &&
    !(Array.isArray(days) && days.every((day) => Number.isInteger(day) && day >= 1 && day <= 7))
  ) {
    optionChecks.fail('options.workingDays must be an array of days from 1 (Monday) to 7 (Sunday).')
  }
  const hours = options.callingHours as { start?: unknown; end?: unknown } | undefined
  if (
    hours !== undefined &&
    !(
      typeof hours.start === 'string' &&
      HOUR_MINUTE.test(hours.start) &&
      typeof hours.end === 'string' &&
      HOUR_MINUTE.test(hours.end)
    )
  ) {
    optionChecks.fail('options.callingHours must be { start: "HH:MM", end: "HH:MM" }.')
  }
  const maxCallsPerDay = optionChecks.optionalInteger(options, 'maxCallsPerDay', 1)
  const retryFailed = optionChecks.optionalBoolean(options, 'retryFailed')
  return {
    name: input.name as string,
    agent_id: input.agentId as string,
    phone_number_ids: [...(ids as string[])],
    ...(rotation === undefined ? {} : { phone_rotation_strategy: rotation as PhoneRotationStrategy }),
    contact_source: 'manual',
    contacts: input.contacts.map((contact) => {
      const [first, ...rest] = contact.name?.trim().split(/\s+/) ?? []
      const fields = {
        ...contact.variables,
        ...(contact.externalId === undefined ? {} : { external_id: contact.externalId }),
      }
      return {
        phone_number: contact.phone,
        ...(first === undefined ? {} : { first_name: first }),
        ...(rest.length === 0 ? {} : { last_name: rest.join(' ') }),
        ...(Object.keys(fields).length === 0 ? {} : { custom_fields: fields }),
      }
    }),
    ...(schedule === null
      ? { schedule_type: 'immediate' as const }
      : {
          schedule_type: 'scheduled' as const,
          scheduled_at: schedule.startAt.toISOString(),
          timezone: schedule.timezone,
        }),
    ...(days === undefined ? {} : { working_days: [...(days as number[])] }),
    ...(hours === undefined ? {} : { start_time: hours.start as string, end_time: hours.end as string }),
    ...(maxCallsPerDay === undefined ? {} : { max_calls_per_day: maxCallsPerDay }),
    ...(retryFailed === undefined ? {} : { retry_failed: retryFailed }),
  }
}
