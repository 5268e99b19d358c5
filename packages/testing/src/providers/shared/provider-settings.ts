import type { DialingPace } from '../../internal/call-plan.js'

/** Resolved server options, as every provider mock receives them. */
export interface ProviderSettings {
  readonly apiKey: string
  readonly batches: number
  readonly callsPerBatch: number
  readonly seed: number
  readonly offSpecStatuses: boolean
  readonly now: () => Date
  /** The clock's time when the server started: seeded timestamps are relative to it. */
  readonly anchor: number
  readonly agentIds?: readonly string[]
  /** How created batches dial. */
  readonly dialing: DialingPace
}

export const MINUTE = 60_000
export const HOUR: number = 60 * MINUTE
export const DAY: number = 24 * HOUR

const pad2 = (value: number) => (value < 10 ? `0${value}` : String(value))
const pad3 = (value: number) => (value < 10 ? `00${value}` : value < 100 ? `0${value}` : String(value))

/**
 * `new Date(time).toISOString()` for years 1970-9999, without the Date object: seeded items
 * are built by the hundred thousand, and this is where their time went.
 */
export function iso(time: number): string {
  const days = Math.floor(time / DAY)
  let rest = time - days * DAY
  // Civil date from days since the epoch (Howard Hinnant's algorithm).
  const shifted = days + 719_468
  const era = Math.floor(shifted / 146_097)
  const dayOfEra = shifted - era * 146_097
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  )
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100))
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153)
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
  const hours = Math.floor(rest / HOUR)
  rest -= hours * HOUR
  const minutes = Math.floor(rest / MINUTE)
  rest -= minutes * MINUTE
  const seconds = Math.floor(rest / 1000)
  const millis = rest - seconds * 1000
  return `${year}-${pad2(month)}-${pad2(day)}T${pad2(hours)}:${pad2(minutes)}:${pad2(seconds)}.${pad3(millis)}Z`
}
