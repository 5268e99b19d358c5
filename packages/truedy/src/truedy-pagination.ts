import {
  type GetInit,
  type GetResponseBody,
  type OpenApiClient,
  type PageIterator,
  type PaginateArguments,
  type PathsWithGetBody,
  paginateGet,
} from '@voicebatch/core'
import type { paths, Readable } from '@voicebatch/truedy-types'

/** Truedy GET paths that answer `{ data: [...], pagination? }`: derived from the spec's types. */
export type TruedyPaginatedPath = PathsWithGetBody<paths, { data: unknown[]; pagination?: unknown }>

/** What one of those pages holds, in the form the server returns it. */
export type TruedyPageItem<Path extends TruedyPaginatedPath> =
  Readable<GetResponseBody<paths, Path>> extends { data: (infer Item)[] } ? Item : never

interface OffsetPageBody {
  data: unknown[]
  pagination?: { total?: number; limit?: number; has_more?: boolean }
}

/** Truedy's documented default (limit 1..100). */
const DEFAULT_PAGE_SIZE = 50

export function paginateTruedy<Path extends TruedyPaginatedPath>(
  client: OpenApiClient<paths>,
  path: Path,
  ...[init, options]: PaginateArguments<GetInit<paths, Path>>
): PageIterator<TruedyPageItem<Path>> {
  return paginateGet<TruedyPageItem<Path>, OffsetPageBody>(client, path, init, options, {
    kind: 'offset',
    defaultPageSize: DEFAULT_PAGE_SIZE,
    query: ({ offset, pageSize }) => ({ offset, limit: pageSize }),
    read: ({ data, pagination }, pageSize) => ({
      items: data as TruedyPageItem<Path>[],
      total: typeof pagination?.total === 'number' ? pagination.total : null,
      // Without pagination info, a full page may have a successor; a short one does not.
      hasMore: pagination?.has_more ?? data.length >= pageSize,
      pageSize: pagination?.limit,
    }),
  })
}
