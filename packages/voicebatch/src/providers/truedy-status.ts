import type { BatchCallStatus } from '@voicebatch/truedy'
import type { CallStatus } from '../batch-call.js'
import type { BatchStatus } from '../call-batch.js'
import { documentedCallStatuses } from '../call-status-words.js'
import { type StatusTable, serverStatuses, statusOf } from '../status-table.js'

/** Truedy's batch statuses (its enum, plus `running`, which its own docs show). */
const truedyBatchStatuses: StatusTable<BatchStatus> = new Map<string, BatchStatus>([
  ['draft', 'draft'],
  ['scheduled', 'scheduled'],
  ['active', 'running'],
  ['running', 'running'],
  ['paused', 'paused'],
  ['completed', 'completed'],
  ['failed', 'failed'],
  ['cancelled', 'cancelled'],
] satisfies Array<[BatchCallStatus | 'running', BatchStatus]>)

/**
 * Truedy gives no list: Techladder's words, plus the outcomes its batch counters name. Its
 * example counts voicemail (45) and no-answer (25) contacts among the failed ones (70).
 */
const truedyCallStatuses: StatusTable<CallStatus> = /* @__PURE__ */ new Map<string, CallStatus>([
  ...documentedCallStatuses,
  ['voicemail', 'failed'],
  ['no_answer', 'failed'],
])

export function truedyBatchStatus(rawStatus: string | null): BatchStatus {
  return statusOf(truedyBatchStatuses, rawStatus)
}

export function truedyCallStatus(rawStatus: string | null): CallStatus {
  return statusOf(truedyCallStatuses, rawStatus)
}

/** As Techladder's; `running` is left out: Truedy's `status` filter only takes the values of its enum. */
export function truedyServerStatuses(statuses: ReadonlySet<BatchStatus>): BatchCallStatus[] {
  return serverStatuses(truedyBatchStatuses, statuses).filter(
    (value) => value !== 'running',
  ) as BatchCallStatus[]
}
