export type {
  AttemptEvent,
  AttemptResultEvent,
  Logger,
  LogLevel,
  Page,
  PageIterator,
  PaginateOptions,
  RetryEvent,
} from '@voicebatch/core'
export * from '@voicebatch/core/errors'
export type * from '@voicebatch/ultravox-types'
export { scheduledCallStatusEnumValues, specInfo } from '@voicebatch/ultravox-types'
export {
  createUltravoxClient,
  type UltravoxClient,
  type UltravoxClientOptions,
  ultravoxProvider,
} from './ultravox-client.js'
export type { UltravoxPageItem, UltravoxPaginatedPath } from './ultravox-pagination.js'
