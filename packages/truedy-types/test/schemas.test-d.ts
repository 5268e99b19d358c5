import { describe, expectTypeOf, test } from 'vitest'
import type {
  BatchCallListResponse,
  BatchCallResponse,
  BatchCallStatus,
  CreateBatchCallRequestInput,
  operations,
} from '../src/index.js'
import { batchCallStatusValues } from '../src/index.js'

describe('list batch calls', () => {
  type Query = NonNullable<operations['list_batch_calls']['parameters']['query']>

  test('the status filter takes the enum and rejects `running`', () => {
    const ok: Query = { status: 'active', limit: 10, offset: 20 }
    // @ts-expect-error `running` appears in an upstream example but is not in the status enum
    const running: Query = { status: 'running' }
    void ok
    void running
  })

  test('limit and offset are numbers', () => {
    expectTypeOf<Query['limit']>().toEqualTypeOf<number | undefined>()
    // @ts-expect-error offset is a number, not a string
    const wrong: Query = { offset: '10' }
    void wrong
  })

  test('items are BatchCallResponse', () => {
    expectTypeOf<BatchCallListResponse['data'][number]>().toEqualTypeOf<BatchCallResponse>()
  })
})

describe('BatchCallResponse', () => {
  test('required fields are required; nullable ones include null', () => {
    expectTypeOf<BatchCallResponse['id']>().toEqualTypeOf<string>()
    expectTypeOf<BatchCallResponse['status']>().toEqualTypeOf<BatchCallStatus>()
    expectTypeOf<null>().toExtend<BatchCallResponse['scheduled_at']>()
    expectTypeOf<null>().toExtend<BatchCallResponse['max_calls_per_day']>()
  })

  test('the status enum is a literal union with runtime values', () => {
    expectTypeOf<BatchCallStatus>().toEqualTypeOf<
      'draft' | 'scheduled' | 'active' | 'paused' | 'completed' | 'failed' | 'cancelled'
    >()
    expectTypeOf(batchCallStatusValues).toExtend<readonly BatchCallStatus[]>()
  })
})

describe('create body', () => {
  test('name and agent_id are required, the rest may be omitted', () => {
    const minimal: CreateBatchCallRequestInput = { name: 'Q2', agent_id: 'agt_1' }
    // @ts-expect-error agent_id is required
    const missing: CreateBatchCallRequestInput = { name: 'Q2' }
    void minimal
    void missing
  })

  test('the idempotency key is a header parameter', () => {
    type Header = NonNullable<operations['create_batch_call']['parameters']['header']>
    expectTypeOf<Header>().toHaveProperty('X-Idempotency-Key')
  })
})
