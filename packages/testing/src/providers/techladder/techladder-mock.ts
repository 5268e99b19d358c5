import { STATUS_CODES } from 'node:http'
import type { BatchCall, CallBatch, CallBatchDetail, CallBatchStatus } from '@voicebatch/techladder-types'
import type { DialedCall } from '../../internal/dialed-batch.js'
import { arrayView, type ListView, segmentedView, slice } from '../../internal/lazy-list.js'
import { LiveBatches } from '../../internal/live-batches.js'
import { matchRoute, type Route } from '../../internal/router.js'
import type { MockRequest, MockResponse, ProviderMock, RequestContext } from '../provider-mock.js'
import type { ProviderSettings } from '../shared/provider-settings.js'
import { integerParam, isRecord } from '../shared/query.js'
import { listItem, seededCallIndex, type TechladderBatchRecord, TechladderData } from './techladder-data.js'
import { dialedTechladderBatch, dialedTechladderCall, dialTechladderBatch } from './techladder-dialing.js'
import { deduplicated, readCreateBody, scheduledStart } from './techladder-validation.js'

const BATCH_STATUSES: readonly CallBatchStatus[] = ['pending', 'active', 'completed', 'failed', 'cancelled']
const RATE_LIMIT = 300
const RATE_WINDOW_MS = 60_000

const CODE_BY_STATUS: Record<number, string> = {
  400: 'VALIDATION_ERROR',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  422: 'VALIDATION_ERROR',
  429: 'RATE_LIMITED',
  500: 'INTERNAL_ERROR',
  502: 'BAD_GATEWAY',
  503: 'SERVICE_UNAVAILABLE',
  504: 'GATEWAY_TIMEOUT',
}

/** Techladder's envelope around an error. */
function failure(status: number, message: string, details: string[] = []): MockResponse {
  return {
    status,
    body: {
      status_code: status,
      message,
      error: { code: CODE_BY_STATUS[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'ERROR'), details },
      data: null,
    },
  }
}

function success(status: number, message: string, data: unknown): MockResponse {
  return { status, body: { status_code: status, message, error: null, data } }
}

const invalidQuery = (details: string[]) => failure(422, 'Invalid query parameters', details)

type Handler = (request: MockRequest, context: RequestContext, params: Record<string, string>) => MockResponse

/** Techladder's call-batch API: `{status_code, message, error, data}` envelopes, page numbers, rate-limit headers. */
export function createTechladderMock(settings: ProviderSettings): ProviderMock {
  const data = new TechladderData(settings)
  let window = { start: 0, used: 0 }
  const live = new LiveBatches()
  let createdCount = 0

  /** Brings every created batch still dialing up to the server clock. */
  const dial = (now: Date) => {
    live.refresh(now.getTime(), (batchId, snapshot, dialed) => {
      const record = data.collection.createdItem(batchId)
      if (record)
        data.collection.putCreated(batchId, {
          ...record,
          detail: dialedTechladderBatch(record.detail, snapshot, dialed),
        })
    })
  }

  /** One `{items, total, page, limit, has_more}` page of a view, or the validation error for its query. */
  const numberedPage = <T>(
    request: MockRequest,
    context: RequestContext,
    view: () => ListView<T>,
    limits: { fallback: number; maximum: number },
    message: string,
  ): MockResponse => {
    const limit = integerParam(request.query.limit, limits.fallback, 1, limits.maximum)
    const page = integerParam(request.query.page, 1, 1)
    const problems: string[] = []
    if (!limit.ok) problems.push(`limit: Must be an integer between 1 and ${limits.maximum}`)
    if (!page.ok) problems.push('page: Must be an integer >= 1')
    if (!limit.ok || !page.ok) return invalidQuery(problems)
    const list = view()
    const offset = (page.value - 1) * limit.value
    let items = offset < list.total ? slice(list, offset, limit.value) : []
    let hasMore = offset + items.length < list.total
    if (context.takePageFault(['stuck-cursor'])) {
      items = []
      hasMore = true
    }
    return success(200, message, {
      items,
      total: list.total,
      page: page.value,
      limit: limit.value,
      has_more: hasMore,
    })
  }

  const batchOf = (params: Record<string, string>): TechladderBatchRecord | MockResponse => {
    const batchId = params.batch_id ?? ''
    if (!batchId.startsWith('sched_')) {
      return failure(422, 'Invalid path parameters', ['batch_id: Must start with sched_'])
    }
    const index = data.seededIndex(batchId)
    const record = index === undefined ? data.collection.createdItem(batchId) : data.collection.seeded(index)
    return record ?? failure(404, 'Call batch not found', [`No call batch with id ${batchId}`])
  }

  const listBatches: Handler = (request, context) => {
    const { status, agent_id: agentId } = request.query
    if (status !== undefined && !BATCH_STATUSES.includes(status as CallBatchStatus)) {
      return invalidQuery([`status: Must be one of ${BATCH_STATUSES.join(', ')}`])
    }
    const keep =
      status === undefined && agentId === undefined
        ? undefined
        : (record: TechladderBatchRecord) =>
            (status === undefined || record.detail.status === status) &&
            (agentId === undefined || record.detail.agent_id === agentId)
    const view = (): ListView<CallBatch> => {
      const records = data.collection.view(keep)
      return { total: records.total, at: (position) => listItem(records.at(position).detail) }
    }
    return numberedPage(
      request,
      context,
      view,
      { fallback: 50, maximum: 100 },
      'Call batches fetched successfully',
    )
  }

  const createBatch: Handler = (request, context) => {
    if (request.bodyIsInvalid) return failure(400, 'Malformed JSON body', ['body: Could not parse JSON'])
    if (!isRecord(request.body)) return failure(400, 'Invalid request body', ['body: Must be a JSON object'])
    const body = readCreateBody(request.body)
    if (Array.isArray(body)) return failure(422, 'Validation failed', body)
    const now = context.now.toISOString()
    const startMode = body.start_mode ?? 'manual'
    const contacts = deduplicated(body.contacts, body.deduplicate_by_phone ?? true)
    const scheduledAt =
      startMode === 'scheduled' && body.schedule_date && body.schedule_time && body.schedule_timezone
        ? scheduledStart(body.schedule_date, body.schedule_time, body.schedule_timezone)
        : null
    const detail: CallBatchDetail = {
      schedule_id: data.newBatchId(),
      agent_id: body.agent_name,
      agent_name: data.agentName(body.agent_name),
      version_id: body.version_name,
      status: startMode === 'immediate' ? 'active' : 'pending',
      start_mode: startMode,
      total_contacts: contacts.length,
      completed_contacts: 0,
      failed_contacts: 0,
      scheduled_at: scheduledAt,
      created_at: now,
      voice: body.voice ?? null,
      did_number: body.did_number ?? null,
      pending_contacts: contacts.length,
      concurrency: body.concurrency ?? null,
      recording_enabled: body.recording_enabled ?? true,
      started_at: startMode === 'immediate' ? now : null,
      updated_at: now,
    }
    data.collection.putCreated(detail.schedule_id, { detail, contacts })
    live.add(detail.schedule_id, dialTechladderBatch(settings, detail, ++createdCount))
    dial(context.now)
    const created = data.collection.createdItem(detail.schedule_id)?.detail ?? detail
    return success(201, 'Call batch created successfully', created)
  }

  const getBatch: Handler = (_request, _context, params) => {
    const record = batchOf(params)
    return 'status' in record ? record : success(200, 'Call batch fetched successfully', record.detail)
  }

  const listCalls: Handler = (request, context, params) => {
    const record = batchOf(params)
    if ('status' in record) return record
    const { status, external_id: externalId } = request.query
    const keepStatus = (value: string) => status === undefined || value === status
    const view = (): ListView<BatchCall> => {
      const dialed = live.get(record.detail.schedule_id)
      if (record.contacts && dialed) {
        const { calls: states } = dialed.snapshot(context.now.getTime())
        const calls = record.contacts.map((contact, index) =>
          dialedTechladderCall(settings, record.detail, contact, states[index] as DialedCall, index),
        )
        return arrayView(
          calls.filter(
            (call) =>
              keepStatus(call.status) && (externalId === undefined || call.external_id === externalId),
          ),
        )
      }
      const segments = data.seededCallSegments(record)
      const all = segmentedView(segments, (index, value) => data.seededCall(record, index, value))
      if (externalId === undefined) {
        return segmentedView(segments, (index, value) => data.seededCall(record, index, value), keepStatus)
      }
      const index = seededCallIndex(externalId)
      if (index === undefined || index >= all.total) return arrayView([])
      const call = all.at(index)
      return arrayView(call.external_id === externalId && keepStatus(call.status) ? [call] : [])
    }
    return numberedPage(request, context, view, { fallback: 100, maximum: 500 }, 'Calls fetched successfully')
  }

  const routes: Route<Handler>[] = [
    { method: 'GET', template: '/call-batches', handler: listBatches },
    { method: 'POST', template: '/call-batches', handler: createBatch },
    { method: 'GET', template: '/call-batches/{batch_id}', handler: getBatch },
    { method: 'GET', template: '/call-batches/{batch_id}/calls', handler: listCalls },
  ]

  const bearer = (request: MockRequest) =>
    /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1]?.trim()

  return {
    basePath: '/api/v1/public',
    apiKey: settings.apiKey,
    agentIds: data.agents.map((agent) => agent.id),
    pageFaults: ['stuck-cursor'],
    isAuthorized: (request) => bearer(request) === settings.apiKey,
    unauthorized: () =>
      failure(401, 'Missing or invalid API key', [
        'Provide a valid Bearer token in the Authorization header',
      ]),
    handle(request, context) {
      dial(context.now)
      const match = matchRoute(routes, request.method, request.path)
      if (match.kind === 'not-found')
        return failure(404, 'Resource not found', [`No route for ${request.path}`])
      if (match.kind === 'method-not-allowed') {
        return failure(405, 'Method not allowed', [`Allowed: ${match.allowed.join(', ')}`])
      }
      return match.handler(request, context, match.params)
    },
    errorResponse(status, _context, message) {
      const response = failure(status, message ?? STATUS_CODES[status] ?? 'Error')
      return status === 429 ? { ...response, headers: { 'x-ratelimit-remaining': '0' } } : response
    },
    commonHeaders(context) {
      const now = context.now.getTime()
      const start = Math.floor(now / RATE_WINDOW_MS) * RATE_WINDOW_MS
      if (start !== window.start) window = { start, used: 0 }
      window.used += 1
      return {
        'x-ratelimit-limit': String(RATE_LIMIT),
        'x-ratelimit-remaining': String(Math.max(0, RATE_LIMIT - window.used)),
        'x-ratelimit-reset': String(Math.floor((start + RATE_WINDOW_MS) / 1000)),
      }
    },
    reset() {
      data.reset()
      live.clear()
      createdCount = 0
      window = { start: 0, used: 0 }
    },
  }
}
