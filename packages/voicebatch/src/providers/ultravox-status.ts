import type { ScheduledCallStatusEnum } from '@voicebatch/ultravox'
import type { CallStatus } from '../batch-call.js'
import type { BatchStatus } from '../call-batch.js'
import { type StatusTable, statusOf } from '../status-table.js'

export interface UltravoxBatchState {
  paused: unknown
  endedAt: unknown
  windowStart: unknown
}

/**
 * Ultravox batches have no status field: paused, then ended (`endedAt` set), then a window that
 * opens after `now` (scheduled), else running.
 */
export function ultravoxBatchStatus(batch: UltravoxBatchState, now: number): BatchStatus {
  if (batch.paused === true) return 'paused'
  if (typeof batch.endedAt === 'string' && batch.endedAt !== '') return 'completed'
  if (typeof batch.windowStart === 'string' && Date.parse(batch.windowStart) > now) return 'scheduled'
  return 'running'
}

/** The normalized statuses an Ultravox batch can have. */
export const ultravoxDerivedStatuses: readonly BatchStatus[] = ['scheduled', 'running', 'paused', 'completed']

const ultravoxCallStatuses: StatusTable<CallStatus> = new Map<string, CallStatus>([
  ['FUTURE', 'queued'],
  ['PENDING', 'in_progress'],
  ['SUCCESS', 'completed'],
  ['ERROR', 'failed'],
  ['EXPIRED', 'expired'],
] satisfies Array<[ScheduledCallStatusEnum, CallStatus]>)

export function ultravoxCallStatus(rawStatus: string | null): CallStatus {
  return statusOf(ultravoxCallStatuses, rawStatus)
}
