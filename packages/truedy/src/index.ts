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
export type * from '@voicebatch/truedy-types'
export {
  batchCallStatusValues,
  contactSourceValues,
  phoneRotationStrategyValues,
  scheduleTypeValues,
  specInfo,
} from '@voicebatch/truedy-types'
export {
  createTruedyClient,
  type TruedyClient,
  type TruedyClientOptions,
  truedyProvider,
} from './truedy-client.js'
export type { TruedyPageItem, TruedyPaginatedPath } from './truedy-pagination.js'
