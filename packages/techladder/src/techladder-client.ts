import {
  type ClientOptions,
  createOpenApiClient,
  type GetInit,
  type OpenApiClient,
  type PageIterator,
  type PaginateArguments,
} from '@voicebatch/core'
import type { paths } from '@voicebatch/techladder-types'
import { parseTechladderError } from './techladder-errors.js'
import {
  paginateTechladder,
  type TechladderPageItem,
  type TechladderPaginatedPath,
} from './techladder-pagination.js'

/** The options of `createTechladderClient`: the options every voicebatch client takes. */
export type TechladderClientOptions = ClientOptions

/** A typed openapi-fetch client of the Techladder API, with retries, typed errors and `paginate`. */
export type TechladderClient = OpenApiClient<paths> & {
  /** Items across every page of a paginated GET (page numbers; `concurrency` fetches ahead once the total is known). */
  paginate<Path extends TechladderPaginatedPath>(
    path: Path,
    ...args: PaginateArguments<GetInit<paths, Path>>
  ): PageIterator<TechladderPageItem<Path>>
}

/** What makes the Techladder client: its base URL, API key variable, auth header and error envelope. */
export const techladderProvider = {
  provider: 'techladder',
  factoryName: 'createTechladderClient',
  envVar: 'TECHLADDER_API_KEY',
  defaultBaseUrl: 'https://api.staging.techladder.ai/api/v1/public',
  /** The header that carries the API key. */
  authHeaders: (apiKey: string): { Authorization: string } => ({ Authorization: `Bearer ${apiKey}` }),
  /** Reads Techladder's error envelope. */
  parseError: parseTechladderError as typeof parseTechladderError,
} as const

/** A typed Techladder client: plain openapi-fetch (`GET`, `POST`, ...) plus `paginate` and `unwrap`. */
export function createTechladderClient(options: TechladderClientOptions = {}): TechladderClient {
  const client = createOpenApiClient<paths>(techladderProvider, options)
  return Object.assign(client, {
    paginate: <Path extends TechladderPaginatedPath>(
      path: Path,
      ...args: PaginateArguments<GetInit<paths, Path>>
    ) => paginateTechladder(client, path, ...args),
  })
}
