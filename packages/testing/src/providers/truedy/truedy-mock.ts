import { STATUS_CODES } from 'node:http'
import type { BatchCallContact, BatchCallStatus } from '@voicebatch/truedy-types'
import { hash32, hex, salt, scramble32 } from '../../internal/deterministic.js'
import type { DialedCall } from '../../internal/dialed-batch.js'
import { arrayView, type ListView, segmentedView, slice } from '../../internal/lazy-list.js'
import { LiveBatches } from '../../internal/live-batches.js'
import { matchRoute, type Route } from '../../internal/router.js'
import type { MockRequest, MockResponse, ProviderMock, RequestContext } from '../provider-mock.js'
import type { ProviderSettings } from '../shared/provider-settings.js'
import { integerParam, isRecord } from '../shared/query.js'
import { isStatus, type TruedyBatch, type TruedyBatchRecord, TruedyData } from './truedy-data.js'
import { dialedTruedyBatch, dialedTruedyContact, dialTruedyBatch } from './truedy-dialing.js'
import {
  type Checked,
  type FieldProblem,
  readBulkDeleteBody,
  readCreateBody,
  readScheduleBody,
  readUpdateBody,
} from './truedy-validation.js'

const BATCH_STATUSES: readonly BatchCallStatus[] = [
  'draft',
  'scheduled',
  'active',
  'paused',
  'completed',
  'failed',
  'cancelled',
]
const EDITABLE: readonly BatchCallStatus[] = ['draft', 'scheduled', 'paused']
const PAUSABLE: readonly BatchCallStatus[] = ['active', 'scheduled']

const CODE_BY_STATUS: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  422: 'validation_error',
  429: 'rate_limit_exceeded',
  500: 'internal_error',
  502: 'bad_gateway',
  503: 'service_unavailable',
  504: 'gateway_timeout',
}

type Outcome<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly response: MockResponse }
const refused = (response: MockResponse): { ok: false; response: MockResponse } => ({ ok: false, response })

/** A batch found by ID, with the way to change it. */
interface Located {
  readonly record: TruedyBatchRecord
  save(record: TruedyBatchRecord): void
  remove(): void
}

type Handler = (request: MockRequest, context: RequestContext, params: Record<string, string>) => MockResponse

/** Truedy's batch-call API: `{data, meta, pagination?}` envelopes, offset pages, `x-request-id`. */
export function createTruedyMock(settings: ProviderSettings): ProviderMock {
  const data = new TruedyData(settings)
  const requestIdKey = hash32(settings.seed, salt.requestId)
  let idempotencyKeys = new Map<string, string>()
  const live = new LiveBatches()
  let createdCount = 0

  /** Brings every created batch still dialing up to the server clock. */
  const dial = (now: Date) => {
    live.refresh(now.getTime(), (batchId, snapshot) => {
      const record = data.collection.createdItem(batchId)
      if (record)
        data.collection.putCreated(batchId, { ...record, batch: dialedTruedyBatch(record.batch, snapshot) })
    })
  }

  const meta = (context: RequestContext) => ({
    request_id: `req_${hex(scramble32(context.sequence, requestIdKey), 8)}`,
    ts: context.now.toISOString(),
  })
  const failure = (
    context: RequestContext,
    status: number,
    message: string,
    details: Record<string, unknown> | null = null,
    code = CODE_BY_STATUS[status] ?? (status >= 500 ? 'internal_error' : 'error'),
  ): MockResponse => ({ status, body: { error: { code, message, details }, meta: meta(context) } })
  const success = (context: RequestContext, status: number, body: Record<string, unknown>): MockResponse => ({
    status,
    body: { ...body, meta: meta(context) },
  })
  const invalid = (context: RequestContext, problems: FieldProblem[], message = 'Validation failed') =>
    failure(context, 422, message, { errors: problems })
  const invalidState = (
    context: RequestContext,
    batch: TruedyBatch,
    action: string,
    allowed: readonly string[],
  ) =>
    failure(
      context,
      422,
      `Cannot ${action} a batch call in status ${batch.status}; allowed while ${allowed.join(', ')}`,
      { status: batch.status, allowed_statuses: [...allowed] },
      'invalid_state',
    )

  /** The checked JSON object body, or the 422 Truedy sends for a malformed or invalid one. */
  const readBody = <T>(
    request: MockRequest,
    context: RequestContext,
    check: (body: Record<string, unknown>) => Checked<T>,
  ): Outcome<T> => {
    if (request.bodyIsInvalid)
      return refused(invalid(context, [{ field: 'body', message: 'Malformed JSON' }]))
    if (!isRecord(request.body)) {
      return refused(invalid(context, [{ field: 'body', message: 'Must be a JSON object' }]))
    }
    const result = check(request.body)
    return result.ok ? result : refused(invalid(context, result.problems))
  }

  const offsetPage = <T>(
    request: MockRequest,
    context: RequestContext,
    view: () => ListView<T>,
  ): MockResponse => {
    const limit = integerParam(request.query.limit, 50, 1, 100)
    const offset = integerParam(request.query.offset, 0, 0)
    const problems: FieldProblem[] = []
    if (!limit.ok) problems.push({ field: 'limit', message: 'Must be an integer between 1 and 100' })
    if (!offset.ok) problems.push({ field: 'offset', message: 'Must be an integer >= 0' })
    if (!limit.ok || !offset.ok) return invalid(context, problems, 'Invalid query parameters')
    const list = view()
    let items = slice(list, offset.value, limit.value)
    let hasMore = offset.value + items.length < list.total
    if (context.takePageFault(['stuck-cursor'])) {
      items = []
      hasMore = true
    }
    return success(context, 200, {
      data: items,
      pagination: { total: list.total, limit: limit.value, offset: offset.value, has_more: hasMore },
    })
  }

  const locate = (batchId: string): Located | undefined => {
    const index = data.seededIndex(batchId)
    if (index !== undefined) {
      const record = data.collection.seeded(index)
      return record
        ? {
            record,
            save: (next) => data.collection.replaceSeeded(index, next),
            remove: () => data.collection.deleteSeeded(index),
          }
        : undefined
    }
    const record = data.collection.createdItem(batchId)
    return record
      ? {
          record,
          save: (next) => data.collection.putCreated(batchId, next),
          remove: () => data.collection.deleteCreated(batchId),
        }
      : undefined
  }

  const found = (context: RequestContext, params: Record<string, string>): Outcome<Located> => {
    const batchId = params.batch_call_id ?? ''
    const located = locate(batchId)
    return located
      ? { ok: true, value: located }
      : refused(failure(context, 404, 'Batch call not found', { resource: 'batch_call', id: batchId }))
  }

  /** `running` counts as `active` when checking what a batch allows. */
  const statusOf = (batch: TruedyBatch): BatchCallStatus =>
    batch.status === 'running' ? 'active' : batch.status

  const update = (
    context: RequestContext,
    target: Located,
    changes: Partial<TruedyBatch>,
    status = 200,
  ): MockResponse => {
    const batch: TruedyBatch = { ...target.record.batch, ...changes, updated_at: context.now.toISOString() }
    target.save({ ...target.record, batch })
    const dialed = live.get(batch.id)
    if (dialed === undefined) return success(context, status, { data: batch })
    const now = context.now.getTime()
    if (batch.status === 'paused') dialed.timeline.pause(now)
    else dialed.timeline.resume(now)
    if (changes.scheduled_at !== undefined || changes.status === 'active') {
      dialed.timeline.startAt(batch.scheduled_at == null ? now : Date.parse(batch.scheduled_at), now)
    }
    live.wake(batch.id)
    dial(context.now)
    return success(context, status, { data: data.collection.createdItem(batch.id)?.batch ?? batch })
  }

  const listBatches: Handler = (request, context) => {
    const { status } = request.query
    if (status !== undefined && !BATCH_STATUSES.includes(status as BatchCallStatus)) {
      return invalid(
        context,
        [{ field: 'status', message: `Must be one of ${BATCH_STATUSES.join(', ')}` }],
        'Invalid query parameters',
      )
    }
    return offsetPage(request, context, () => {
      const records = data.collection.view(
        status === undefined ? undefined : (record) => isStatus(record.batch, status as BatchCallStatus),
      )
      return { total: records.total, at: (position) => records.at(position).batch }
    })
  }

  const createBatch: Handler = (request, context) => {
    const input = readBody(request, context, readCreateBody)
    if (!input.ok) return input.response
    const create = input.value
    const key = request.headers['x-idempotency-key']
    const earlier = key === undefined ? undefined : idempotencyKeys.get(key)
    const previous = earlier === undefined ? undefined : locate(earlier)
    if (previous) return success(context, 201, { data: previous.record.batch })

    const now = context.now.toISOString()
    const contacts = create.contacts ?? []
    const total = contacts.length + (create.contact_ids?.length ?? 0)
    const batch: TruedyBatch = {
      id: data.newBatchId(),
      name: create.name,
      agent_id: create.agent_id,
      status:
        create.schedule_type === 'scheduled'
          ? 'scheduled'
          : create.schedule_type === 'immediate'
            ? 'active'
            : 'draft',
      phone_number_ids: create.phone_number_ids ?? [],
      phone_rotation_strategy: create.phone_rotation_strategy ?? 'random',
      total_contacts: total,
      completed_contacts: 0,
      successful_contacts: 0,
      failed_contacts: 0,
      voicemail_contacts: 0,
      no_answer_contacts: 0,
      total_cost_usd: 0,
      average_duration_seconds: 0,
      schedule_type: create.schedule_type ?? 'immediate',
      scheduled_at: create.scheduled_at ?? null,
      max_calls_per_day: create.max_calls_per_day ?? null,
      created_at: now,
      updated_at: now,
    }
    data.collection.putCreated(batch.id, { batch, contacts })
    live.add(batch.id, dialTruedyBatch(settings, batch, ++createdCount))
    if (key !== undefined) idempotencyKeys.set(key, batch.id)
    return success(context, 201, { data: batch })
  }

  const getBatch: Handler = (_request, context, params) => {
    const target = found(context, params)
    return target.ok ? success(context, 200, { data: target.value.record.batch }) : target.response
  }

  const updateBatch: Handler = (request, context, params) => {
    const lookup = found(context, params)
    if (!lookup.ok) return lookup.response
    const target = lookup.value
    const input = readBody(request, context, readUpdateBody)
    if (!input.ok) return input.response
    const { batch } = target.record
    if (!EDITABLE.includes(statusOf(batch))) return invalidState(context, batch, 'update', EDITABLE)
    const changes: Partial<TruedyBatch> = {}
    const patch: Record<string, unknown> = input.value
    for (const field of [
      'name',
      'phone_number_ids',
      'phone_rotation_strategy',
      'schedule_type',
      'scheduled_at',
      'max_calls_per_day',
    ]) {
      if (patch[field] !== undefined) changes[field] = patch[field]
    }
    return update(context, target, changes)
  }

  const scheduleBatch: Handler = (request, context, params) => {
    const lookup = found(context, params)
    if (!lookup.ok) return lookup.response
    const target = lookup.value
    const input = readBody(request, context, (body) => readScheduleBody(body, context.now))
    if (!input.ok) return input.response
    const { batch } = target.record
    if (!EDITABLE.includes(statusOf(batch))) return invalidState(context, batch, 'schedule', EDITABLE)
    const scheduledAt = input.value.scheduled_at ?? null
    return update(
      context,
      target,
      scheduledAt === null
        ? { status: 'active', schedule_type: 'immediate', scheduled_at: null }
        : { status: 'scheduled', schedule_type: 'scheduled', scheduled_at: scheduledAt },
    )
  }

  const pauseBatch: Handler = (_request, context, params) => {
    const lookup = found(context, params)
    if (!lookup.ok) return lookup.response
    const target = lookup.value
    const { batch } = target.record
    if (!PAUSABLE.includes(statusOf(batch))) return invalidState(context, batch, 'pause', PAUSABLE)
    return update(context, target, { status: 'paused' })
  }

  const resumeBatch: Handler = (_request, context, params) => {
    const lookup = found(context, params)
    if (!lookup.ok) return lookup.response
    const target = lookup.value
    const { batch } = target.record
    if (statusOf(batch) !== 'paused') return invalidState(context, batch, 'resume', ['paused'])
    const upcoming = batch.scheduled_at != null && Date.parse(batch.scheduled_at) > context.now.getTime()
    return update(context, target, { status: upcoming ? 'scheduled' : 'active' }, 201)
  }

  const bulkDelete: Handler = (request, context) => {
    const input = readBody(request, context, readBulkDeleteBody)
    if (!input.ok) return input.response
    const deleted: string[] = []
    const failed: string[] = []
    for (const id of new Set(input.value.ids)) {
      const target = locate(id)
      if (target) {
        target.remove()
        live.delete(id)
        deleted.push(id)
      } else failed.push(id)
    }
    return success(context, 200, {
      data: {
        deleted_count: deleted.length,
        failed_count: failed.length,
        deleted_ids: deleted,
        failed_ids: failed,
      },
    })
  }

  const listContacts: Handler = (request, context, params) => {
    const lookup = found(context, params)
    if (!lookup.ok) return lookup.response
    const target = lookup.value
    const { record } = target
    const { status } = request.query
    const keep = (value: string) => status === undefined || value === status
    return offsetPage(request, context, (): ListView<BatchCallContact> => {
      const dialed = live.get(record.batch.id)
      if (record.contacts && dialed) {
        const { calls } = dialed.snapshot(context.now.getTime())
        const contacts = record.contacts.map((contact, index) =>
          dialedTruedyContact(settings, record.batch, contact, calls[index] as DialedCall, index),
        )
        return arrayView(contacts.filter((contact) => keep(contact.call_status)))
      }
      return segmentedView(
        data.seededContactSegments(record),
        (index, value) => data.seededContact(record, index, value),
        keep,
      )
    })
  }

  const routes: Route<Handler>[] = [
    { method: 'GET', template: '/batch-calls', handler: listBatches },
    { method: 'POST', template: '/batch-calls', handler: createBatch },
    { method: 'POST', template: '/batch-calls/bulk-delete', handler: bulkDelete },
    { method: 'GET', template: '/batch-calls/{batch_call_id}', handler: getBatch },
    { method: 'PATCH', template: '/batch-calls/{batch_call_id}', handler: updateBatch },
    { method: 'POST', template: '/batch-calls/{batch_call_id}/schedule', handler: scheduleBatch },
    { method: 'POST', template: '/batch-calls/{batch_call_id}/pause', handler: pauseBatch },
    { method: 'POST', template: '/batch-calls/{batch_call_id}/resume', handler: resumeBatch },
    { method: 'GET', template: '/batch-calls/{batch_call_id}/contacts', handler: listContacts },
  ]

  const bearer = (request: MockRequest) =>
    /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1]?.trim()

  return {
    basePath: '/api/public/v1',
    apiKey: settings.apiKey,
    agentIds: data.agentIds,
    pageFaults: ['stuck-cursor'],
    isAuthorized: (request) => bearer(request) === settings.apiKey,
    unauthorized: (request, context) =>
      request.headers.authorization === undefined
        ? failure(context, 401, 'Missing API key: send Authorization: Bearer <your_api_key>')
        : failure(context, 401, 'Invalid API key'),
    handle(request, context) {
      dial(context.now)
      const match = matchRoute(routes, request.method, request.path)
      if (match.kind === 'not-found') return failure(context, 404, 'Not found', { path: request.pathname })
      if (match.kind === 'method-not-allowed') {
        return failure(context, 405, 'Method not allowed', { allowed: match.allowed })
      }
      return match.handler(request, context, match.params)
    },
    errorResponse: (status, context, message) =>
      failure(context, status, message ?? STATUS_CODES[status] ?? 'Error'),
    commonHeaders: (context) => ({ 'x-request-id': meta(context).request_id }),
    reset() {
      data.reset()
      live.clear()
      createdCount = 0
      idempotencyKeys = new Map()
    },
  }
}
