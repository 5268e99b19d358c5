import { describe, expectTypeOf, test } from 'vitest'
import type {
  CallBatch,
  CallBatchListEnvelope,
  CallBatchStatus,
  CreateCallBatchRequestInput,
  ErrorEnvelope,
  operations,
} from '../src/index.js'
import { callBatchStatusValues } from '../src/index.js'

describe('list call batches', () => {
  type Query = NonNullable<operations['listCallBatches']['parameters']['query']>

  test('page and limit are numbers', () => {
    expectTypeOf<NonNullable<Query['page']>>().toEqualTypeOf<number>()
    expectTypeOf<NonNullable<Query['limit']>>().toEqualTypeOf<number>()
    // @ts-expect-error page is a number
    const wrong: Query = { page: '2' }
    void wrong
  })

  test('the status filter is the batch status enum (no paused, no scheduled)', () => {
    expectTypeOf<NonNullable<Query['status']>>().toEqualTypeOf<CallBatchStatus>()
    expectTypeOf<CallBatchStatus>().toEqualTypeOf<
      'pending' | 'active' | 'completed' | 'failed' | 'cancelled'
    >()
    // @ts-expect-error Techladder has no paused status
    const paused: Query = { status: 'paused' }
    void paused
    expectTypeOf(callBatchStatusValues).toExtend<readonly CallBatchStatus[]>()
  })

  test('the envelope carries items', () => {
    expectTypeOf<CallBatchListEnvelope['data']['items'][number]>().toEqualTypeOf<CallBatch>()
  })
})

describe('envelope and errors', () => {
  test('the error envelope has a null data and a coded error', () => {
    expectTypeOf<ErrorEnvelope['error']['code']>().toEqualTypeOf<string>()
    expectTypeOf<ErrorEnvelope['error']['details']>().toEqualTypeOf<string[]>()
  })

  test('nullable fields include null', () => {
    expectTypeOf<null>().toExtend<CallBatch['scheduled_at']>()
  })
})

describe('create body', () => {
  test('defaults do not make fields required', () => {
    const body: CreateCallBatchRequestInput = {
      agent_name: 'agt-57949b14',
      version_name: 'pmt-667ddf271b',
      contacts: [{ contact_id: 'c-1', phone_number: '919876543210' }],
    }
    void body
  })

  test('agent_name is required', () => {
    // @ts-expect-error agent_name is required
    const missing: CreateCallBatchRequestInput = { version_name: 'pmt-1', contacts: [] }
    void missing
  })
})
