import { createTruedyClient } from '@voicebatch/truedy'
import { type CallBatch, createVoiceBatch } from 'voicebatch'

const truedy = createTruedyClient({ apiKey: 'test-key', baseUrl: 'http://127.0.0.1:9/api/public/v1' })

export async function listStatuses(): Promise<string[]> {
  const { data } = await truedy.GET('/batch-calls', { params: { query: { limit: 10 } } })
  return data?.data.map((batch) => batch.status) ?? []
}

export async function unknownPath(): Promise<void> {
  // @ts-expect-error a path the spec does not have
  await truedy.GET('/no-such-path')
}

const voicebatch = createVoiceBatch({ truedy: { apiKey: 'test-key' } })

export async function running(): Promise<CallBatch[]> {
  const batches: CallBatch[] = []
  for await (const batch of voicebatch.listBatches({ status: ['running', 'paused'] })) batches.push(batch)
  return batches
}
