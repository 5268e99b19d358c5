import {
  createClient,
  createTechladderClient,
  createTruedyClient,
  createUltravoxClient,
  type TechladderPaths,
  type TruedyPaths,
  type UltravoxPaths,
} from './workspace-packages.ts'

export type Provider = 'ultravox' | 'techladder' | 'truedy'
export const providers: readonly Provider[] = ['ultravox', 'techladder', 'truedy']

export interface Connection {
  baseUrl: string
  apiKey: string
  /** Defaults to `globalThis.fetch`. */
  fetch?: typeof globalThis.fetch
}

/** The batch a call reads: its id, and for Ultravox the agent it belongs to. */
export interface BatchTarget {
  agentId: string
  batchId: string
}

/** One typical call (read one batch), made three ways: raw fetch, bare openapi-fetch, our client. */
export interface ProviderCall {
  provider: Provider
  operation: string
  /** The path (after the base URL) of the first page of batches, with one item. */
  firstPagePath(agentId: string): string
  /** The batch id in that page's body. */
  firstBatchId(body: unknown): string
  raw(connection: Connection, target: BatchTarget): () => Promise<unknown>
  bare(connection: Connection, target: BatchTarget): () => Promise<unknown>
  ours(connection: Connection, target: BatchTarget): () => Promise<unknown>
}

type Json = Record<string, unknown>

const bearer = (apiKey: string) => ({ Authorization: `Bearer ${apiKey}`, Accept: 'application/json' })

/** fetch + status check + JSON parse: what a hand-written call does at the least. */
function rawCall(connection: Connection, path: string, headers: Record<string, string>) {
  const url = `${connection.baseUrl}${path}`
  return async () => {
    const response = await (connection.fetch ?? globalThis.fetch)(url, { headers })
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`)
    return response.json()
  }
}

function dataOrThrow<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || result.data === undefined) {
    throw new Error(`HTTP ${result.response.status}`)
  }
  return result.data
}

const ultravox: ProviderCall = {
  provider: 'ultravox',
  operation: 'GET /api/agents/{agent_id}/scheduled_batches/{batch_id}',
  firstPagePath: (agentId) => `/api/agents/${agentId}/scheduled_batches?pageSize=1`,
  firstBatchId: (body) => String(((body as Json).results as Json[])[0]?.batchId),
  raw: (connection, { agentId, batchId }) =>
    rawCall(
      connection,
      `/api/agents/${encodeURIComponent(agentId)}/scheduled_batches/${encodeURIComponent(batchId)}`,
      { 'X-API-Key': connection.apiKey, Accept: 'application/json' },
    ),
  bare(connection, { agentId, batchId }) {
    const client = createClient<UltravoxPaths>({
      baseUrl: connection.baseUrl,
      headers: { 'X-API-Key': connection.apiKey },
      ...(connection.fetch ? { fetch: connection.fetch } : {}),
    })
    return async () =>
      dataOrThrow(
        await client.GET('/api/agents/{agent_id}/scheduled_batches/{batch_id}', {
          params: { path: { agent_id: agentId, batch_id: batchId } },
        }),
      )
  },
  ours(connection, { agentId, batchId }) {
    const client = createUltravoxClient(connection)
    return () =>
      client.unwrap(
        client.GET('/api/agents/{agent_id}/scheduled_batches/{batch_id}', {
          params: { path: { agent_id: agentId, batch_id: batchId } },
        }),
      )
  },
}

const techladder: ProviderCall = {
  provider: 'techladder',
  operation: 'GET /call-batches/{batch_id}',
  firstPagePath: () => '/call-batches?limit=1',
  firstBatchId: (body) => String((((body as Json).data as Json).items as Json[])[0]?.schedule_id),
  raw: (connection, { batchId }) =>
    rawCall(connection, `/call-batches/${encodeURIComponent(batchId)}`, bearer(connection.apiKey)),
  bare(connection, { batchId }) {
    const client = createClient<TechladderPaths>({
      baseUrl: connection.baseUrl,
      headers: { Authorization: `Bearer ${connection.apiKey}` },
      ...(connection.fetch ? { fetch: connection.fetch } : {}),
    })
    return async () =>
      dataOrThrow(await client.GET('/call-batches/{batch_id}', { params: { path: { batch_id: batchId } } }))
  },
  ours(connection, { batchId }) {
    const client = createTechladderClient(connection)
    return () =>
      client.unwrap(client.GET('/call-batches/{batch_id}', { params: { path: { batch_id: batchId } } }))
  },
}

const truedy: ProviderCall = {
  provider: 'truedy',
  operation: 'GET /batch-calls/{batch_call_id}',
  firstPagePath: () => '/batch-calls?limit=1',
  firstBatchId: (body) => String(((body as Json).data as Json[])[0]?.id),
  raw: (connection, { batchId }) =>
    rawCall(connection, `/batch-calls/${encodeURIComponent(batchId)}`, bearer(connection.apiKey)),
  bare(connection, { batchId }) {
    const client = createClient<TruedyPaths>({
      baseUrl: connection.baseUrl,
      headers: { Authorization: `Bearer ${connection.apiKey}` },
      ...(connection.fetch ? { fetch: connection.fetch } : {}),
    })
    return async () =>
      dataOrThrow(
        await client.GET('/batch-calls/{batch_call_id}', { params: { path: { batch_call_id: batchId } } }),
      )
  },
  ours(connection, { batchId }) {
    const client = createTruedyClient(connection)
    return () =>
      client.unwrap(
        client.GET('/batch-calls/{batch_call_id}', { params: { path: { batch_call_id: batchId } } }),
      )
  },
}

export const providerCalls: Record<Provider, ProviderCall> = { ultravox, techladder, truedy }

/** A batch that exists on the server: the first of the first page. */
export async function findBatch(
  call: ProviderCall,
  server: { url: string; apiKey: string; agentIds: readonly string[] },
): Promise<BatchTarget> {
  const agentId = server.agentIds[0] ?? ''
  const body = await rawCall({ baseUrl: server.url, apiKey: server.apiKey }, call.firstPagePath(agentId), {
    ...bearer(server.apiKey),
    'X-API-Key': server.apiKey,
  })()
  return { agentId, batchId: call.firstBatchId(body) }
}
