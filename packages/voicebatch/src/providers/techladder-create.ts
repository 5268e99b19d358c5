import type { CreateCallBatchRequestInput } from '@voicebatch/techladder'
import { type CheckedCreate, optionChecks } from '../check-create-input.js'
import { zonedTime } from '../zoned-time.js'

export interface TechladderCreateOptions {
  /** The agent's prompt version (`pmt-...`), sent as `version_name`. */
  versionId: string
  voice?: string | undefined
  /** Calls placed at the same time. */
  concurrency?: number | undefined
  /** The number to call from. */
  didNumber?: string | undefined
  recordingEnabled?: boolean | undefined
  interruption?: boolean | undefined
  /** Drop contacts whose number came earlier (Techladder's default: true). */
  deduplicateByPhone?: boolean | undefined
  callbackUrl?: string | undefined
  maxDurationSecondsPerCall?: number | undefined
}

const known = [
  'versionId',
  'voice',
  'concurrency',
  'didNumber',
  'recordingEnabled',
  'interruption',
  'deduplicateByPhone',
  'callbackUrl',
  'maxDurationSecondsPerCall',
]

/**
 * A Techladder create body: `agent_name`/`version_name` carry the IDs (as its docs do), phones go
 * without the `+`, a contact without `externalId` gets its phone digits as `contact_id`. A
 * schedule becomes `start_mode: scheduled` with the local date and time in `schedule.timezone`
 * and a label such as `Europe/Paris (UTC+2:00)`; without one the batch starts at once (`immediate`).
 */
export function techladderCreateBody(input: CheckedCreate): CreateCallBatchRequestInput {
  const { options, schedule } = input
  if (input.agentId === undefined) optionChecks.fail('techladder needs agentId (the agent, agt-...).')
  optionChecks.unknownKeys(options, known, 'techladder')
  const versionId = optionChecks.requiredText(options, 'versionId', 'techladder')
  const optional = {
    voice: optionChecks.optionalText(options, 'voice'),
    did_number: optionChecks.optionalText(options, 'didNumber'),
    concurrency: optionChecks.optionalInteger(options, 'concurrency', 1),
    recording_enabled: optionChecks.optionalBoolean(options, 'recordingEnabled'),
    interruption: optionChecks.optionalBoolean(options, 'interruption'),
    deduplicate_by_phone: optionChecks.optionalBoolean(options, 'deduplicateByPhone'),
    callback_url: optionChecks.optionalText(options, 'callbackUrl'),
    max_duration_seconds_per_call: optionChecks.optionalInteger(options, 'maxDurationSecondsPerCall', 1),
  }
  let start: Partial<CreateCallBatchRequestInput> = { start_mode: 'immediate' }
  if (schedule !== null) {
    const local = zonedTime(schedule.startAt, schedule.timezone)
    start = {
      start_mode: 'scheduled',
      schedule_date: local.date,
      schedule_time: local.time,
      schedule_timezone: `${schedule.timezone} (${local.offset})`,
    }
  }
  return {
    agent_name: input.agentId as string,
    version_name: versionId,
    ...Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined)),
    ...start,
    ...(input.name === undefined ? {} : { metadata: { name: input.name } }),
    contacts: input.contacts.map((contact) => ({
      contact_id: contact.externalId ?? contact.phone.slice(1),
      phone_number: contact.phone.slice(1),
      ...(contact.name === undefined ? {} : { name: contact.name }),
      ...(Object.keys(contact.variables).length === 0 ? {} : { metadata: { ...contact.variables } }),
    })),
  }
}
