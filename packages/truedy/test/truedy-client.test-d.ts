import type { PageIterator } from '@voicebatch/core'
import { describe, expectTypeOf, test } from 'vitest'
import { type BatchCallContact, type BatchCallResponse, createTruedyClient } from '../src/index.js'

const client = createTruedyClient({ apiKey: 'k' })

describe('typed calls', () => {
  test('wrong enum values and unknown paths are errors', () => {
    // @ts-expect-error `running` is not in the status enum
    void client.GET('/batch-calls', { params: { query: { status: 'running' } } })
    // @ts-expect-error no such path
    void client.GET('/batch-call')
  })

  test('create requires name and agent_id', () => {
    // @ts-expect-error agent_id is required
    void client.POST('/batch-calls', { body: { name: 'x' } })
  })

  test('paginate: only list paths, init optional when nothing is required', () => {
    expectTypeOf(client.paginate('/batch-calls')).toEqualTypeOf<PageIterator<BatchCallResponse>>()
    expectTypeOf(
      client.paginate('/batch-calls/{batch_call_id}/contacts', { params: { path: { batch_call_id: 'b' } } }),
    ).toEqualTypeOf<PageIterator<BatchCallContact>>()
    // @ts-expect-error one batch is not a list
    void client.paginate('/batch-calls/{batch_call_id}', { params: { path: { batch_call_id: 'b' } } })
    // @ts-expect-error batch_call_id is required
    void client.paginate('/batch-calls/{batch_call_id}/contacts')
  })
})
