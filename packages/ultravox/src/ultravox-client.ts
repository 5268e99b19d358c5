import {
  type ClientOptions,
  createOpenApiClient,
  type GetInit,
  type OpenApiClient,
  type PageIterator,
  type PaginateArguments,
} from '@voicebatch/core'
import type { paths } from '@voicebatch/ultravox-types'
import { parseUltravoxError } from './ultravox-errors.js'
import { paginateUltravox, type UltravoxPageItem, type UltravoxPaginatedPath } from './ultravox-pagination.js'

/** The options of `createUltravoxClient`: the options every voicebatch client takes. */
export type UltravoxClientOptions = ClientOptions

/** A typed openapi-fetch client of the Ultravox API, with retries, typed errors and `paginate`. */
export type UltravoxClient = OpenApiClient<paths> & {
  /** Items across every page of a paginated GET; follows `next` cursors against the configured base URL. */
  paginate<Path extends UltravoxPaginatedPath>(
    path: Path,
    ...args: PaginateArguments<GetInit<paths, Path>>
  ): PageIterator<UltravoxPageItem<Path>>
}

/** What makes the Ultravox client: its base URL, API key variable, auth header and error envelope. */
export const ultravoxProvider = {
  provider: 'ultravox',
  factoryName: 'createUltravoxClient',
  envVar: 'ULTRAVOX_API_KEY',
  defaultBaseUrl: 'https://api.ultravox.ai',
  /** The header that carries the API key. */
  authHeaders: (apiKey: string): { 'X-API-Key': string } => ({ 'X-API-Key': apiKey }),
  /** Reads Ultravox's error envelope. */
  parseError: parseUltravoxError as typeof parseUltravoxError,
} as const

/** A typed Ultravox client: plain openapi-fetch (`GET`, `POST`, ...) plus `paginate` and `unwrap`. */
export function createUltravoxClient(options: UltravoxClientOptions = {}): UltravoxClient {
  const client = createOpenApiClient<paths>(ultravoxProvider, options)
  return Object.assign(client, {
    paginate: <Path extends UltravoxPaginatedPath>(
      path: Path,
      ...args: PaginateArguments<GetInit<paths, Path>>
    ) => paginateUltravox(client, path, ...args),
  })
}
