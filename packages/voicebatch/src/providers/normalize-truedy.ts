import type { ProviderBatchCall } from '../batch-call.js'
import type { ProviderCallBatch } from '../call-batch.js'
import type { NormalizeCallContext } from '../normalize-context.js'
import { fieldsOf, readCount, readString, readText, stringOrEmpty } from '../read-field.js'
import { truedyBatchStatus, truedyCallStatus } from './truedy-status.js'

/**
 * A Truedy batch call (campaign). Its docs' example sends `completed`/`failed` where the schema
 * has `completed_contacts`/`failed_contacts`: both are read, the schema's names first.
 */
export function normalizeTruedyBatch(raw: ProviderCallBatch<'truedy'>['raw']): ProviderCallBatch<'truedy'> {
  const fields = fieldsOf(raw)
  const rawStatus = readText(fields, 'status')
  return {
    provider: 'truedy',
    id: readText(fields, 'id') ?? '',
    agentId: readText(fields, 'agent_id'),
    name: readText(fields, 'name'),
    status: truedyBatchStatus(rawStatus),
    rawStatus,
    totalCalls: readCount(fields, 'total_contacts'),
    completedCalls: readCount(fields, 'completed_contacts', 'completed'),
    failedCalls: readCount(fields, 'failed_contacts', 'failed'),
    createdAt: readString(fields, 'created_at') ?? '',
    scheduledAt: readString(fields, 'scheduled_at'),
    endedAt: null,
    raw,
  }
}

export function normalizeTruedyCall(
  raw: ProviderBatchCall<'truedy'>['raw'],
  context: NormalizeCallContext = {},
): ProviderBatchCall<'truedy'> {
  const fields = fieldsOf(raw)
  const rawStatus = readText(fields, 'call_status')
  return {
    provider: 'truedy',
    batchId: stringOrEmpty(context.batchId),
    id: readText(fields, 'call_id'),
    status: truedyCallStatus(rawStatus),
    rawStatus,
    phone: readString(fields, 'phone_number'),
    // Truedy's contacts say when they were called, not when the call ended.
    startedAt: readString(fields, 'called_at'),
    endedAt: null,
    durationSeconds: null,
    error: null,
    raw,
  }
}
