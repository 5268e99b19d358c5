export {
  ApiError,
  type AttemptEvent,
  type AttemptResultEvent,
  AuthenticationError,
  BadRequestError,
  ConfigurationError,
  ConflictError,
  ConnectionError,
  InternalServerError,
  InvalidParameterError,
  InvalidResponseError,
  type Logger,
  type LogLevel,
  NotFoundError,
  type Page,
  type PageIterator,
  type PaginateOptions,
  PaginationError,
  PermissionDeniedError,
  RateLimitError,
  RequestAbortedError,
  type RetryEvent,
  TimeoutError,
  UnprocessableEntityError,
  VoiceBatchError,
} from '@voicebatch/core'
export type { BatchCall, CallStatus, ProviderBatchCall, RawCall, RawCalls } from './batch-call.js'
export { callStatuses } from './batch-call.js'
export type { BatchChange, BatchProgress } from './batch-progress.js'
export type { BatchStatus, CallBatch, ProviderCallBatch, RawBatch, RawBatches } from './call-batch.js'
export { batchStatuses } from './call-batch.js'
export type {
  BatchCapabilities,
  BatchOperation,
  ProviderCapabilities,
  ProvidersWith,
  UnsupportedArguments,
} from './capabilities.js'
export type {
  BatchSchedule,
  ContactInput,
  CreateBatchInput,
  CreateBatchInputOf,
  CreateBatchOptions,
} from './create-batch-input.js'
export { createVoiceBatch } from './create-voicebatch.js'
export { createVoiceBatchFrom } from './create-voicebatch-from.js'
export type { BatchRef } from './get-batch.js'
export type { BatchIterator, BatchPage, ListBatchesOptions } from './list-batches.js'
export type { CallsRef } from './list-calls.js'
export { normalizeBatch, normalizeCall } from './normalize.js'
export type { NormalizeBatchContext, NormalizeCallContext } from './normalize-context.js'
export { type Provider, providers } from './provider.js'
export type {
  BatchLocation,
  BatchSource,
  BatchSourceFilter,
  ProviderAdapter,
  RequestOptions,
  VoiceBatchAdapters,
} from './provider-adapter.js'
export { type ProviderFailure, ProviderFailuresError } from './provider-failures-error.js'
export { techladderAdapter } from './providers/techladder-adapter.js'
export type { TechladderCreateOptions } from './providers/techladder-create.js'
export { truedyAdapter } from './providers/truedy-adapter.js'
export type { TruedyCreateOptions, Weekday } from './providers/truedy-create.js'
export { type UltravoxAdapterOptions, ultravoxAdapter } from './providers/ultravox-adapter.js'
export type { UltravoxCreateOptions, UltravoxPhoneMedium } from './providers/ultravox-create.js'
export { UnsupportedOperationError } from './unsupported-operation-error.js'
export type { VoiceBatch, VoiceBatchOperations } from './voicebatch.js'
export type {
  ConfiguredProvider,
  ProviderClients,
  SurelyConfiguredProvider,
  UltravoxConfig,
  VoiceBatchConfig,
  VoiceBatchSetup,
} from './voicebatch-config.js'
export type { WatchBatchOptions } from './watch-batch.js'
export type { WatchBatchesFilter, WatchBatchesOptions } from './watch-batches.js'
