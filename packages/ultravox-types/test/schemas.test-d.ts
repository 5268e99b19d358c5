import { describe, expectTypeOf, test } from 'vitest'
import type {
  operations,
  PaginatedScheduledCallBatchList,
  ScheduledCall,
  ScheduledCallBatch,
  ScheduledCallBatchInput,
  ScheduledCallStatusEnum,
} from '../src/index.js'
import { scheduledCallStatusEnumValues, specInfo } from '../src/index.js'

describe('ScheduledCallBatch (what the server returns)', () => {
  test('writeOnly `calls` is absent', () => {
    expectTypeOf<ScheduledCallBatch>().not.toHaveProperty('calls')
    const batch = {} as ScheduledCallBatch
    // @ts-expect-error `calls` is writeOnly: responses never contain it
    void batch.calls
  })

  test('readOnly fields are plain values, required as the schema says', () => {
    expectTypeOf<ScheduledCallBatch['batchId']>().toEqualTypeOf<string>()
    expectTypeOf<ScheduledCallBatch['created']>().toEqualTypeOf<string>()
    expectTypeOf<ScheduledCallBatch['totalCount']>().toEqualTypeOf<number>()
  })

  test('nullable fields include null', () => {
    expectTypeOf<ScheduledCallBatch['endedAt']>().toEqualTypeOf<string | null>()
    expectTypeOf<NonNullable<ScheduledCallBatch['windowStart']> | null>().toEqualTypeOf<string | null>()
    expectTypeOf<null>().toExtend<ScheduledCallBatch['windowStart']>()
  })

  test('paginated lists hold the response form', () => {
    expectTypeOf<PaginatedScheduledCallBatchList['results'][number]>().toEqualTypeOf<ScheduledCallBatch>()
  })
})

describe('ScheduledCallBatchInput (what a create body takes)', () => {
  test('`calls` is required', () => {
    // @ts-expect-error `calls` is required in a create body
    const missingCalls: ScheduledCallBatchInput = { windowStart: null }
    void missingCalls
    const ok: ScheduledCallBatchInput = { calls: [{ medium: null }] }
    void ok
  })

  test('readOnly `batchId` and `created` are rejected', () => {
    // @ts-expect-error `batchId` is readOnly
    const withId: ScheduledCallBatchInput = { calls: [{}], batchId: '3c90c3cc-0d44-4b50-8888-8dd25736052a' }
    // @ts-expect-error `created` is readOnly
    const withCreated: ScheduledCallBatchInput = { calls: [{}], created: '2026-01-01T00:00:00Z' }
    void withId
    void withCreated
  })

  test('readOnly call fields are rejected inside `calls`', () => {
    // @ts-expect-error a ScheduledCall's `status` is readOnly
    const withStatus: ScheduledCallBatchInput = { calls: [{ status: 'FUTURE' }] }
    void withStatus
  })
})

describe('enums', () => {
  test('ScheduledCallStatusEnum is a literal union, also exported as values', () => {
    expectTypeOf<ScheduledCallStatusEnum>().toEqualTypeOf<
      'FUTURE' | 'PENDING' | 'SUCCESS' | 'EXPIRED' | 'ERROR'
    >()
    expectTypeOf(scheduledCallStatusEnumValues[0]).toEqualTypeOf<ScheduledCallStatusEnum | undefined>()
    expectTypeOf<ScheduledCall['status']>().toEqualTypeOf<ScheduledCallStatusEnum>()
  })

  test('the scheduled calls filter rejects unknown statuses', () => {
    type Query = NonNullable<
      operations['agents_scheduled_batches_scheduled_calls_list']['parameters']['query']
    >
    const ok: Query = { status: 'EXPIRED' }
    // @ts-expect-error not a ScheduledCallStatusEnum value
    const wrong: Query = { status: 'DONE' }
    void ok
    void wrong
  })
})

test('specInfo names the spec', () => {
  expectTypeOf(specInfo.provider).toEqualTypeOf<'ultravox'>()
  expectTypeOf(specInfo.sha256).toBeString()
})
