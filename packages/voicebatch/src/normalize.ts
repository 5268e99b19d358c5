import type { BatchCall, RawCall } from './batch-call.js'
import type { CallBatch, RawBatch } from './call-batch.js'
import type { NormalizeBatchContext, NormalizeCallContext } from './normalize-context.js'
import type { Provider } from './provider.js'
import { normalizeTechladderBatch, normalizeTechladderCall } from './providers/normalize-techladder.js'
import { normalizeTruedyBatch, normalizeTruedyCall } from './providers/normalize-truedy.js'
import { normalizeUltravoxBatch, normalizeUltravoxCall } from './providers/normalize-ultravox.js'
import { fieldsOf, readField, readString, readText } from './read-field.js'

/**
 * A provider's batch in the normalized model. Pure and total: any input, however malformed,
 * gives a `CallBatch` (unreadable fields become null, unknown statuses `unknown` with `rawStatus`
 * kept); `raw` is the object passed in. `context.agentId` names an Ultravox batch's agent;
 * `context.now` is the time its derived status is judged at.
 */
export function normalizeBatch<P extends Provider>(
  provider: P,
  raw: RawBatch<P>,
  context?: NormalizeBatchContext,
): CallBatch<P>
export function normalizeBatch(provider: Provider, raw: unknown, context?: NormalizeBatchContext): CallBatch {
  const options = fieldsOf(context)
  const given = {
    agentId: readString(options, 'agentId'),
    now: readField(options, 'now') as Date | undefined,
  }
  switch (provider) {
    case 'ultravox':
      return normalizeUltravoxBatch(raw as RawBatch<'ultravox'>, given)
    case 'techladder':
      return normalizeTechladderBatch(raw as RawBatch<'techladder'>)
    case 'truedy':
      return normalizeTruedyBatch(raw as RawBatch<'truedy'>)
    default:
      return unknownProviderBatch(provider, raw)
  }
}

/** A provider's call (Ultravox scheduled call, Techladder call, Truedy contact); total like `normalizeBatch`. */
export function normalizeCall<P extends Provider>(
  provider: P,
  raw: RawCall<P>,
  context?: NormalizeCallContext,
): BatchCall<P>
export function normalizeCall(provider: Provider, raw: unknown, context?: NormalizeCallContext): BatchCall {
  const given = { batchId: readString(fieldsOf(context), 'batchId') ?? undefined }
  switch (provider) {
    case 'ultravox':
      return normalizeUltravoxCall(raw as RawCall<'ultravox'>, given)
    case 'techladder':
      return normalizeTechladderCall(raw as RawCall<'techladder'>, given)
    case 'truedy':
      return normalizeTruedyCall(raw as RawCall<'truedy'>, given)
    default:
      return unknownProviderCall(provider, raw, given.batchId)
  }
}

/** Only reachable from untyped code: a provider name outside `Provider`. Still no throw. */
function unknownProviderBatch(provider: never, raw: unknown): CallBatch {
  const fields = fieldsOf(raw)
  return {
    provider,
    id: readText(fields, 'id') ?? '',
    agentId: null,
    name: null,
    status: 'unknown',
    rawStatus: readText(fields, 'status'),
    totalCalls: null,
    completedCalls: null,
    failedCalls: null,
    createdAt: '',
    scheduledAt: null,
    endedAt: null,
    raw: raw as never,
  }
}

function unknownProviderCall(provider: never, raw: unknown, batchId: unknown): BatchCall {
  return {
    provider,
    batchId: typeof batchId === 'string' ? batchId : '',
    id: null,
    status: 'unknown',
    rawStatus: readText(fieldsOf(raw), 'status'),
    phone: null,
    startedAt: null,
    endedAt: null,
    durationSeconds: null,
    error: null,
    raw: raw as never,
  }
}
