import { ConfigurationError } from '@voicebatch/core'
import type { BatchCapabilities } from './capabilities.js'
import type { ContactInput } from './create-batch-input.js'
import type { Provider } from './provider.js'

/** E.164: a `+`, a country code that does not start with 0, 8 to 15 digits in all. */
const E164 = /^\+[1-9][0-9]{7,14}$/

export interface CheckedContact {
  /** E.164, as given. */
  phone: string
  name: string | undefined
  externalId: string | undefined
  variables: Readonly<Record<string, string | number | boolean | null>>
}

export interface CheckedSchedule {
  startAt: Date
  endAt: Date | null
  timezone: string
}

/** A create input whose common fields were checked; `options` is left to the provider's file. */
export interface CheckedCreate {
  provider: Provider
  agentId: string | undefined
  name: string | undefined
  contacts: CheckedContact[]
  schedule: CheckedSchedule | null
  options: Record<string, unknown>
  idempotencyKey: string | undefined
}

const fail = (message: string): never => {
  throw new ConfigurationError(`createBatch: ${message}`)
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function optionalText(value: unknown, where: string): string | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'string' || value.trim() === '') fail(`${where} must be a non-empty string.`)
  return value as string
}

function checkContact(contact: unknown, index: number): CheckedContact {
  const where = `contacts[${index}]`
  if (!isPlainObject(contact))
    return fail(`${where} must be an object { phone, name?, externalId?, variables? }.`)
  const { phone, name, externalId, variables } = contact as Partial<ContactInput> & Record<string, unknown>
  if (typeof phone !== 'string' || !E164.test(phone)) {
    fail(
      `${where}.phone ${JSON.stringify(phone)} is not an E.164 number (a + and 8 to 15 digits, e.g. +15551234567).`,
    )
  }
  if (variables !== undefined) {
    if (!isPlainObject(variables))
      fail(`${where}.variables must be an object of strings, numbers, booleans or null.`)
    for (const [key, value] of Object.entries(variables as object)) {
      if (value !== null && !['string', 'number', 'boolean'].includes(typeof value)) {
        fail(`${where}.variables.${key} must be a string, number, boolean or null.`)
      }
    }
  }
  return {
    phone: phone as string,
    name: optionalText(name, `${where}.name`),
    externalId: optionalText(externalId, `${where}.externalId`),
    variables: (variables ?? {}) as CheckedContact['variables'],
  }
}

function checkTime(value: unknown, where: string): Date {
  const time =
    value instanceof Date
      ? value.getTime()
      : typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:?\d{2})$/i.test(value)
        ? Date.parse(value)
        : Number.NaN
  if (Number.isNaN(time))
    fail(`${where} must be a Date or an ISO 8601 date-time with a zone (e.g. 2026-06-01T09:00:00Z).`)
  return new Date(time)
}

function checkSchedule(
  schedule: unknown,
  provider: Provider,
  capabilities: BatchCapabilities,
): CheckedSchedule | null {
  if (schedule === undefined) return null
  if (!isPlainObject(schedule)) return fail('schedule must be an object { startAt, endAt?, timezone? }.')
  const startAt = checkTime(schedule.startAt, 'schedule.startAt')
  let endAt: Date | null = null
  if (schedule.endAt !== undefined) {
    if (!capabilities.scheduleEnd) {
      fail(`${provider} schedules have no end: leave schedule.endAt out (only ultravox has a window end).`)
    }
    endAt = checkTime(schedule.endAt, 'schedule.endAt')
    if (endAt.getTime() <= startAt.getTime()) {
      fail(
        `schedule.endAt (${endAt.toISOString()}) must be after schedule.startAt (${startAt.toISOString()}).`,
      )
    }
  }
  const timezone = optionalText(schedule.timezone, 'schedule.timezone') ?? 'UTC'
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone })
  } catch {
    fail(`schedule.timezone ${JSON.stringify(timezone)} is not an IANA time zone (e.g. Europe/Paris).`)
  }
  return { startAt, endAt, timezone }
}

/** Checks what every provider's create needs; nothing is sent when this throws. */
export function checkCreateInput(input: unknown, capabilities: BatchCapabilities): CheckedCreate {
  if (!isPlainObject(input))
    return fail('expected { provider, agentId, name, contacts, schedule?, options }.')
  const provider = input.provider as Provider
  const { contacts } = input
  if (!Array.isArray(contacts) || contacts.length === 0) fail('contacts must be a non-empty array.')
  const list = contacts as unknown[]
  if (capabilities.maxContacts !== null && list.length > capabilities.maxContacts) {
    fail(
      `${provider} takes at most ${capabilities.maxContacts.toLocaleString('en-US')} contacts per batch; got ${list.length.toLocaleString('en-US')}.`,
    )
  }
  if (input.idempotencyKey !== undefined && !capabilities.idempotencyKey) {
    fail(`${provider} takes no idempotency key: leave idempotencyKey out (its creates are never retried).`)
  }
  if (input.options !== undefined && !isPlainObject(input.options)) fail('options must be an object.')
  return {
    provider,
    agentId: optionalText(input.agentId, 'agentId'),
    name: optionalText(input.name, 'name'),
    contacts: list.map(checkContact),
    schedule: checkSchedule(input.schedule, provider, capabilities),
    options: (input.options ?? {}) as Record<string, unknown>,
    idempotencyKey: optionalText(input.idempotencyKey, 'idempotencyKey'),
  }
}

/** Option checks for the provider files: each names the option that is wrong. */
export const optionChecks = {
  fail: fail as typeof fail,
  requiredText(options: Record<string, unknown>, name: string, provider: Provider): string {
    const value = options[name]
    if (typeof value !== 'string' || value.trim() === '') {
      fail(`${provider} needs options.${name} (a non-empty string).`)
    }
    return value as string
  },
  optionalText(options: Record<string, unknown>, name: string): string | undefined {
    return optionalText(options[name], `options.${name}`)
  },
  optionalInteger(options: Record<string, unknown>, name: string, minimum: number): number | undefined {
    const value = options[name]
    if (value === undefined) return undefined
    if (!(Number.isInteger(value) && (value as number) >= minimum))
      fail(`options.${name} must be an integer >= ${minimum}.`)
    return value as number
  },
  optionalBoolean(options: Record<string, unknown>, name: string): boolean | undefined {
    const value = options[name]
    if (value === undefined) return undefined
    if (typeof value !== 'boolean') fail(`options.${name} must be a boolean.`)
    return value as boolean
  },
  unknownKeys(options: Record<string, unknown>, known: readonly string[], provider: Provider): void {
    const unknown = Object.keys(options).filter((key) => !known.includes(key))
    if (unknown.length > 0) {
      fail(
        `unknown ${provider} option${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}: expected ${known.join(', ')}.`,
      )
    }
  },
}
