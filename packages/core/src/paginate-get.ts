import {
  type CursorPage,
  createPageIterator,
  type NumberedPage,
  type PageIterator,
  type PaginateOptions,
} from './page-iterator.js'
import type { FetchResult, OpenApiClient } from './provider-client.js'

type PageContent<Page> = Omit<Page, 'response'>

/** How a provider pages one GET: the query of each page, and what a page's body says. */
export type GetPageStrategy<Body, Item> =
  | {
      kind: 'cursor'
      /** The query parameters that ask for this page. */
      query(position: { cursor: string | undefined; pageSize: number | undefined }): object
      /** What a page's body holds: its items, and where the next page is. */
      read(body: Body): PageContent<CursorPage<Item>>
    }
  | {
      kind: 'page'
      defaultPageSize: number
      /** The query parameters that ask for this page. */
      query(position: { page: number; pageSize: number }): object
      /** What a page's body holds: its items, and whether more follow. */
      read(body: Body, pageSize: number): PageContent<NumberedPage<Item>>
    }
  | {
      kind: 'offset'
      defaultPageSize: number
      /** The query parameters that ask for this page. */
      query(position: { offset: number; pageSize: number }): object
      /** What a page's body holds: its items, and whether more follow. */
      read(body: Body, pageSize: number): PageContent<NumberedPage<Item>>
    }

type Get<Body> = (path: string, init: object) => Promise<FetchResult<Body>>

/**
 * The pages of a GET through an openapi-fetch client: each page's query is merged into the caller's
 * `init`, and a non-2xx page throws its typed error (via `unwrap`).
 */
export function paginateGet<Item, Body>(
  client: OpenApiClient<object>,
  path: string,
  init: object | undefined,
  options: PaginateOptions | undefined,
  strategy: GetPageStrategy<Body, Item>,
): PageIterator<Item> {
  const base = (init ?? {}) as { params?: { query?: object } }
  const get = client.GET as unknown as Get<Body>
  const fetchBody = async (query: object, signal: AbortSignal | undefined) => {
    const params = { ...base.params, query: { ...base.params?.query, ...query } }
    const result = await get(path, { ...base, params, ...(signal ? { signal } : {}) })
    return { body: await client.unwrap(result), response: result.response }
  }

  switch (strategy.kind) {
    case 'cursor':
      return createPageIterator<Item>(
        {
          kind: 'cursor',
          async fetchPage({ cursor, pageSize, signal }) {
            const { body, response } = await fetchBody(strategy.query({ cursor, pageSize }), signal)
            return { ...strategy.read(body), response }
          },
        },
        options,
      )
    case 'page':
      return createPageIterator<Item>(
        {
          kind: 'page',
          defaultPageSize: strategy.defaultPageSize,
          async fetchPage({ page, pageSize, signal }) {
            const { body, response } = await fetchBody(strategy.query({ page, pageSize }), signal)
            return { ...strategy.read(body, pageSize), response }
          },
        },
        options,
      )
    case 'offset':
      return createPageIterator<Item>(
        {
          kind: 'offset',
          defaultPageSize: strategy.defaultPageSize,
          async fetchPage({ offset, pageSize, signal }) {
            const { body, response } = await fetchBody(strategy.query({ offset, pageSize }), signal)
            return { ...strategy.read(body, pageSize), response }
          },
        },
        options,
      )
  }
}
