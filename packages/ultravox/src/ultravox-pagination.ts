import {
  type GetInit,
  type GetResponseBody,
  InvalidResponseError,
  type OpenApiClient,
  type PageIterator,
  type PaginateArguments,
  type PathsWithGetBody,
  paginateGet,
} from '@voicebatch/core'
import type { paths, Readable } from '@voicebatch/ultravox-types'

/** Ultravox GET paths that answer `{ next, previous, results, total }`: derived from the spec's types. */
export type UltravoxPaginatedPath = PathsWithGetBody<paths, { results: unknown[]; next?: string | null }>

/** What one of those pages holds, in the form the server returns it. */
export type UltravoxPageItem<Path extends UltravoxPaginatedPath> =
  Readable<GetResponseBody<paths, Path>> extends { results: (infer Item)[] } ? Item : never

interface CursorPageBody {
  results: unknown[]
  next?: string | null
  total?: number
}

function invalidNextLink(next: string, problem: string): InvalidResponseError {
  return new InvalidResponseError({
    provider: 'ultravox',
    status: 200,
    message: `ultravox: the next-page link ${problem}`,
    snippet: next.slice(0, 200),
  })
}

/**
 * The cursor of a `next` URL. Only the cursor is kept: the next page is asked of the configured base
 * URL, so a `next` pointing at another host never receives the API key.
 */
function cursorOf(next: string | null | undefined): string | null {
  if (next === null || next === undefined || next === '') return null
  let cursor: string | null
  try {
    cursor = new URL(next).searchParams.get('cursor')
  } catch {
    throw invalidNextLink(next, 'is not a URL')
  }
  if (!cursor) throw invalidNextLink(next, 'has no cursor')
  return cursor
}

export function paginateUltravox<Path extends UltravoxPaginatedPath>(
  client: OpenApiClient<paths>,
  path: Path,
  ...[init, options]: PaginateArguments<GetInit<paths, Path>>
): PageIterator<UltravoxPageItem<Path>> {
  return paginateGet<UltravoxPageItem<Path>, CursorPageBody>(client, path, init, options, {
    kind: 'cursor',
    query: ({ cursor, pageSize }) => ({
      ...(cursor === undefined ? {} : { cursor }),
      ...(pageSize === undefined ? {} : { pageSize }),
    }),
    read: (body) => ({
      items: body.results as UltravoxPageItem<Path>[],
      total: typeof body.total === 'number' ? body.total : null,
      nextCursor: cursorOf(body.next),
    }),
  })
}
