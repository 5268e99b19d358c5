import {
  type GetInit,
  type GetResponseBody,
  type OpenApiClient,
  type PageIterator,
  type PaginateArguments,
  type PathsWithGetBody,
  paginateGet,
  readCount,
  requireArray,
  requireBoolean,
  requireRecord,
} from '@voicebatch/core'
import type { paths, Readable } from '@voicebatch/techladder-types'

/** Techladder GET paths whose envelope holds `data: { items, total, page, limit, has_more }`: derived from the spec's types. */
export type TechladderPaginatedPath = PathsWithGetBody<
  paths,
  { data: { items: unknown[]; has_more: boolean } }
>

/** What one of those pages holds, in the form the server returns it. */
export type TechladderPageItem<Path extends TechladderPaginatedPath> =
  Readable<GetResponseBody<paths, Path>> extends { data: { items: (infer Item)[] } } ? Item : never

/** Within the documented limits of every Techladder list (batches: max 100, calls: max 500). */
const DEFAULT_PAGE_SIZE = 50

export function paginateTechladder<Path extends TechladderPaginatedPath>(
  client: OpenApiClient<paths>,
  path: Path,
  ...[init, options]: PaginateArguments<GetInit<paths, Path>>
): PageIterator<TechladderPageItem<Path>> {
  return paginateGet<TechladderPageItem<Path>, unknown>(client, path, init, options, {
    kind: 'page',
    defaultPageSize: DEFAULT_PAGE_SIZE,
    startParameter: 'page',
    pageSizeParameter: 'limit',
    query: ({ page, pageSize }) => ({ page, limit: pageSize }),
    read: (body) => {
      const data = requireRecord(requireRecord(body, 'a JSON object').data, 'data')
      return {
        items: requireArray(data.items, 'data.items') as TechladderPageItem<Path>[],
        total: readCount(data.total),
        hasMore: requireBoolean(data.has_more, 'data.has_more'),
        pageSize: readCount(data.limit) ?? undefined,
      }
    },
  })
}
