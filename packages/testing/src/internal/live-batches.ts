import type { DialedBatch, DialSnapshot } from './dialed-batch.js'

/**
 * The created batches of one mock that dial. Before each request the server brings every batch
 * still dialing up to the clock, so lists, filters and single reads all see the same state.
 */
export class LiveBatches {
  readonly #batches = new Map<string, DialedBatch>()
  readonly #dialing = new Set<string>()

  add(id: string, batch: DialedBatch): void {
    this.#batches.set(id, batch)
    this.#dialing.add(id)
  }

  get(id: string): DialedBatch | undefined {
    return this.#batches.get(id)
  }

  delete(id: string): void {
    this.#batches.delete(id)
    this.#dialing.delete(id)
  }

  /** A batch changed (paused, resumed, rescheduled): follow it again even if it had finished. */
  wake(id: string): void {
    if (this.#batches.has(id)) this.#dialing.add(id)
  }

  /** Hands each batch still dialing its snapshot at `now`; finished ones are then left alone. */
  refresh(now: number, apply: (id: string, snapshot: DialSnapshot, batch: DialedBatch) => void): void {
    for (const id of this.#dialing) {
      const batch = this.#batches.get(id)
      if (batch === undefined) continue
      const snapshot = batch.snapshot(now)
      apply(id, snapshot, batch)
      if (snapshot.finished) this.#dialing.delete(id)
    }
  }

  clear(): void {
    this.#batches.clear()
    this.#dialing.clear()
  }
}
