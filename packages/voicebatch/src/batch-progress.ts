import type { CallBatch } from './call-batch.js'
import type { Provider } from './provider.js'

/** The fields of a batch whose change `watchBatch` reports. */
export type BatchChange =
  | 'status'
  | 'totalCalls'
  | 'finishedCalls'
  | 'failedCalls'
  | 'scheduledAt'
  | 'endedAt'

const trackedFields: readonly Exclude<BatchChange, 'finishedCalls'>[] = [
  'status',
  'totalCalls',
  'failedCalls',
  'scheduledAt',
  'endedAt',
]

/** One snapshot of a followed batch. */
export interface BatchProgress<P extends Provider = Provider> {
  batch: CallBatch<P>
  /** What changed since the previous snapshot; the first snapshot lists every field. */
  changes: readonly BatchChange[]
  /** Calls over (succeeded or failed), in the provider's counters (Techladder: completed + failed). */
  finishedCalls: number | null
  /** Since watching began, in ms. */
  elapsedMs: number
  /** Calls finished per minute since watching began; null until it can be told. */
  ratePerMinute: number | null
  /** Time left at that rate, in ms: 0 once the batch is over, null when unknown (no rate yet, paused...). */
  etaMs: number | null
  /** The batch reached a terminal status (completed, failed, cancelled): no snapshot follows. */
  done: boolean
}

export const terminalStatuses: ReadonlySet<string> = new Set(['completed', 'failed', 'cancelled'])

/** What changed from `previous` to `batch` (every field when there was none). */
export function changesBetween(
  previous: { batch: CallBatch; finishedCalls: number | null } | null,
  batch: CallBatch,
  finishedCalls: number | null,
): BatchChange[] {
  if (previous === null) return [...trackedFields.slice(0, 2), 'finishedCalls', ...trackedFields.slice(2)]
  const changes: BatchChange[] = trackedFields.filter((field) => previous.batch[field] !== batch[field])
  if (previous.finishedCalls !== finishedCalls) changes.push('finishedCalls')
  return changes
}

/** Rate and ETA from the first snapshot's count to this one. */
export function progressOf<P extends Provider>(
  batch: CallBatch<P>,
  finishedCalls: number | null,
  changes: readonly BatchChange[],
  started: { at: number; finishedCalls: number | null },
  now: number,
): BatchProgress<P> {
  const elapsedMs = Math.max(0, now - started.at)
  const done = terminalStatuses.has(batch.status)
  let ratePerMinute: number | null = null
  if (finishedCalls !== null && started.finishedCalls !== null && elapsedMs > 0) {
    ratePerMinute = ((finishedCalls - started.finishedCalls) / elapsedMs) * 60_000
  }
  let etaMs: number | null = null
  if (done) etaMs = 0
  else if (
    ratePerMinute !== null &&
    ratePerMinute > 0 &&
    batch.totalCalls !== null &&
    finishedCalls !== null
  ) {
    etaMs = Math.round((Math.max(0, batch.totalCalls - finishedCalls) / ratePerMinute) * 60_000)
  }
  if (batch.status === 'paused') etaMs = null
  return { batch, changes, finishedCalls, elapsedMs, ratePerMinute, etaMs, done }
}
