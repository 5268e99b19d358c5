import { createTechladderClient } from '@voicebatch/techladder'
import { createTruedyClient, NotFoundError } from '@voicebatch/truedy'
import { createUltravoxClient } from '@voicebatch/ultravox'
import { type CallBatch, createVoiceBatch } from 'voicebatch'

const AGENT_ID = '3c90c3cc-0d44-4b50-8888-8dd25736052a'

export async function ultravoxCalls(apiKey: string): Promise<number> {
  const ultravox = createUltravoxClient({ apiKey, maxRetries: 3 })
  const created = await ultravox.unwrap(
    ultravox.POST('/api/agents/{agent_id}/scheduled_batches', {
      params: { path: { agent_id: AGENT_ID } },
      body: { windowStart: '2026-05-01T09:00:00Z', calls: [{ metadata: { customer: 'c-1' } }] },
    }),
  )
  const { data, error } = await ultravox.GET('/api/agents/{agent_id}/scheduled_batches/{batch_id}', {
    params: { path: { agent_id: AGENT_ID, batch_id: created.batchId } },
  })
  if (error !== undefined) throw new Error(JSON.stringify(error))
  let completed = data.completedCount
  for await (const batch of ultravox.paginate(
    '/api/agents/{agent_id}/scheduled_batches',
    { params: { path: { agent_id: AGENT_ID } } },
    { pageSize: 100 },
  )) {
    completed += batch.completedCount
  }
  const calls = await ultravox
    .paginate('/api/agents/{agent_id}/scheduled_batches/{batch_id}/scheduled_calls', {
      params: { path: { agent_id: AGENT_ID, batch_id: created.batchId }, query: { status: 'PENDING' } },
    })
    .toArray({ limit: 10 })
  return completed + calls.filter((call) => call.callId !== null).length
}

export async function techladderCalls(apiKey: string): Promise<string[]> {
  const techladder = createTechladderClient({ apiKey })
  const created = await techladder.unwrap(
    techladder.POST('/call-batches', {
      body: {
        agent_name: 'agt-57949b14',
        version_name: 'pmt-667ddf271b',
        contacts: [{ contact_id: 'c-1', phone_number: '919876543210' }],
      },
    }),
  )
  const one = await techladder.unwrap(
    techladder.GET('/call-batches/{batch_id}', { params: { path: { batch_id: created.data.schedule_id } } }),
  )
  const names: string[] = [one.data.status]
  for await (const batch of techladder.paginate(
    '/call-batches',
    { params: { query: { status: 'active' } } },
    { pageSize: 100, concurrency: 4 },
  )) {
    names.push(batch.agent_name ?? batch.agent_id)
  }
  for await (const page of techladder
    .paginate('/call-batches/{batch_id}/calls', { params: { path: { batch_id: created.data.schedule_id } } })
    .pages()) {
    for (const call of page.items) names.push(call.external_id)
  }
  return names
}

export async function truedyCalls(apiKey: string): Promise<number> {
  const truedy = createTruedyClient({ apiKey, timeoutMs: 10_000 })
  const created = await truedy.unwrap(
    truedy.POST('/batch-calls', {
      params: { header: { 'X-Idempotency-Key': 'create-1' } },
      body: { name: 'Spring', agent_id: 'agt_f9447372', contacts: [{ phone_number: '+14155552671' }] },
    }),
  )
  try {
    await truedy.unwrap(
      truedy.GET('/batch-calls/{batch_call_id}', { params: { path: { batch_call_id: created.data.id } } }),
    )
  } catch (error) {
    if (!NotFoundError.isInstance(error)) throw error
  }
  let total = 0
  for await (const batch of truedy.paginate('/batch-calls', { params: { query: { status: 'active' } } })) {
    total += batch.total_contacts ?? 0
  }
  const contacts = await truedy
    .paginate('/batch-calls/{batch_call_id}/contacts', {
      params: { path: { batch_call_id: created.data.id } },
    })
    .toArray()
  return total + contacts.length
}

export async function acrossProviders(keys: { ultravox: string; techladder: string; truedy: string }) {
  const vb = createVoiceBatch({
    ultravox: { apiKey: keys.ultravox, agentIds: [AGENT_ID] },
    techladder: { apiKey: keys.techladder },
    truedy: { apiKey: keys.truedy },
  })
  const running: CallBatch[] = []
  for await (const batch of vb.listBatches({ status: ['running', 'paused'] })) {
    if (batch.provider === 'truedy') console.log(batch.raw.phone_rotation_strategy)
    running.push(batch)
  }
  const one = await vb.getBatch({ provider: 'truedy', id: 'batch_1' })
  for await (const call of vb.listCalls({ provider: 'ultravox', batchId: one.id })) console.log(call.status)
  const direct = await vb.truedy.unwrap(vb.truedy.GET('/batch-calls', { params: { query: { limit: 10 } } }))
  return { running: running.length, progress: one.completedCalls, first: direct.data[0]?.name }
}
