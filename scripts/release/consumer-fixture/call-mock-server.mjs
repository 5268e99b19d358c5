import assert from 'node:assert/strict'
import { startMockServer } from '@voicebatch/testing'
import { createTruedyClient } from '@voicebatch/truedy'

const server = await startMockServer({ provider: 'truedy' })
try {
  const client = createTruedyClient({ apiKey: server.apiKey, baseUrl: server.url })
  const { data, error, response } = await client.GET('/batch-calls', { params: { query: { limit: 5 } } })
  assert.equal(error, undefined)
  assert.equal(response.status, 200)
  assert.ok(Array.isArray(data.data) && data.data.length > 0, 'the mock server has seeded batches')
  console.log(
    `GET /batch-calls: ${data.data.length} batches, first ${data.data[0].id} (${data.data[0].status})`,
  )
  assert.equal(server.requests.length, 1)
} finally {
  await server.close()
}
