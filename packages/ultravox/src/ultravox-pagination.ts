import {
  type GetInit,
  type GetResponseBody,
  type OpenApiClient,
  type PageIterator,
  type PaginateArguments,
  type PathsWithGetBody,
  paginateGet,
  ResponseShapeMismatch,
  readCount,
  requireArray,
  requireRecord,
} from '@voicebatch/core'
import type { paths, Readable } from '@voicebatch/ultravox-types'

/** Ultravox GET paths that answer `{ next, previous, results, total }`: derived from the spec's types. */
export type UltravoxPaginatedPath = PathsWithGetBody<paths, { results: unknown[]; next?: string | null }>

/** What one of those pages holds, in the form the server returns it. */
export type UltravoxPageItem<Path extends UltravoxPaginatedPath> =
  Readable<GetResponseBody<paths, Path>> extends { results: (infer Item)[] } ? Item : never

/**
 * The cursor of a `next` URL. Only the cursor is kept: the next page is asked of the configured base
 * URL, so a `next` pointing at another host never receives the API key.
 */
function cursorOf(next: unknown): string | null {
  if (next === null || next === undefined || next === '') return null
  let cursor: string | null = null
  try {
    cursor = typeof next === 'string' ? new URL(next).searchParams.get('cursor') : null
  } catch {}
  if (!cursor) throw new ResponseShapeMismatch('next (a URL with a cursor, or null)', next)
  return cursor
}

export function paginateUltravox<Path extends UltravoxPaginatedPath>(
  client: OpenApiClient<paths>,
  path: Path,
  ...[init, options]: PaginateArguments<GetInit<paths, Path>>
): PageIterator<UltravoxPageItem<Path>> {
  return paginateGet<UltravoxPageItem<Path>, unknown>(client, path, init, options, {
    kind: 'cursor',
    startParameter: 'cursor',
    pageSizeParameter: 'pageSize',
    query: ({ cursor, pageSize }) => ({
      ...(cursor === undefined ? {} : { cursor }),
      ...(pageSize === undefined ? {} : { pageSize }),
    }),
    read: (body) => {
      const page = requireRecord(body, 'a JSON object')
      return {
        items: requireArray(page.results, 'results') as UltravoxPageItem<Path>[],
        total: readCount(page.total),
        nextCursor: cursorOf(page.next),
      }
    },
  })
}
