import { VoiceBatchError } from '@voicebatch/core'
import type { BatchOperation } from './capabilities.js'
import type { Provider } from './provider.js'

const marker = Symbol.for('voicebatch.error.UnsupportedOperationError')

/**
 * The provider's API has no endpoint for the operation (Techladder cannot pause a batch; no
 * provider documents a cancel). Thrown before any request; `vb.capabilities(provider)` tells in advance.
 */
export class UnsupportedOperationError extends VoiceBatchError {
  readonly provider: Provider
  readonly operation: BatchOperation

  constructor(provider: Provider, operation: BatchOperation, hint?: string) {
    super(
      `${provider} cannot ${operation} a batch: its API has no endpoint for it${hint === undefined ? '' : ` (${hint})`}. See vb.capabilities('${provider}').`,
    )
    this.provider = provider
    this.operation = operation
  }

  /** Works across duplicate installs of this package, like the other error classes' `isInstance`. */
  static override readonly isInstance = (value: unknown): value is UnsupportedOperationError =>
    typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[marker] === true

  override toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, provider: this.provider, operation: this.operation }
  }
}

Object.defineProperty(UnsupportedOperationError.prototype, 'name', {
  value: 'UnsupportedOperationError',
  writable: true,
  configurable: true,
})
Object.defineProperty(UnsupportedOperationError.prototype, marker, { value: true })
