import type { ScheduledCallStatusEnum } from '@voicebatch/ultravox'
import type { CallStatus } from './batch-call.js'

const ultravoxCallStatuses = new Map<string, CallStatus>([
  ['FUTURE', 'queued'],
  ['PENDING', 'in_progress'],
  ['SUCCESS', 'completed'],
  ['ERROR', 'failed'],
  ['EXPIRED', 'expired'],
] satisfies Array<[ScheduledCallStatusEnum, CallStatus]>)

/** Techladder's documented (open) list; anything else is `unknown`, with the word kept in `rawStatus`. */
const techladderCallStatuses = new Map<string, CallStatus>([
  ['pending', 'queued'],
  ['queued', 'queued'],
  ['ringing', 'in_progress'],
  ['in_progress', 'in_progress'],
  ['completed', 'completed'],
  ['failed', 'failed'],
])

/**
 * Truedy gives no list: Techladder's words, plus the outcomes its batch counters name. Its
 * example counts voicemail (45) and no-answer (25) contacts among the failed ones (70).
 */
const truedyCallStatuses = new Map<string, CallStatus>([
  ...techladderCallStatuses,
  ['voicemail', 'failed'],
  ['no_answer', 'failed'],
])

export function ultravoxCallStatus(rawStatus: string | null): CallStatus {
  return (rawStatus !== null && ultravoxCallStatuses.get(rawStatus)) || 'unknown'
}

export function techladderCallStatus(rawStatus: string | null): CallStatus {
  return (rawStatus !== null && techladderCallStatuses.get(rawStatus)) || 'unknown'
}

export function truedyCallStatus(rawStatus: string | null): CallStatus {
  return (rawStatus !== null && truedyCallStatuses.get(rawStatus)) || 'unknown'
}
