import {
  type ClientOptions,
  createOpenApiClient,
  type GetInit,
  type OpenApiClient,
  type PageIterator,
  type PaginateArguments,
} from '@voicebatch/core'
import type { paths } from '@voicebatch/truedy-types'
import { parseTruedyError } from './truedy-errors.js'
import { paginateTruedy, type TruedyPageItem, type TruedyPaginatedPath } from './truedy-pagination.js'

/** The options of `createTruedyClient`: the options every voicebatch client takes. */
export type TruedyClientOptions = ClientOptions

/** A typed openapi-fetch client of the Truedy API, with retries, typed errors and `paginate`. */
export type TruedyClient = OpenApiClient<paths> & {
  /** Items across every page of a paginated GET (offsets; `concurrency` fetches ahead once the total is known). */
  paginate<Path extends TruedyPaginatedPath>(
    path: Path,
    ...args: PaginateArguments<GetInit<paths, Path>>
  ): PageIterator<TruedyPageItem<Path>>
}

/** What makes the Truedy client: its base URL, API key variable, auth header and error envelope. */
export const truedyProvider = {
  provider: 'truedy',
  factoryName: 'createTruedyClient',
  envVar: 'TRUEDY_API_KEY',
  defaultBaseUrl: 'https://api.truedy.ai/api/public/v1',
  /** The header that carries the API key. */
  authHeaders: (apiKey: string): { Authorization: string } => ({ Authorization: `Bearer ${apiKey}` }),
  /** Reads Truedy's error envelope. */
  parseError: parseTruedyError as typeof parseTruedyError,
} as const

/** A typed Truedy client: plain openapi-fetch (`GET`, `POST`, ...) plus `paginate` and `unwrap`. */
export function createTruedyClient(options: TruedyClientOptions = {}): TruedyClient {
  const client = createOpenApiClient<paths>(truedyProvider, options)
  return Object.assign(client, {
    paginate: <Path extends TruedyPaginatedPath>(
      path: Path,
      ...args: PaginateArguments<GetInit<paths, Path>>
    ) => paginateTruedy(client, path, ...args),
  })
}
