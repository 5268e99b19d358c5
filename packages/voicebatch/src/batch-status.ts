import type { CallBatchStatus } from '@voicebatch/techladder'
import type { BatchCallStatus } from '@voicebatch/truedy'
import type { BatchStatus } from './call-batch.js'

/** Techladder's batch statuses (its whole enum) in the normalized model. */
const techladderBatchStatuses = new Map<string, BatchStatus>([
  ['pending', 'scheduled'],
  ['active', 'running'],
  ['completed', 'completed'],
  ['failed', 'failed'],
  ['cancelled', 'cancelled'],
] satisfies Array<[CallBatchStatus, BatchStatus]>)

/** Truedy's batch statuses (its enum, plus `running`, which its own docs show). */
const truedyBatchStatuses = new Map<string, BatchStatus>([
  ['draft', 'draft'],
  ['scheduled', 'scheduled'],
  ['active', 'running'],
  ['running', 'running'],
  ['paused', 'paused'],
  ['completed', 'completed'],
  ['failed', 'failed'],
  ['cancelled', 'cancelled'],
] satisfies Array<[BatchCallStatus | 'running', BatchStatus]>)

/** Maps are used rather than objects so that a status such as `constructor` is not found on a prototype. */
export function techladderBatchStatus(rawStatus: string | null): BatchStatus {
  return (rawStatus !== null && techladderBatchStatuses.get(rawStatus)) || 'unknown'
}

export function truedyBatchStatus(rawStatus: string | null): BatchStatus {
  return (rawStatus !== null && truedyBatchStatuses.get(rawStatus)) || 'unknown'
}

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

/** The server's status values whose batches normalize to one of `statuses` (for the query filter). */
export function techladderServerStatuses(statuses: ReadonlySet<BatchStatus>): CallBatchStatus[] {
  return serverValues(techladderBatchStatuses, statuses) as CallBatchStatus[]
}

/** As above; `running` is left out: Truedy's `status` filter only takes the values of its enum. */
export function truedyServerStatuses(statuses: ReadonlySet<BatchStatus>): BatchCallStatus[] {
  return serverValues(truedyBatchStatuses, statuses).filter(
    (value) => value !== 'running',
  ) as BatchCallStatus[]
}

function serverValues(table: ReadonlyMap<string, BatchStatus>, statuses: ReadonlySet<BatchStatus>): string[] {
  return [...table].filter(([, status]) => statuses.has(status)).map(([value]) => value)
}
