import {
  type GetInit,
  type GetResponseBody,
  isRecord,
  type OpenApiClient,
  type PageIterator,
  type PaginateArguments,
  type PathsWithGetBody,
  paginateGet,
  readCount,
  requireArray,
  requireRecord,
} from '@voicebatch/core'
import type { paths, Readable } from '@voicebatch/truedy-types'

/** Truedy GET paths that answer `{ data: [...], pagination? }`: derived from the spec's types. */
export type TruedyPaginatedPath = PathsWithGetBody<paths, { data: unknown[]; pagination?: unknown }>

/** What one of those pages holds, in the form the server returns it. */
export type TruedyPageItem<Path extends TruedyPaginatedPath> =
  Readable<GetResponseBody<paths, Path>> extends { data: (infer Item)[] } ? Item : never

/** Truedy's documented default (limit 1..100). */
const DEFAULT_PAGE_SIZE = 50

export function paginateTruedy<Path extends TruedyPaginatedPath>(
  client: OpenApiClient<paths>,
  path: Path,
  ...[init, options]: PaginateArguments<GetInit<paths, Path>>
): PageIterator<TruedyPageItem<Path>> {
  return paginateGet<TruedyPageItem<Path>, unknown>(client, path, init, options, {
    kind: 'offset',
    defaultPageSize: DEFAULT_PAGE_SIZE,
    startParameter: 'offset',
    pageSizeParameter: 'limit',
    query: ({ offset, pageSize }) => ({ offset, limit: pageSize }),
    read: (body, pageSize) => {
      const page = requireRecord(body, 'a JSON object')
      const items = requireArray(page.data, 'data') as TruedyPageItem<Path>[]
      const pagination = isRecord(page.pagination) ? page.pagination : {}
      return {
        items,
        total: readCount(pagination.total),
        // Without pagination info, a full page may have a successor; a short one does not.
        hasMore: typeof pagination.has_more === 'boolean' ? pagination.has_more : items.length >= pageSize,
        pageSize: readCount(pagination.limit) ?? undefined,
      }
    },
  })
}
