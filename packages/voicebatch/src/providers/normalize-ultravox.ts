import type { ProviderBatchCall } from '../batch-call.js'
import type { ProviderCallBatch } from '../call-batch.js'
import type { NormalizeBatchContext, NormalizeCallContext } from '../normalize-context.js'
import {
  fieldsOf,
  readBoolean,
  readCount,
  readField,
  readString,
  readText,
  stringOrEmpty,
  timeOf,
} from '../read-field.js'
import { ultravoxBatchStatus, ultravoxCallStatus } from './ultravox-status.js'

/** An Ultravox scheduled batch: no name, no status (derived), no failed count. */
export function normalizeUltravoxBatch(
  raw: ProviderCallBatch<'ultravox'>['raw'],
  context: NormalizeBatchContext = {},
): ProviderCallBatch<'ultravox'> {
  const fields = fieldsOf(raw)
  const isObject = typeof raw === 'object' && raw !== null
  const state = {
    paused: readBoolean(fields, 'paused'),
    endedAt: readString(fields, 'endedAt'),
    windowStart: readString(fields, 'windowStart'),
  }
  return {
    provider: 'ultravox',
    id: readText(fields, 'batchId') ?? '',
    agentId: typeof context.agentId === 'string' ? context.agentId : null,
    name: null,
    status: isObject ? ultravoxBatchStatus(state, timeOf(context.now)) : 'unknown',
    rawStatus: null,
    totalCalls: readCount(fields, 'totalCount'),
    completedCalls: readCount(fields, 'completedCount'),
    failedCalls: null,
    createdAt: readString(fields, 'created') ?? '',
    scheduledAt: state.windowStart,
    endedAt: state.endedAt,
    raw,
  }
}

export function normalizeUltravoxCall(
  raw: ProviderBatchCall<'ultravox'>['raw'],
  context: NormalizeCallContext = {},
): ProviderBatchCall<'ultravox'> {
  const fields = fieldsOf(raw)
  const rawStatus = readText(fields, 'status')
  return {
    provider: 'ultravox',
    batchId: readText(fields, 'batchId') ?? stringOrEmpty(context.batchId),
    id: readText(fields, 'callId'),
    status: ultravoxCallStatus(rawStatus),
    rawStatus,
    phone: outgoingNumber(readField(fields, 'medium')),
    startedAt: null,
    endedAt: null,
    durationSeconds: null,
    error: readString(fields, 'error'),
    raw,
  }
}

/** `medium.<twilio|telnyx|plivo|...>.outgoing.to`: the only place an Ultravox scheduled call names its number. */
function outgoingNumber(medium: unknown): string | null {
  for (const value of Object.values(fieldsOf(medium))) {
    const to = readString(fieldsOf(readField(fieldsOf(value), 'outgoing')), 'to')
    if (to !== null) return to
  }
  return null
}
