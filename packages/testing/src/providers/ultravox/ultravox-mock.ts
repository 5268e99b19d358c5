import { STATUS_CODES } from 'node:http'
import type { ScheduledCall, ScheduledCallBatch, ScheduledCallStatusEnum } from '@voicebatch/ultravox-types'
import type { DialedCall } from '../../internal/dialed-batch.js'
import { arrayView, type LazyCollection, type ListView, segmentedView } from '../../internal/lazy-list.js'
import { LiveBatches } from '../../internal/live-batches.js'
import { matchRoute, type Route } from '../../internal/router.js'
import type { MockRequest, MockResponse, ProviderMock, RequestContext } from '../provider-mock.js'
import type { ProviderSettings } from '../shared/provider-settings.js'
import { isRecord } from '../shared/query.js'
import { type UltravoxBatchRecord, UltravoxData, UUID_PATTERN } from './ultravox-data.js'
import { dialedUltravoxBatch, dialedUltravoxCall, dialUltravoxBatch } from './ultravox-dialing.js'
import { cursorPage } from './ultravox-pagination.js'
import {
  checkWindow,
  type FieldErrors,
  hasErrors,
  readBatchChanges,
  readCalls,
} from './ultravox-validation.js'

const CALL_STATUSES: readonly ScheduledCallStatusEnum[] = ['FUTURE', 'PENDING', 'SUCCESS', 'EXPIRED', 'ERROR']

const DETAIL_BY_STATUS: Record<number, string> = {
  400: 'Bad request.',
  401: 'Invalid API key.',
  403: 'You do not have permission to perform this action.',
  404: 'Not found.',
  405: 'Method not allowed.',
  429: 'Request was throttled. Expected available in 1 second.',
  500: 'A server error occurred.',
  503: 'Service temporarily unavailable, try again later.',
}

const detail = (status: number, message: string): MockResponse => ({ status, body: { detail: message } })
const badRequest = (errors: FieldErrors): MockResponse => ({ status: 400, body: errors })

interface Found {
  readonly agentIndex: number
  readonly collection: LazyCollection<UltravoxBatchRecord>
  readonly record: UltravoxBatchRecord
  /** Seeded index, or undefined for a created batch. */
  readonly seededIndex: number | undefined
}

type Handler = (request: MockRequest, context: RequestContext, params: Record<string, string>) => MockResponse

/** Ultravox's scheduled-batch API: bare JSON objects, DRF errors, cursor pages with full URLs. */
export function createUltravoxMock(settings: ProviderSettings): ProviderMock {
  const data = new UltravoxData(settings)
  const live = new LiveBatches()
  let createdCount = 0

  /** Brings every created batch still dialing up to the server clock. */
  const dial = (now: Date) => {
    live.refresh(now.getTime(), (batchId, snapshot) => {
      for (const collection of data.collections) {
        const record = collection.createdItem(batchId)
        if (record)
          collection.putCreated(batchId, { ...record, batch: dialedUltravoxBatch(record.batch, snapshot) })
      }
    })
  }

  const agentOf = (params: Record<string, string>): number | MockResponse => {
    const agentId = params.agent_id ?? ''
    if (!UUID_PATTERN.test(agentId)) return detail(404, 'Not found.')
    const agentIndex = data.agentIds.indexOf(agentId)
    if (agentIndex < 0) return detail(404, 'No Agent matches the given query.')
    return agentIndex
  }

  const batchOf = (params: Record<string, string>): Found | MockResponse => {
    const agentIndex = agentOf(params)
    if (typeof agentIndex !== 'number') return agentIndex
    const batchId = params.batch_id ?? ''
    if (!UUID_PATTERN.test(batchId)) return detail(404, 'Not found.')
    const collection = data.collections[agentIndex] as LazyCollection<UltravoxBatchRecord>
    const missing = detail(404, 'No ScheduledCallBatch matches the given query.')
    const created = collection.createdItem(batchId)
    if (created) return { agentIndex, collection, record: created, seededIndex: undefined }
    const seeded = data.locateSeeded(batchId)
    if (!seeded || seeded.agentIndex !== agentIndex) return missing
    const record = collection.seeded(seeded.index)
    return record ? { agentIndex, collection, record, seededIndex: seeded.index } : missing
  }

  const save = (found: Found, record: UltravoxBatchRecord): void => {
    if (found.seededIndex === undefined) found.collection.putCreated(record.batch.batchId, record)
    else found.collection.replaceSeeded(found.seededIndex, record)
  }

  const listBatches: Handler = (request, context, params) => {
    const agentIndex = agentOf(params)
    if (typeof agentIndex !== 'number') return agentIndex
    const collection = data.collections[agentIndex] as LazyCollection<UltravoxBatchRecord>
    const view = collection.view()
    const batches: ListView<ScheduledCallBatch> = {
      total: view.total,
      at: (position) => view.at(position).batch,
    }
    return cursorPage(request, context, batches)
  }

  const createBatch: Handler = (request, context, params) => {
    const agentIndex = agentOf(params)
    if (typeof agentIndex !== 'number') return agentIndex
    if (request.bodyIsInvalid)
      return detail(400, 'JSON parse error - Expecting value: line 1 column 1 (char 0)')
    if (!isRecord(request.body)) {
      return badRequest({ non_field_errors: ['Invalid data. Expected a dictionary, but got list.'] })
    }
    const errors: FieldErrors = {}
    const changes = readBatchChanges(request.body, errors, context.now)
    const calls = readCalls(request.body.calls, errors)
    checkWindow(changes.windowStart, changes.windowEnd, errors)
    if (hasErrors(errors)) return badRequest(errors)
    const batch: ScheduledCallBatch = {
      batchId: data.newBatchId(),
      created: context.now.toISOString(),
      windowStart: changes.windowStart ?? null,
      windowEnd: changes.windowEnd ?? null,
      throttle: changes.throttle ?? null,
      webhookUrl: changes.webhookUrl ?? null,
      webhookSecret: changes.webhookSecret ?? null,
      paused: changes.paused ?? false,
      totalCount: calls.length,
      completedCount: 0,
      endedAt: null,
    }
    const collection = data.collections[agentIndex] as LazyCollection<UltravoxBatchRecord>
    collection.putCreated(batch.batchId, { batch, agentIndex, calls })
    live.add(batch.batchId, dialUltravoxBatch(settings, batch, ++createdCount, context.now))
    return { status: 201, body: batch }
  }

  const getBatch: Handler = (_request, _context, params) => {
    const found = batchOf(params)
    return 'status' in found ? found : { status: 200, body: found.record.batch }
  }

  const updateBatch: Handler = (request, context, params) => {
    const found = batchOf(params)
    if ('status' in found) return found
    if (request.bodyIsInvalid)
      return detail(400, 'JSON parse error - Expecting value: line 1 column 1 (char 0)')
    const body = request.body ?? {}
    if (!isRecord(body))
      return badRequest({ non_field_errors: ['Invalid data. Expected a dictionary, but got list.'] })
    const errors: FieldErrors = {}
    const changes = readBatchChanges(body, errors, context.now)
    if (body.calls !== undefined)
      errors.calls = ['The calls of a batch cannot be changed after it is created.']
    const batch: ScheduledCallBatch = { ...found.record.batch, ...changes }
    checkWindow(batch.windowStart, batch.windowEnd, errors)
    if (hasErrors(errors)) return badRequest(errors)
    const dialed = live.get(batch.batchId)
    if (dialed) {
      const now = context.now.getTime()
      if (changes.windowStart !== undefined)
        dialed.timeline.startAt(
          Math.max(now, Date.parse(changes.windowStart ?? context.now.toISOString())),
          now,
        )
      if (changes.windowEnd !== undefined)
        dialed.closesAt = changes.windowEnd === null ? null : Date.parse(changes.windowEnd)
      if (changes.paused === true) dialed.timeline.pause(now)
      if (changes.paused === false) dialed.timeline.resume(now)
      live.wake(batch.batchId)
    }
    save(found, { ...found.record, batch })
    dial(context.now)
    const saved = batchOf(params)
    return { status: 200, body: 'status' in saved ? batch : saved.record.batch }
  }

  const deleteBatch: Handler = (_request, _context, params) => {
    const found = batchOf(params)
    if ('status' in found) return found
    live.delete(found.record.batch.batchId)
    if (found.seededIndex === undefined) found.collection.deleteCreated(found.record.batch.batchId)
    else found.collection.deleteSeeded(found.seededIndex)
    return { status: 204 }
  }

  const listScheduledCalls: Handler = (request, context, params) => {
    const found = batchOf(params)
    if ('status' in found) return found
    const status = request.query.status
    if (status !== undefined && !CALL_STATUSES.includes(status as ScheduledCallStatusEnum)) {
      return badRequest({ status: [`Select a valid choice. ${status} is not one of the available choices.`] })
    }
    const keep = (value: ScheduledCallStatusEnum) => status === undefined || value === status
    const { record } = found
    let calls: ListView<ScheduledCall>
    const dialed = live.get(record.batch.batchId)
    if (record.calls && dialed) {
      const { calls: states } = dialed.snapshot(context.now.getTime())
      const all = record.calls.map((call, index) =>
        dialedUltravoxCall(settings, record.batch, call, states[index] as DialedCall, index),
      )
      calls = arrayView(all.filter((call) => keep(call.status)))
    } else {
      calls = segmentedView(
        data.seededCallSegments(record, context.now),
        (index, value) => data.seededCall(record, index, value),
        keep,
      )
    }
    return cursorPage(request, context, calls)
  }

  const routes: Route<Handler>[] = [
    { method: 'GET', template: '/api/agents/{agent_id}/scheduled_batches', handler: listBatches },
    { method: 'POST', template: '/api/agents/{agent_id}/scheduled_batches', handler: createBatch },
    { method: 'GET', template: '/api/agents/{agent_id}/scheduled_batches/{batch_id}', handler: getBatch },
    {
      method: 'PATCH',
      template: '/api/agents/{agent_id}/scheduled_batches/{batch_id}',
      handler: updateBatch,
    },
    {
      method: 'DELETE',
      template: '/api/agents/{agent_id}/scheduled_batches/{batch_id}',
      handler: deleteBatch,
    },
    {
      method: 'GET',
      template: '/api/agents/{agent_id}/scheduled_batches/{batch_id}/scheduled_calls',
      handler: listScheduledCalls,
    },
  ]

  return {
    basePath: '',
    apiKey: settings.apiKey,
    agentIds: data.agentIds,
    pageFaults: ['stuck-cursor', 'next-url-host'],
    isAuthorized: (request) => request.headers['x-api-key'] === settings.apiKey,
    unauthorized: (request) =>
      request.headers['x-api-key'] === undefined
        ? detail(401, 'Authentication credentials were not provided.')
        : detail(401, 'Invalid API key.'),
    handle(request, context) {
      dial(context.now)
      const match = matchRoute(routes, request.method, request.path)
      if (match.kind === 'not-found') return detail(404, 'Not found.')
      if (match.kind === 'method-not-allowed') {
        return {
          status: 405,
          headers: { allow: match.allowed.join(', ') },
          body: { detail: `Method "${request.method}" not allowed.` },
        }
      }
      return match.handler(request, context, match.params)
    },
    errorResponse: (status, _context, message) =>
      detail(status, message ?? DETAIL_BY_STATUS[status] ?? STATUS_CODES[status] ?? 'Error.'),
    commonHeaders: () => ({}),
    reset: () => {
      data.reset()
      live.clear()
      createdCount = 0
    },
  }
}
