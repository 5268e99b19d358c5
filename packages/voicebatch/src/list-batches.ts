import { ConfigurationError, type Page, type PageIterator, type PaginateOptions } from '@voicebatch/core'
import { type PlannedBatchSource, planBatchSources, statusSet } from './batch-sources.js'
import type { BatchStatus, CallBatch } from './call-batch.js'
import { checkLimit } from './check-limit.js'
import { configuredProviders, type FacadeState } from './facade-state.js'
import { mergeAsyncIterables } from './merge-iterators.js'
import type { Provider } from './provider.js'
import { asError, type ProviderFailure, ProviderFailuresError } from './provider-failures-error.js'

export interface ListBatchesOptions<P extends Provider = Provider> extends PaginateOptions {
  /** Default: every configured provider. */
  providers?: readonly P[] | undefined
  /** Only batches in this status (or these). Sent to Techladder and Truedy, checked locally for all. */
  status?: BatchStatus | readonly BatchStatus[] | undefined
  /** Ultravox: list this agent instead of the configured `agentIds`. Techladder: sent as `agent_id`. Truedy: checked locally. */
  agentId?: string | undefined
  /** Throw the first provider's error at once, stopping the others. Default false. */
  failFast?: boolean | undefined
  /**
   * Called with each provider that fails; iteration then ends normally instead of throwing
   * `ProviderFailuresError` after the other providers' batches.
   */
  onError?: ((failure: ProviderFailure) => void) | undefined
}

/** A page of one provider's batches. */
export interface BatchPage<P extends Provider = Provider> extends Page<CallBatch<P>> {
  provider: P
  /** Ultravox: the agent listed; null for the other providers. */
  agentId: string | null
}

export interface BatchIterator<P extends Provider = Provider> extends PageIterator<CallBatch<P>> {
  /** Pages as they arrive from each provider. `total` is the server's, or null when the facade filters locally. */
  pages(): AsyncIterable<BatchPage<P>>
  /** The providers that failed during the latest iteration (so far). */
  readonly failures: readonly ProviderFailure[]
}

/**
 * Batches of several providers, fetched concurrently; each provider's batches keep its order.
 * Nothing is requested until iteration starts, and each iteration starts over.
 */
export function listBatches(state: FacadeState, options: ListBatchesOptions = {}): BatchIterator {
  const selected = options.providers ?? configuredProviders(state)
  if (options.providers === undefined && selected.length === 0) {
    throw new ConfigurationError('No provider is configured: pass at least one provider to createVoiceBatch.')
  }
  if (options.agentId !== undefined && (typeof options.agentId !== 'string' || options.agentId === '')) {
    throw new ConfigurationError('Invalid agentId: expected a non-empty string.')
  }
  const sources = planBatchSources(state, {
    providers: [...new Set(selected)],
    statuses: statusSet(options.status),
    agentId: options.agentId,
  })
  const limit = checkLimit(options.limit ?? Number.POSITIVE_INFINITY)
  checkPositive('pageSize', options.pageSize)
  checkPositive('concurrency', options.concurrency)
  let failures: ProviderFailure[] = []

  async function* pages(limit: number): AsyncGenerator<BatchPage> {
    const iterationFailures: ProviderFailure[] = []
    failures = iterationFailures
    if (limit === 0) return
    const controller = new AbortController()
    const callerSignal = options.signal
    const onCallerAbort = () => controller.abort(callerSignal?.reason)
    callerSignal?.addEventListener('abort', onCallerAbort, { once: true })
    if (callerSignal?.aborted) controller.abort(callerSignal.reason)

    const streams = sources.map((source) =>
      source.open(pageOptions(options, source, limit, controller.signal)),
    )
    const onSourceError = (index: number, error: unknown) => {
      const source = sources[index] as PlannedBatchSource
      if (options.failFast === true || callerSignal?.aborted === true) throw error
      const failure: ProviderFailure = {
        provider: source.provider,
        agentId: source.agentId,
        error: asError(error),
      }
      iterationFailures.push(failure)
      options.onError?.(failure)
    }
    let remaining = limit
    try {
      for await (const { index, value: page } of mergeAsyncIterables(streams, {
        onSourceError,
        cancel: () => controller.abort(),
      })) {
        const source = sources[index] as PlannedBatchSource
        const items = page.items.filter(source.keep).slice(0, remaining)
        remaining -= items.length
        yield {
          provider: source.provider,
          agentId: source.agentId,
          items,
          total: source.exact ? page.total : null,
          response: page.response,
        }
        if (remaining <= 0) break
      }
    } finally {
      callerSignal?.removeEventListener('abort', onCallerAbort)
      controller.abort()
    }
    if (iterationFailures.length > 0 && options.onError === undefined) {
      throw new ProviderFailuresError(iterationFailures)
    }
  }

  return {
    async *[Symbol.asyncIterator]() {
      for await (const page of pages(limit)) yield* page.items
    },
    pages: () => pages(limit),
    async toArray({ limit: arrayLimit } = {}) {
      const items: CallBatch[] = []
      for await (const page of pages(arrayLimit === undefined ? limit : checkLimit(arrayLimit)))
        items.push(...page.items)
      return items
    },
    get failures() {
      return failures
    },
  }
}

function pageOptions(
  options: ListBatchesOptions,
  source: PlannedBatchSource,
  limit: number,
  signal: AbortSignal,
): PaginateOptions {
  return {
    pageSize: options.pageSize,
    concurrency: options.concurrency,
    // Locally filtered sources need every page: only the merged stream can stop at the limit.
    limit: source.exact && Number.isFinite(limit) ? limit : undefined,
    signal,
  }
}

function checkPositive(name: string, value: number | undefined): void {
  if (value !== undefined && !(Number.isInteger(value) && value > 0)) {
    throw new ConfigurationError(`Invalid ${name} ${value}: expected an integer > 0.`)
  }
}
