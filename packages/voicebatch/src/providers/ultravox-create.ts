import type { ScheduledCallBatchInput, ScheduledCallInput } from '@voicebatch/ultravox'
import { type CheckedCreate, optionChecks } from '../check-create-input.js'

/** The telephony providers Ultravox dials through, each with `outgoing: { to, from }`. */
export type UltravoxPhoneMedium = 'twilio' | 'telnyx' | 'plivo'
const mediums: readonly UltravoxPhoneMedium[] = ['twilio', 'telnyx', 'plivo']

export interface UltravoxCreateOptions {
  /** The telephony account Ultravox places the calls through. */
  medium: UltravoxPhoneMedium
  /** The caller ID, a number of that account (E.164). */
  fromNumber: string
  /** Ultravox's named throttle for the batch. */
  throttle?: string | undefined
  webhookUrl?: string | undefined
  webhookSecret?: string | undefined
  /** Create the batch paused (resume it with `resumeBatch`). Default false. */
  paused?: boolean | undefined
}

const known = ['medium', 'fromNumber', 'throttle', 'webhookUrl', 'webhookSecret', 'paused']

/**
 * A `ScheduledCallBatch` create body: one scheduled call per contact, dialled through `medium`
 * from `fromNumber`; the contact's name and variables become the call's `templateContext`, its
 * external ID the call's `metadata`. The schedule is the batch's window.
 */
export function ultravoxCreateBody(input: CheckedCreate): ScheduledCallBatchInput {
  const { options, schedule } = input
  optionChecks.unknownKeys(options, known, 'ultravox')
  const medium = optionChecks.requiredText(options, 'medium', 'ultravox') as UltravoxPhoneMedium
  if (!mediums.includes(medium)) {
    optionChecks.fail(`options.medium ${JSON.stringify(medium)} is not one of ${mediums.join(', ')}.`)
  }
  const from = optionChecks.requiredText(options, 'fromNumber', 'ultravox')
  const calls = input.contacts.map(
    (contact): ScheduledCallInput => ({
      medium: { [medium]: { outgoing: { to: contact.phone, from } } },
      templateContext: {
        ...(contact.name === undefined ? {} : { name: contact.name }),
        ...contact.variables,
      },
      ...(contact.externalId === undefined ? {} : { metadata: { externalId: contact.externalId } }),
    }),
  )
  const throttle = optionChecks.optionalText(options, 'throttle')
  const webhookUrl = optionChecks.optionalText(options, 'webhookUrl')
  const webhookSecret = optionChecks.optionalText(options, 'webhookSecret')
  const paused = optionChecks.optionalBoolean(options, 'paused')
  return {
    calls,
    ...(schedule === null ? {} : { windowStart: schedule.startAt.toISOString() }),
    ...(schedule?.endAt == null ? {} : { windowEnd: schedule.endAt.toISOString() }),
    ...(throttle === undefined ? {} : { throttle }),
    ...(webhookUrl === undefined ? {} : { webhookUrl }),
    ...(webhookSecret === undefined ? {} : { webhookSecret }),
    ...(paused === undefined ? {} : { paused }),
  } as ScheduledCallBatchInput
}
