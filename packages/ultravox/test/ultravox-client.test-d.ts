import { describe, expectTypeOf, test } from 'vitest'
import { createUltravoxClient, type ScheduledCall, type ScheduledCallBatch } from '../src/index.js'

const client = createUltravoxClient({ apiKey: 'k' })
const agent_id = '3c90c3cc-0d44-4b50-8888-8dd25736052a'

describe('plain openapi-fetch, fully typed', () => {
  test('responses are the readable form', async () => {
    const { data } = await client.GET('/api/agents/{agent_id}/scheduled_batches', {
      params: { path: { agent_id } },
    })
    expectTypeOf(data?.results).toEqualTypeOf<ScheduledCallBatch[] | undefined>()
    // @ts-expect-error `calls` is writeOnly: never in a response
    void data?.results[0]?.calls
  })

  test('unknown paths and missing path parameters are errors', () => {
    // @ts-expect-error no such path
    void client.GET('/api/agents/{agent_id}/batches', { params: { path: { agent_id } } })
    // @ts-expect-error batch_id is required
    void client.GET('/api/agents/{agent_id}/scheduled_batches/{batch_id}', { params: { path: { agent_id } } })
  })

  test('request bodies reject readOnly fields and require `calls`', () => {
    void client.POST('/api/agents/{agent_id}/scheduled_batches', {
      params: { path: { agent_id } },
      // @ts-expect-error `batchId` is readOnly
      body: { calls: [{}], batchId: agent_id },
    })
    void client.POST('/api/agents/{agent_id}/scheduled_batches', {
      params: { path: { agent_id } },
      // @ts-expect-error `calls` is required
      body: { paused: false },
    })
  })

  test('enum query values are checked', () => {
    void client.GET('/api/agents/{agent_id}/scheduled_batches/{batch_id}/scheduled_calls', {
      // @ts-expect-error not a ScheduledCallStatusEnum value
      params: { path: { agent_id, batch_id: agent_id }, query: { status: 'DONE' } },
    })
  })
})

describe('paginate', () => {
  test('items are typed per path', () => {
    expectTypeOf(
      client.paginate('/api/agents/{agent_id}/scheduled_batches', { params: { path: { agent_id } } }),
    ).toEqualTypeOf<import('@voicebatch/core').PageIterator<ScheduledCallBatch>>()
    expectTypeOf(
      client.paginate('/api/agents/{agent_id}/scheduled_batches/{batch_id}/scheduled_calls', {
        params: { path: { agent_id, batch_id: agent_id } },
      }),
    ).toEqualTypeOf<import('@voicebatch/core').PageIterator<ScheduledCall>>()
  })

  test('only paginated GET paths are accepted, with their required init', () => {
    // @ts-expect-error a single batch is not paginated
    void client.paginate('/api/agents/{agent_id}/scheduled_batches/{batch_id}', {
      params: { path: { agent_id, batch_id: agent_id } },
    })
    // @ts-expect-error agent_id is required
    void client.paginate('/api/agents/{agent_id}/scheduled_batches')
  })
})
