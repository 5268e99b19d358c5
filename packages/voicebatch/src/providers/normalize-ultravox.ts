import type { ProviderBatchCall } from '../batch-call.js'
import type { ProviderCallBatch } from '../call-batch.js'
import type { NormalizeBatchContext, NormalizeCallContext } from '../normalize-context.js'
import {
  fieldsOf,
  readBoolean,
  readCount,
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
    raw,
  }
}
