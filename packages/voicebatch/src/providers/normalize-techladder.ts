import type { ProviderBatchCall } from '../batch-call.js'
import type { ProviderCallBatch } from '../call-batch.js'
import type { NormalizeCallContext } from '../normalize-context.js'
import { fieldsOf, readCount, readString, readText, stringOrEmpty } from '../read-field.js'
import { techladderBatchStatus, techladderCallStatus } from './techladder-status.js'

/** A Techladder call batch (list item or detail). It has no name of its own: `agent_name` is the agent's. */
export function normalizeTechladderBatch(
  raw: ProviderCallBatch<'techladder'>['raw'],
): ProviderCallBatch<'techladder'> {
  const fields = fieldsOf(raw)
  const rawStatus = readText(fields, 'status')
  return {
    provider: 'techladder',
    id: readText(fields, 'schedule_id') ?? '',
    agentId: readText(fields, 'agent_id'),
    name: null,
    status: techladderBatchStatus(rawStatus),
    rawStatus,
    totalCalls: readCount(fields, 'total_contacts'),
    completedCalls: readCount(fields, 'completed_contacts'),
    failedCalls: readCount(fields, 'failed_contacts'),
    createdAt: readString(fields, 'created_at') ?? '',
    scheduledAt: readString(fields, 'scheduled_at'),
    endedAt: null,
    raw,
  }
}

export function normalizeTechladderCall(
  raw: ProviderBatchCall<'techladder'>['raw'],
  context: NormalizeCallContext = {},
): ProviderBatchCall<'techladder'> {
  const fields = fieldsOf(raw)
  const rawStatus = readText(fields, 'status')
  return {
    provider: 'techladder',
    batchId: stringOrEmpty(context.batchId),
    id: readText(fields, 'call_id'),
    status: techladderCallStatus(rawStatus),
    rawStatus,
    phone: e164(readText(fields, 'phone_number')),
    startedAt: readString(fields, 'started_at'),
    endedAt: readString(fields, 'ended_at'),
    durationSeconds: readCount(fields, 'duration_seconds'),
    error: null,
    raw,
  }
}

/** Techladder sends digits with the country code and no `+`. */
function e164(phone: string | null): string | null {
  if (phone === null || phone === '') return null
  return phone.startsWith('+') ? phone : `+${phone}`
}
