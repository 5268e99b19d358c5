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
export type * from '@voicebatch/techladder-types'
export { callBatchStatusValues, specInfo, startModeValues } from '@voicebatch/techladder-types'
export {
  createTechladderClient,
  type TechladderClient,
  type TechladderClientOptions,
  techladderProvider,
} from './techladder-client.js'
export type { TechladderPageItem, TechladderPaginatedPath } from './techladder-pagination.js'
