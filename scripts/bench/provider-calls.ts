import ky from 'ky'
import OpenAI from 'openai'
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

/** What a call reads: one batch (a small body) or a page of `PAGE_ITEMS` batches. */
export type Shape = 'one' | 'page'
export const PAGE_ITEMS = 50

/**
 * The same call made by each client: raw fetch, bare openapi-fetch, our client (`GET` and
 * `unwrap(GET)`), and the SDKs users would pick instead, each with its defaults: openai's
 * Stainless client (its generic `get`, retries and timeout included) and ky.
 */
export const variants = ['raw', 'bare', 'ours', 'unwrap', 'openai', 'ky'] as const
export type Variant = (typeof variants)[number]
export const variantNames: Record<Variant, string> = {
  raw: 'raw fetch + JSON.parse',
  bare: 'bare openapi-fetch',
  ours: 'our client GET',
  unwrap: 'our client unwrap(GET)',
  openai: 'openai 6 (Stainless) get',
  ky: 'ky 1.14 get().json()',
}

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

type Result = { data?: unknown; error?: unknown; response: Response }
type Typed = (shape: Shape, target: BatchTarget) => Promise<Result>

interface ProviderCall {
  provider: Provider
  operation: Record<Shape, string>
  authHeaders(apiKey: string): Record<string, string>
  /** The path after the base URL, encoded: what raw fetch, openai and ky ask for. */
  path(shape: Shape, target: BatchTarget): string
  /** The path of the first page of batches, with one item, and the batch id in its body. */
  firstPagePath(agentId: string): string
  firstBatchId(body: unknown): string
  bare(connection: Connection): Typed
  ours(connection: Connection): { get: Typed; unwrap(result: Promise<Result>): Promise<unknown> }
}

type Json = Record<string, unknown>
const bearer = (apiKey: string) => ({ Authorization: `Bearer ${apiKey}` })
const withFetch = (connection: Connection) => (connection.fetch ? { fetch: connection.fetch } : {})

const ultravox: ProviderCall = {
  provider: 'ultravox',
  operation: {
    one: 'GET /api/agents/{agent_id}/scheduled_batches/{batch_id}',
    page: `GET /api/agents/{agent_id}/scheduled_batches?pageSize=${PAGE_ITEMS}`,
  },
  authHeaders: (apiKey) => ({ 'X-API-Key': apiKey }),
  path: (shape, { agentId, batchId }) =>
    shape === 'one'
      ? `/api/agents/${encodeURIComponent(agentId)}/scheduled_batches/${encodeURIComponent(batchId)}`
      : `/api/agents/${encodeURIComponent(agentId)}/scheduled_batches?pageSize=${PAGE_ITEMS}`,
  firstPagePath: (agentId) => `/api/agents/${agentId}/scheduled_batches?pageSize=1`,
  firstBatchId: (body) => String(((body as Json).results as Json[])[0]?.batchId),
  bare(connection) {
    const client = createClient<UltravoxPaths>({
      baseUrl: connection.baseUrl,
      headers: this.authHeaders(connection.apiKey),
      ...withFetch(connection),
    })
    return (shape, { agentId, batchId }) =>
      shape === 'one'
        ? client.GET('/api/agents/{agent_id}/scheduled_batches/{batch_id}', {
            params: { path: { agent_id: agentId, batch_id: batchId } },
          })
        : client.GET('/api/agents/{agent_id}/scheduled_batches', {
            params: { path: { agent_id: agentId }, query: { pageSize: PAGE_ITEMS } },
          })
  },
  ours(connection) {
    const client = createUltravoxClient(connection)
    return {
      get: (shape, { agentId, batchId }) =>
        shape === 'one'
          ? client.GET('/api/agents/{agent_id}/scheduled_batches/{batch_id}', {
              params: { path: { agent_id: agentId, batch_id: batchId } },
            })
          : client.GET('/api/agents/{agent_id}/scheduled_batches', {
              params: { path: { agent_id: agentId }, query: { pageSize: PAGE_ITEMS } },
            }),
      unwrap: (result) => client.unwrap(result),
    }
  },
}

const techladder: ProviderCall = {
  provider: 'techladder',
  operation: { one: 'GET /call-batches/{batch_id}', page: `GET /call-batches?limit=${PAGE_ITEMS}` },
  authHeaders: bearer,
  path: (shape, { batchId }) =>
    shape === 'one' ? `/call-batches/${encodeURIComponent(batchId)}` : `/call-batches?limit=${PAGE_ITEMS}`,
  firstPagePath: () => '/call-batches?limit=1',
  firstBatchId: (body) => String((((body as Json).data as Json).items as Json[])[0]?.schedule_id),
  bare(connection) {
    const client = createClient<TechladderPaths>({
      baseUrl: connection.baseUrl,
      headers: this.authHeaders(connection.apiKey),
      ...withFetch(connection),
    })
    return (shape, { batchId }) =>
      shape === 'one'
        ? client.GET('/call-batches/{batch_id}', { params: { path: { batch_id: batchId } } })
        : client.GET('/call-batches', { params: { query: { limit: PAGE_ITEMS } } })
  },
  ours(connection) {
    const client = createTechladderClient(connection)
    return {
      get: (shape, { batchId }) =>
        shape === 'one'
          ? client.GET('/call-batches/{batch_id}', { params: { path: { batch_id: batchId } } })
          : client.GET('/call-batches', { params: { query: { limit: PAGE_ITEMS } } }),
      unwrap: (result) => client.unwrap(result),
    }
  },
}

const truedy: ProviderCall = {
  provider: 'truedy',
  operation: { one: 'GET /batch-calls/{batch_call_id}', page: `GET /batch-calls?limit=${PAGE_ITEMS}` },
  authHeaders: bearer,
  path: (shape, { batchId }) =>
    shape === 'one' ? `/batch-calls/${encodeURIComponent(batchId)}` : `/batch-calls?limit=${PAGE_ITEMS}`,
  firstPagePath: () => '/batch-calls?limit=1',
  firstBatchId: (body) => String(((body as Json).data as Json[])[0]?.id),
  bare(connection) {
    const client = createClient<TruedyPaths>({
      baseUrl: connection.baseUrl,
      headers: this.authHeaders(connection.apiKey),
      ...withFetch(connection),
    })
    return (shape, { batchId }) =>
      shape === 'one'
        ? client.GET('/batch-calls/{batch_call_id}', { params: { path: { batch_call_id: batchId } } })
        : client.GET('/batch-calls', { params: { query: { limit: PAGE_ITEMS } } })
  },
  ours(connection) {
    const client = createTruedyClient(connection)
    return {
      get: (shape, { batchId }) =>
        shape === 'one'
          ? client.GET('/batch-calls/{batch_call_id}', { params: { path: { batch_call_id: batchId } } })
          : client.GET('/batch-calls', { params: { query: { limit: PAGE_ITEMS } } }),
      unwrap: (result) => client.unwrap(result),
    }
  },
}

export const providerCalls: Record<Provider, ProviderCall> = { ultravox, techladder, truedy }

/** fetch + status check + JSON parse: what a hand-written call does at the least. */
function rawCall(connection: Connection, path: string, headers: Record<string, string>) {
  const url = `${connection.baseUrl}${path}`
  const fetch = connection.fetch ?? globalThis.fetch
  const init = { headers: { ...headers, Accept: 'application/json' } }
  return async () => {
    const response = await fetch(url, init)
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`)
    return response.json()
  }
}

function dataOrThrow(result: Result): unknown {
  if (result.error !== undefined || result.data === undefined) {
    throw new Error(`HTTP ${result.response.status}`)
  }
  return result.data
}

/** One operation per variant, each reading the same thing from the same server (or stub). */
export function operations(
  call: ProviderCall,
  connection: Connection,
  target: BatchTarget,
  shape: Shape,
): Record<Variant, () => Promise<unknown>> {
  const path = call.path(shape, target)
  const headers = call.authHeaders(connection.apiKey)
  const bare = call.bare(connection)
  const ours = call.ours(connection)
  const openai = new OpenAI({
    apiKey: connection.apiKey,
    baseURL: connection.baseUrl,
    defaultHeaders: headers,
    ...withFetch(connection),
  })
  const kyClient = ky.create({ prefixUrl: connection.baseUrl, headers, ...withFetch(connection) })
  const kyPath = path.slice(1) // ky's prefixUrl takes paths without their leading slash
  return {
    raw: rawCall(connection, path, headers),
    bare: async () => dataOrThrow(await bare(shape, target)),
    ours: async () => dataOrThrow(await ours.get(shape, target)),
    unwrap: () => ours.unwrap(ours.get(shape, target)),
    openai: () => openai.get(path),
    ky: () => kyClient.get(kyPath).json(),
  }
}

/** A batch that exists on the server: the first of the first page. */
export async function findBatch(
  call: ProviderCall,
  server: { url: string; apiKey: string; agentIds: readonly string[] },
): Promise<BatchTarget> {
  const agentId = server.agentIds[0] ?? ''
  const body = await rawCall(
    { baseUrl: server.url, apiKey: server.apiKey },
    call.firstPagePath(agentId),
    call.authHeaders(server.apiKey),
  )()
  return { agentId, batchId: call.firstBatchId(body) }
}
