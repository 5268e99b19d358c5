import type { CallBatchStatus } from '@voicebatch/techladder'
import type { CallStatus } from '../batch-call.js'
import type { BatchStatus } from '../call-batch.js'
import { documentedCallStatuses } from '../call-status-words.js'
import { type StatusTable, serverStatuses, statusOf } from '../status-table.js'

/** Techladder's batch statuses (its whole enum) in the normalized model. */
const techladderBatchStatuses: StatusTable<BatchStatus> = new Map<string, BatchStatus>([
  ['pending', 'scheduled'],
  ['active', 'running'],
  ['completed', 'completed'],
  ['failed', 'failed'],
  ['cancelled', 'cancelled'],
] satisfies Array<[CallBatchStatus, BatchStatus]>)

// Pure: a bundle without Techladder drops it (a Map built from a variable is not known to be).
const techladderCallStatuses: StatusTable<CallStatus> = /* @__PURE__ */ new Map<string, CallStatus>(
  documentedCallStatuses,
)

export function techladderBatchStatus(rawStatus: string | null): BatchStatus {
  return statusOf(techladderBatchStatuses, rawStatus)
}

export function techladderCallStatus(rawStatus: string | null): CallStatus {
  return statusOf(techladderCallStatuses, rawStatus)
}

/** The server's status values whose batches normalize to one of `statuses` (for the query filter). */
export function techladderServerStatuses(statuses: ReadonlySet<BatchStatus>): CallBatchStatus[] {
  return serverStatuses(techladderBatchStatuses, statuses) as CallBatchStatus[]
}
