import type { ClientOptions, FetchResult, PageIterator, PaginateOptions } from '@voicebatch/core'
import { createTechladderClient } from '@voicebatch/techladder'
import { type MockProvider, type MockServer, startMockServer } from '@voicebatch/testing'
import { createTruedyClient } from '@voicebatch/truedy'
import { createUltravoxClient } from '@voicebatch/ultravox'

/** What a behaviour test needs of a provider, so one test body serves all three. */
export interface ProviderCase {
  provider: MockProvider
  /** Matches the batch list's pathname, for fault matching. */
  listPath: RegExp
  /** The header that carries the key, lowercased, and its value for a key. */
  credentials(apiKey: string): [header: string, value: string]
  /** The whole batch list as one paginator. */
  listBatches(
    server: Connectable,
    options?: Partial<ClientOptions>,
    paginate?: PaginateOptions,
  ): PageIterator<unknown>
  /** The first page of batches through plain openapi-fetch. */
  getFirstPage(server: Connectable, options?: Partial<ClientOptions>): Promise<FetchResult<unknown>>
  /** One plain GET through `unwrap`, which throws the typed error. */
  unwrapFirstPage(server: Connectable, options?: Partial<ClientOptions>): Promise<unknown>
  /** The batch list from a caller's starting cursor, page or offset (in the query), 10 a page. */
  listFrom(server: Connectable, start: number): PageIterator<unknown>
  /** How the provider pages, for hostile servers that speak its list format. */
  paging: ListFormat
  /** 2xx list bodies without what paging needs, each with what the error must name. */
  wrongShapes: Array<[body: unknown, missing: string]>
  /** A 4xx body in the provider's envelope with field errors, and the field the message must name. */
  fieldErrors: { status: number; body: unknown; named: string }
}

/** What a client needs of a server: a base URL, a key, and (Ultravox) an agent. */
export type Connectable = Pick<MockServer, 'url' | 'apiKey' | 'agentIds'>

export interface ListPage {
  items: unknown[]
  total: number | null
  hasMore: boolean
  /** The page size the server claims it used: any JSON. */
  limit: unknown
  /** The position of the next page (Ultravox: as a `next` URL), null at the end. */
  next: number | null
}

export interface ListFormat {
  /** The first item a list request asks for, and the page size asked, given the server's own page size cap. */
  position(query: URLSearchParams, cap: number): { position: number; size: number }
  /** The provider's JSON for one page. */
  body(page: ListPage, origin: string): unknown
}

const connect = (server: Connectable, options: Partial<ClientOptions> = {}) => ({
  baseUrl: server.url,
  apiKey: server.apiKey,
  ...options,
})

export const providerCases: ProviderCase[] = [
  {
    provider: 'ultravox',
    listPath: /\/scheduled_batches$/,
    credentials: (apiKey) => ['x-api-key', apiKey],
    listBatches: (server, options, paginate) =>
      createUltravoxClient(connect(server, options)).paginate(
        '/api/agents/{agent_id}/scheduled_batches',
        { params: { path: { agent_id: server.agentIds[0] ?? '' } } },
        paginate,
      ),
    getFirstPage: (server, options) =>
      createUltravoxClient(connect(server, options)).GET('/api/agents/{agent_id}/scheduled_batches', {
        params: { path: { agent_id: server.agentIds[0] ?? '' } },
      }),
    unwrapFirstPage(server, options) {
      const client = createUltravoxClient(connect(server, options))
      return client.unwrap(
        client.GET('/api/agents/{agent_id}/scheduled_batches', {
          params: { path: { agent_id: server.agentIds[0] ?? '' } },
        }),
      )
    },
    listFrom: (server, start) =>
      createUltravoxClient(connect(server)).paginate(
        '/api/agents/{agent_id}/scheduled_batches',
        { params: { path: { agent_id: server.agentIds[0] ?? '' }, query: { cursor: `c${start}` } } },
        { pageSize: 10 },
      ),
    paging: {
      position: (query) => ({
        position: Number((query.get('cursor') ?? 'c0').slice(1)),
        size: Number(query.get('pageSize') ?? 100),
      }),
      body: (page, origin) => ({
        results: page.items,
        total: page.total,
        next: page.next === null ? null : `${origin}/api/agents/a/scheduled_batches?cursor=c${page.next}`,
        previous: null,
      }),
    },
    wrongShapes: [
      [null, 'a JSON object'],
      [undefined, 'a JSON object'],
      [{ results: 'abc', next: null }, 'results (an array)'],
      [{ results: [], next: 42 }, 'next (a URL with a cursor, or null)'],
    ],
    fieldErrors: {
      status: 400,
      body: { calls: [{}, { phone_number: ['Enter a valid phone number.'] }] },
      named: 'calls[1].phone_number: Enter a valid phone number.',
    },
  },
  {
    provider: 'techladder',
    listPath: /\/call-batches$/,
    credentials: (apiKey) => ['authorization', `Bearer ${apiKey}`],
    listBatches: (server, options, paginate) =>
      createTechladderClient(connect(server, options)).paginate('/call-batches', {}, paginate),
    getFirstPage: (server, options) => createTechladderClient(connect(server, options)).GET('/call-batches'),
    unwrapFirstPage(server, options) {
      const client = createTechladderClient(connect(server, options))
      return client.unwrap(client.GET('/call-batches'))
    },
    listFrom: (server, start) =>
      createTechladderClient(connect(server)).paginate(
        '/call-batches',
        { params: { query: { page: start / 10 + 1 } } },
        { pageSize: 10 },
      ),
    paging: {
      position(query, cap) {
        const size = Number(query.get('limit') ?? 50)
        return { position: (Number(query.get('page') ?? 1) - 1) * Math.min(size, cap), size }
      },
      body: (page) => ({
        status_code: 200,
        message: 'OK',
        error: null,
        data: { items: page.items, total: page.total, page: 1, limit: page.limit, has_more: page.hasMore },
      }),
    },
    wrongShapes: [
      [null, 'a JSON object'],
      [undefined, 'a JSON object'],
      [{ data: 'abc' }, 'data (an object)'],
      [{ data: { items: 'abc', has_more: false } }, 'data.items (an array)'],
      [{ data: { items: [] } }, 'data.has_more (true or false)'],
    ],
    fieldErrors: {
      status: 422,
      body: {
        status_code: 422,
        message: 'Validation failed',
        error: { code: 'VALIDATION_ERROR', details: ['contacts[0].phone_number: invalid', 'name: required'] },
        data: null,
      },
      named: 'Validation failed: contacts[0].phone_number: invalid; name: required',
    },
  },
  {
    provider: 'truedy',
    listPath: /\/batch-calls$/,
    credentials: (apiKey) => ['authorization', `Bearer ${apiKey}`],
    listBatches: (server, options, paginate) =>
      createTruedyClient(connect(server, options)).paginate('/batch-calls', {}, paginate),
    getFirstPage: (server, options) => createTruedyClient(connect(server, options)).GET('/batch-calls'),
    unwrapFirstPage(server, options) {
      const client = createTruedyClient(connect(server, options))
      return client.unwrap(client.GET('/batch-calls'))
    },
    listFrom: (server, start) =>
      createTruedyClient(connect(server)).paginate(
        '/batch-calls',
        { params: { query: { offset: start } } },
        { pageSize: 10 },
      ),
    paging: {
      position: (query) => ({
        position: Number(query.get('offset') ?? 0),
        size: Number(query.get('limit') ?? 50),
      }),
      body: (page) => ({
        data: page.items,
        meta: { request_id: 'req_1', ts: '2026-01-01T00:00:00Z' },
        pagination: { total: page.total, limit: page.limit, offset: 0, has_more: page.hasMore },
      }),
    },
    wrongShapes: [
      [null, 'a JSON object'],
      [undefined, 'a JSON object'],
      [{ data: 'abc' }, 'data (an array)'],
      [{ data: { id: 'b1' } }, 'data (an array)'],
    ],
    fieldErrors: {
      status: 422,
      body: {
        error: {
          code: 'validation_error',
          message: 'Validation failed',
          details: { 'contacts[0].phone_number': 'invalid' },
        },
        meta: { request_id: 'req_1', ts: '2026-01-01T00:00:00Z' },
      },
      named: 'Validation failed: contacts[0].phone_number: invalid',
    },
  },
]

/** Starts a mock server for each provider case and closes it after the suite. */
export async function withServer(provider: MockProvider, batches = 12): Promise<MockServer> {
  return startMockServer({ provider, batches })
}
