import type { PageIterator } from '@voicebatch/core'
import { expectTypeOf, test } from 'vitest'
import { type BatchCall, type CallBatch, createTechladderClient } from '../src/index.js'

const client = createTechladderClient({ apiKey: 'k' })

test('page and limit are numbers; paused is no status', () => {
  // @ts-expect-error page is a number
  void client.GET('/call-batches', { params: { query: { page: '2' } } })
  // @ts-expect-error Techladder has no paused status
  void client.GET('/call-batches', { params: { query: { status: 'paused' } } })
})

test('paginate items are typed per path', () => {
  expectTypeOf(client.paginate('/call-batches')).toEqualTypeOf<PageIterator<CallBatch>>()
  expectTypeOf(
    client.paginate('/call-batches/{batch_id}/calls', { params: { path: { batch_id: 'sched_1' } } }),
  ).toEqualTypeOf<PageIterator<BatchCall>>()
  // @ts-expect-error one batch is not a list
  void client.paginate('/call-batches/{batch_id}', { params: { path: { batch_id: 'sched_1' } } })
})
