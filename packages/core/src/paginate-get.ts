import { ConfigurationError } from './errors.js'
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
export type GetPageStrategy<Body, Item> = {
  /**
   * The query parameter that carries the page size, e.g. `limit`: a caller's value in `init` is the
   * page size when the `pageSize` option is not given.
   */
  pageSizeParameter?: string | undefined
} & (
  | {
      kind: 'cursor'
      /** The query parameter of the cursor: a caller's value in `init` is where the listing starts. */
      startParameter?: string | undefined
      /** The query parameters that ask for this page. */
      query(position: { cursor: string | undefined; pageSize: number | undefined }): object
      /** What a page says; throws `ResponseShapeMismatch` (`requireArray`...) when the body lacks it. */
      read(body: Body): PageContent<CursorPage<Item>>
    }
  | {
      kind: 'page'
      defaultPageSize: number
      /** The query parameter of the page number (1-based): a caller's value is the first page. */
      startParameter?: string | undefined
      /** The query parameters that ask for this page. */
      query(position: { page: number; pageSize: number }): object
      /** What a page's body holds: its items, and whether more follow. */
      read(body: Body, pageSize: number): PageContent<NumberedPage<Item>>
    }
  | {
      kind: 'offset'
      defaultPageSize: number
      /** The query parameter of the offset: a caller's value is the first offset. */
      startParameter?: string | undefined
      /** The query parameters that ask for this page. */
      query(position: { offset: number; pageSize: number }): object
      /** What a page's body holds: its items, and whether more follow. */
      read(body: Body, pageSize: number): PageContent<NumberedPage<Item>>
    }
)

type Get<Body> = (path: string, init: object) => Promise<FetchResult<Body>>

/**
 * The pages of a GET through an openapi-fetch client: each page's query is merged into the caller's
 * `init` (whose cursor, page or offset is where the listing starts), a non-2xx page throws its
 * typed error, and a 2xx body without the page's shape an `InvalidResponseError` (via `unwrapShape`).
 */
export function paginateGet<Item, Body>(
  client: OpenApiClient<object>,
  path: string,
  init: object | undefined,
  options: PaginateOptions | undefined,
  strategy: GetPageStrategy<Body, Item>,
): PageIterator<Item> {
  const base = (init ?? {}) as { params?: { query?: Record<string, unknown> } }
  const callerQuery = base.params?.query ?? {}
  const get = client.GET as unknown as Get<Body>
  const fetchPage = async <Content>(
    query: object,
    signal: AbortSignal | undefined,
    read: (body: Body) => Content,
  ) => {
    const params = { ...base.params, query: { ...callerQuery, ...query } }
    const result = await get(path, { ...base, params, ...(signal ? { signal } : {}) })
    return { ...(await client.unwrapShape(result, read)), response: result.response }
  }
  const settings = withCallerPageSize(options, strategy.pageSizeParameter, callerQuery, client.provider)
  const startValue = strategy.startParameter === undefined ? undefined : callerQuery[strategy.startParameter]
  const start = (kind: 'cursor' | 'page' | 'offset') =>
    startOf(kind, strategy.startParameter ?? kind, startValue, client.provider)

  switch (strategy.kind) {
    case 'cursor':
      return createPageIterator<Item>(
        {
          kind: 'cursor',
          start: start('cursor') as string | undefined,
          fetchPage: ({ cursor, pageSize, signal }) =>
            fetchPage(strategy.query({ cursor, pageSize }), signal, (body) => strategy.read(body)),
        },
        settings,
      )
    case 'page':
      return createPageIterator<Item>(
        {
          kind: 'page',
          defaultPageSize: strategy.defaultPageSize,
          start: start('page') as number | undefined,
          fetchPage: ({ page, pageSize, signal }) =>
            fetchPage(strategy.query({ page, pageSize }), signal, (body) => strategy.read(body, pageSize)),
        },
        settings,
      )
    case 'offset':
      return createPageIterator<Item>(
        {
          kind: 'offset',
          defaultPageSize: strategy.defaultPageSize,
          start: start('offset') as number | undefined,
          fetchPage: ({ offset, pageSize, signal }) =>
            fetchPage(strategy.query({ offset, pageSize }), signal, (body) => strategy.read(body, pageSize)),
        },
        settings,
      )
  }
}

/** A caller's starting cursor (non-empty string), page (integer >= 1) or offset (integer >= 0). */
function startOf(
  kind: 'cursor' | 'page' | 'offset',
  parameter: string,
  value: unknown,
  provider: string,
): string | number | undefined {
  if (value === undefined || value === null) return undefined
  if (kind === 'cursor') {
    if (typeof value === 'string' && value !== '') return value
    throw new ConfigurationError(`Invalid ${provider} query ${parameter}: expected a non-empty string.`)
  }
  const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value
  const least = kind === 'page' ? 1 : 0
  if (typeof number === 'number' && Number.isSafeInteger(number) && number >= least) return number
  throw new ConfigurationError(`Invalid ${provider} query ${parameter}: expected an integer >= ${least}.`)
}

/** The `pageSize` option, else the page size the caller put in the query. */
function withCallerPageSize(
  options: PaginateOptions | undefined,
  parameter: string | undefined,
  query: Record<string, unknown>,
  provider: string,
): PaginateOptions | undefined {
  const value = parameter === undefined ? undefined : query[parameter]
  if (value === undefined || options?.pageSize !== undefined) return options
  const pageSize = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value
  if (typeof pageSize !== 'number' || !Number.isSafeInteger(pageSize) || pageSize < 1) {
    throw new ConfigurationError(`Invalid ${provider} query ${parameter}: expected an integer > 0.`)
  }
  return { ...options, pageSize }
}
