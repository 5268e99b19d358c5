import type { paths as TechladderPaths } from '@voicebatch/techladder-types'
import type { paths as TruedyPaths } from '@voicebatch/truedy-types'
import type { paths as UltravoxPaths } from '@voicebatch/ultravox-types'
import createClient from 'openapi-fetch'

const AGENT_ID = '3c90c3cc-0d44-4b50-8888-8dd25736052a'

function check<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.data === undefined) throw new Error(`HTTP ${result.response.status}`)
  return result.data
}

function ultravoxClient(apiKey: string) {
  return createClient<UltravoxPaths>({ baseUrl: 'https://api.ultravox.ai', headers: { 'X-API-Key': apiKey } })
}

function techladderClient(apiKey: string) {
  return createClient<TechladderPaths>({
    baseUrl: 'https://api.staging.techladder.ai/api/v1/public',
    headers: { Authorization: `Bearer ${apiKey}` },
  })
}

function truedyClient(apiKey: string) {
  return createClient<TruedyPaths>({
    baseUrl: 'https://api.truedy.ai/api/public/v1',
    headers: { Authorization: `Bearer ${apiKey}` },
  })
}

function cursorOf(next: string | null | undefined): string | undefined {
  return next ? (new URL(next).searchParams.get('cursor') ?? undefined) : undefined
}

export async function ultravoxCalls(apiKey: string): Promise<number> {
  const ultravox = ultravoxClient(apiKey)
  const created = check(
    await ultravox.POST('/api/agents/{agent_id}/scheduled_batches', {
      params: { path: { agent_id: AGENT_ID } },
      body: { windowStart: '2026-05-01T09:00:00Z', calls: [{ metadata: { customer: 'c-1' } }] },
    }),
  )
  const { data, error } = await ultravox.GET('/api/agents/{agent_id}/scheduled_batches/{batch_id}', {
    params: { path: { agent_id: AGENT_ID, batch_id: created.batchId } },
  })
  if (error !== undefined) throw new Error(JSON.stringify(error))
  let completed = data.completedCount
  let cursor: string | undefined
  do {
    const page = check(
      await ultravox.GET('/api/agents/{agent_id}/scheduled_batches', {
        params: { path: { agent_id: AGENT_ID }, query: { pageSize: 100, ...(cursor ? { cursor } : {}) } },
      }),
    )
    for (const batch of page.results) completed += batch.completedCount
    cursor = cursorOf(page.next)
  } while (cursor !== undefined)
  const calls = check(
    await ultravox.GET('/api/agents/{agent_id}/scheduled_batches/{batch_id}/scheduled_calls', {
      params: { path: { agent_id: AGENT_ID, batch_id: created.batchId }, query: { status: 'PENDING' } },
    }),
  ).results.slice(0, 10)
  return completed + calls.filter((call) => call.callId !== null).length
}

export async function techladderCalls(apiKey: string): Promise<string[]> {
  const techladder = techladderClient(apiKey)
  const created = check(
    await techladder.POST('/call-batches', {
      body: {
        agent_name: 'agt-57949b14',
        version_name: 'pmt-667ddf271b',
        contacts: [{ contact_id: 'c-1', phone_number: '919876543210' }],
      },
    }),
  )
  const one = check(
    await techladder.GET('/call-batches/{batch_id}', {
      params: { path: { batch_id: created.data.schedule_id } },
    }),
  )
  const names: string[] = [one.data.status]
  for (let page = 1; ; page++) {
    const { data } = check(
      await techladder.GET('/call-batches', { params: { query: { status: 'active', limit: 100, page } } }),
    )
    for (const batch of data.items) names.push(batch.agent_name ?? batch.agent_id)
    if (!data.has_more) break
  }
  for (let page = 1; ; page++) {
    const { data } = check(
      await techladder.GET('/call-batches/{batch_id}/calls', {
        params: { path: { batch_id: created.data.schedule_id }, query: { page } },
      }),
    )
    for (const call of data.items) names.push(call.external_id)
    if (!data.has_more) break
  }
  return names
}

export async function truedyCalls(apiKey: string): Promise<number> {
  const truedy = truedyClient(apiKey)
  const created = check(
    await truedy.POST('/batch-calls', {
      params: { header: { 'X-Idempotency-Key': 'create-1' } },
      body: { name: 'Spring', agent_id: 'agt_f9447372', contacts: [{ phone_number: '+14155552671' }] },
    }),
  )
  const found = await truedy.GET('/batch-calls/{batch_call_id}', {
    params: { path: { batch_call_id: created.data.id } },
  })
  if (found.error !== undefined && found.response.status !== 404) throw new Error(found.error.error.message)
  let total = 0
  for (let offset = 0; ; ) {
    const page = check(await truedy.GET('/batch-calls', { params: { query: { status: 'active', offset } } }))
    for (const batch of page.data) total += batch.total_contacts ?? 0
    offset += page.data.length
    if (!page.pagination?.has_more || page.data.length === 0) break
  }
  let contacts = 0
  for (let offset = 0; ; ) {
    const page = check(
      await truedy.GET('/batch-calls/{batch_call_id}/contacts', {
        params: { path: { batch_call_id: created.data.id }, query: { offset } },
      }),
    )
    contacts += page.data.length
    offset += page.data.length
    if (!page.pagination?.has_more || page.data.length === 0) break
  }
  return total + contacts
}

type Status = 'running' | 'paused' | 'other'

interface Batch {
  provider: 'ultravox' | 'techladder' | 'truedy'
  id: string
  status: Status
  completedCalls: number | null
}

export async function acrossProviders(keys: { ultravox: string; techladder: string; truedy: string }) {
  const ultravox = ultravoxClient(keys.ultravox)
  const techladder = techladderClient(keys.techladder)
  const truedy = truedyClient(keys.truedy)
  const running: Batch[] = []
  const [ultravoxPage, techladderPage, truedyPage] = await Promise.all([
    ultravox.GET('/api/agents/{agent_id}/scheduled_batches', { params: { path: { agent_id: AGENT_ID } } }),
    techladder.GET('/call-batches', { params: { query: { status: 'active' } } }),
    truedy.GET('/batch-calls', { params: { query: { status: 'active' } } }),
  ])
  for (const batch of check(ultravoxPage).results) {
    const status: Status = batch.paused ? 'paused' : batch.endedAt === null ? 'running' : 'other'
    running.push({ provider: 'ultravox', id: batch.batchId, status, completedCalls: batch.completedCount })
  }
  for (const batch of check(techladderPage).data.items) {
    const status: Status = batch.status === 'active' ? 'running' : 'other'
    running.push({
      provider: 'techladder',
      id: batch.schedule_id,
      status,
      completedCalls: batch.completed_contacts ?? null,
    })
  }
  for (const batch of check(truedyPage).data) {
    console.log(batch.phone_rotation_strategy)
    const status: Status =
      batch.status === 'active' ? 'running' : batch.status === 'paused' ? 'paused' : 'other'
    running.push({
      provider: 'truedy',
      id: batch.id,
      status,
      completedCalls: batch.completed_contacts ?? null,
    })
  }
  const one = check(
    await truedy.GET('/batch-calls/{batch_call_id}', { params: { path: { batch_call_id: 'batch_1' } } }),
  ).data
  const calls = check(
    await ultravox.GET('/api/agents/{agent_id}/scheduled_batches/{batch_id}/scheduled_calls', {
      params: { path: { agent_id: AGENT_ID, batch_id: one.id } },
    }),
  )
  for (const call of calls.results) console.log(call.status)
  const direct = check(await truedy.GET('/batch-calls', { params: { query: { limit: 10 } } }))
  return {
    running: running.filter((batch) => batch.status !== 'other').length,
    progress: one.completed_contacts,
    first: direct.data[0]?.name,
  }
}
