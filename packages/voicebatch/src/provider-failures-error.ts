import { VoiceBatchError } from '@voicebatch/core'
import type { Provider } from './provider.js'

/** One provider (for Ultravox: one agent) whose listing failed while the others went on. */
export interface ProviderFailure {
  provider: Provider
  /** Ultravox: the agent whose batches could not be listed; null for the other providers. */
  agentId: string | null
  /** What the provider's client threw: an `ApiError` subclass, `ConnectionError`, `TimeoutError`... */
  error: Error
}

const marker = Symbol.for('voicebatch.error.ProviderFailuresError')

/**
 * Thrown by `listBatches` after every batch of the providers that answered has been yielded,
 * when one or more providers failed (unless `onError` was given, or `failFast` threw at once).
 * Like `AggregateError`, `errors` holds the errors; `failures` also names each provider.
 */
export class ProviderFailuresError extends VoiceBatchError {
  readonly failures: readonly ProviderFailure[]
  readonly errors: readonly Error[]

  constructor(failures: readonly ProviderFailure[]) {
    const described = failures.map(({ provider, agentId, error }) => {
      // Client errors already start with the provider's name.
      const message = error.message.startsWith(`${provider}: `)
        ? error.message.slice(provider.length + 2)
        : error.message
      return `${agentId === null ? provider : `${provider} (agent ${agentId})`}: ${message}`
    })
    super(
      `${failures.length === 1 ? '1 provider' : `${failures.length} providers`} failed to list batches; ` +
        `the batches of the others were listed. ${described.join('; ')}`,
    )
    this.failures = failures
    this.errors = failures.map((failure) => failure.error)
  }

  /** Works across duplicate installs of this package, like the other error classes' `isInstance`. */
  static override readonly isInstance = (value: unknown): value is ProviderFailuresError =>
    typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[marker] === true

  override toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      failures: this.failures.map(({ provider, agentId, error }) => ({
        provider,
        agentId,
        error:
          typeof (error as { toJSON?: unknown }).toJSON === 'function'
            ? error
            : { name: error.name, message: error.message },
      })),
    }
  }
}

Object.defineProperty(ProviderFailuresError.prototype, 'name', {
  value: 'ProviderFailuresError',
  writable: true,
  configurable: true,
})
Object.defineProperty(ProviderFailuresError.prototype, marker, { value: true })

/** An `Error` for whatever was thrown. */
export function asError(thrown: unknown): Error {
  if (thrown instanceof Error) return thrown
  try {
    return new Error(String(thrown))
  } catch {
    return new Error('A non-error value was thrown')
  }
}
