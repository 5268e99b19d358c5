import { describe, expect, it } from 'vitest'
import { operationsOf, type ResponseUnderTest, SpecViolation, validateResponse } from './spec-validator.js'

const json = { 'content-type': 'application/json' }
const rateLimits = {
  'x-ratelimit-limit': '300',
  'x-ratelimit-remaining': '299',
  'x-ratelimit-reset': '1700000000',
}
const uuid = '3c90c3cc-0d44-4b50-8888-8dd25736052a'
const at = '2026-05-14T10:00:00.000Z'

function response(
  method: string,
  url: string,
  status: number,
  body: unknown,
  headers: Record<string, string> = json,
): ResponseUnderTest {
  return {
    method,
    url,
    status,
    headers: new Headers(headers),
    text: body === undefined ? '' : JSON.stringify(body),
  }
}

const ultravoxBatch = {
  batchId: uuid,
  created: at,
  windowStart: null,
  windowEnd: null,
  throttle: null,
  webhookUrl: null,
  webhookSecret: null,
  paused: false,
  totalCount: 1,
  completedCount: 0,
  endedAt: null,
}
const ultravoxBatchUrl = `http://h/api/agents/${uuid}/scheduled_batches/${uuid}`
const techladderList = {
  status_code: 200,
  message: 'ok',
  error: null,
  data: { items: [], total: 0, page: 1, limit: 50, has_more: false },
}
const truedyBatch = { id: 'batch_1', name: 'n', agent_id: 'agt_1', status: 'active', created_at: at }
const truedyMeta = { request_id: 'req_1', ts: at }

describe('spec validator', () => {
  it('lists the operations of each spec', () => {
    expect(operationsOf('ultravox')).toHaveLength(6)
    expect(operationsOf('techladder')).toHaveLength(4)
    expect(operationsOf('truedy')).toHaveLength(9)
  })

  it('accepts a body that matches', () => {
    expect(
      validateResponse('ultravox', response('GET', ultravoxBatchUrl, 200, ultravoxBatch)).operationId,
    ).toBe('agents_scheduled_batches_retrieve')
  })

  it('rejects a missing required property and a wrong type', () => {
    const { endedAt: _, ...withoutEndedAt } = ultravoxBatch
    expect(() =>
      validateResponse('ultravox', response('GET', ultravoxBatchUrl, 200, withoutEndedAt)),
    ).toThrow(SpecViolation)
    expect(() =>
      validateResponse(
        'ultravox',
        response('GET', ultravoxBatchUrl, 200, { ...ultravoxBatch, totalCount: '1' }),
      ),
    ).toThrow(/does not match/)
  })

  it('turns OpenAPI 3.0 nullable into a null union, and no further', () => {
    const withNullEnd = { ...ultravoxBatch, endedAt: null, windowEnd: null }
    expect(() =>
      validateResponse('ultravox', response('GET', ultravoxBatchUrl, 200, withNullEnd)),
    ).not.toThrow()
    expect(() =>
      validateResponse(
        'ultravox',
        response('GET', ultravoxBatchUrl, 200, { ...ultravoxBatch, paused: null }),
      ),
    ).toThrow(SpecViolation)
    expect(() =>
      validateResponse(
        'ultravox',
        response('GET', ultravoxBatchUrl, 200, { ...ultravoxBatch, created: 'yesterday' }),
      ),
    ).toThrow(/format/)
  })

  it('rejects writeOnly properties in a response', () => {
    const leaked = {
      ...ultravoxBatch,
      calls: [{ status: 'FUTURE', batchId: uuid, callId: null, error: null }],
    }
    expect(() => validateResponse('ultravox', response('GET', ultravoxBatchUrl, 200, leaked))).toThrow(
      /calls/,
    )
  })

  it('checks nullable objects with allOf (ScheduledCall.medium)', () => {
    const url = `${ultravoxBatchUrl}/scheduled_calls`
    const page = (medium: unknown) => ({
      next: null,
      previous: null,
      total: 1,
      results: [{ status: 'FUTURE', batchId: uuid, callId: null, error: null, medium }],
    })
    expect(() => validateResponse('ultravox', response('GET', url, 200, page(null)))).not.toThrow()
    expect(() => validateResponse('ultravox', response('GET', url, 200, page({ twilio: {} })))).not.toThrow()
    expect(() => validateResponse('ultravox', response('GET', url, 200, page('twilio')))).toThrow(
      SpecViolation,
    )
    expect(() =>
      validateResponse(
        'ultravox',
        response('GET', url, 200, {
          ...page(null),
          results: [{ status: 'DONE', batchId: uuid, callId: null, error: null }],
        }),
      ),
    ).toThrow(SpecViolation)
  })

  it('rejects a status the operation does not declare, unless allowed', () => {
    const url = 'http://h/api/v1/public/call-batches'
    const error = { status_code: 503, message: 'down', error: { code: 'X', details: [] }, data: null }
    expect(() =>
      validateResponse('techladder', response('GET', url, 503, error, { ...json, ...rateLimits })),
    ).toThrow(/not declared/)
    expect(
      validateResponse('techladder', response('GET', url, 503, error, { ...json, ...rateLimits }), {
        allowUndeclaredStatus: true,
      }).undeclared,
    ).toBe(true)
    expect(() =>
      validateResponse('techladder', response('GET', url, 503, { detail: 'down' }, json), {
        allowUndeclaredStatus: true,
      }),
    ).toThrow(SpecViolation)
  })

  it('requires declared headers (Techladder rate limits) with the declared type', () => {
    const url = 'http://h/api/v1/public/call-batches'
    expect(() =>
      validateResponse('techladder', response('GET', url, 200, techladderList, { ...json, ...rateLimits })),
    ).not.toThrow()
    expect(() => validateResponse('techladder', response('GET', url, 200, techladderList, json))).toThrow(
      /x-ratelimit-limit/i,
    )
    expect(() =>
      validateResponse(
        'techladder',
        response('GET', url, 200, techladderList, { ...json, ...rateLimits, 'x-ratelimit-reset': 'soon' }),
      ),
    ).toThrow(/integer/)
  })

  it('checks the content type and that the body is JSON', () => {
    const url = 'http://h/api/public/v1/batch-calls/batch_1'
    const body = { data: truedyBatch, meta: truedyMeta }
    expect(() => validateResponse('truedy', response('GET', url, 200, body))).not.toThrow()
    expect(() =>
      validateResponse('truedy', response('GET', url, 200, body, { 'content-type': 'text/html' })),
    ).toThrow(/content type/)
    expect(() =>
      validateResponse('truedy', {
        method: 'GET',
        url,
        status: 200,
        headers: new Headers(json),
        text: '{"data": {',
      }),
    ).toThrow(/not JSON/)
  })

  it('rejects a body where the spec declares none (204)', () => {
    expect(() =>
      validateResponse('ultravox', response('DELETE', ultravoxBatchUrl, 204, undefined, {})),
    ).not.toThrow()
    expect(() => validateResponse('ultravox', response('DELETE', ultravoxBatchUrl, 204, {}))).toThrow(
      /no content/,
    )
  })

  it('rejects the off-spec Truedy status `running`', () => {
    const url = 'http://h/api/public/v1/batch-calls'
    const list = (status: string) => ({ data: [{ ...truedyBatch, status }], meta: truedyMeta })
    expect(() => validateResponse('truedy', response('GET', url, 200, list('active')))).not.toThrow()
    expect(() => validateResponse('truedy', response('GET', url, 200, list('running')))).toThrow(
      SpecViolation,
    )
  })

  it('matches literal paths before templated ones and rejects unknown operations', () => {
    const bulk = 'http://h/api/public/v1/batch-calls/bulk-delete'
    const result = { deleted_count: 0, failed_count: 0, deleted_ids: [], failed_ids: [] }
    expect(
      validateResponse('truedy', response('POST', bulk, 200, { data: result, meta: truedyMeta })).operationId,
    ).toBe('bulk_delete_batch_calls')
    expect(() => validateResponse('truedy', response('PUT', bulk, 200, {}))).toThrow(/no operation/)
    expect(() => validateResponse('truedy', response('GET', 'http://h/elsewhere', 200, {}))).toThrow(
      /base path/,
    )
  })
})
