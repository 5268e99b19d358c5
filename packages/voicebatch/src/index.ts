export {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConfigurationError,
  ConflictError,
  ConnectionError,
  InternalServerError,
  InvalidParameterError,
  InvalidResponseError,
  NotFoundError,
  type Page,
  type PageIterator,
  type PaginateOptions,
  PaginationError,
  PermissionDeniedError,
  RateLimitError,
  RequestAbortedError,
  TimeoutError,
  UnprocessableEntityError,
  VoiceBatchError,
} from '@voicebatch/core'
export type { BatchCall, CallStatus, ProviderBatchCall, RawCall, RawCalls } from './batch-call.js'
export { callStatuses } from './batch-call.js'
export type { BatchStatus, CallBatch, ProviderCallBatch, RawBatch, RawBatches } from './call-batch.js'
export { batchStatuses } from './call-batch.js'
export { createVoiceBatch, type VoiceBatch, type VoiceBatchOperations } from './create-voicebatch.js'
export type { BatchRef } from './get-batch.js'
export type { BatchIterator, BatchPage, ListBatchesOptions } from './list-batches.js'
export type { CallsRef } from './list-calls.js'
export { normalizeBatch, normalizeCall } from './normalize.js'
export type { NormalizeBatchContext, NormalizeCallContext } from './normalize-context.js'
export { type Provider, providers } from './provider.js'
export { type ProviderFailure, ProviderFailuresError } from './provider-failures-error.js'
export type {
  ConfiguredProvider,
  ProviderClients,
  SurelyConfiguredProvider,
  UltravoxConfig,
  VoiceBatchConfig,
} from './voicebatch-config.js'
