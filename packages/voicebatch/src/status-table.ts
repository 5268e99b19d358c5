import type { BatchStatus } from './call-batch.js'

/**
 * A provider's status words in the normalized model. Maps rather than objects, so that a word
 * such as `constructor` is not found on a prototype.
 */
export type StatusTable<Status> = ReadonlyMap<string, Status>

/** The normalized status of a provider's word; `unknown` for any word outside the table. */
export function statusOf<Status>(table: StatusTable<Status>, rawStatus: string | null): Status | 'unknown' {
  return (rawStatus !== null && table.get(rawStatus)) || 'unknown'
}

/**
 * The statuses a server-side filter can take: the asked ones, unless nothing is asked or
 * `unknown` is (anything outside the server's words: only a local filter can find it).
 */
export function pushableStatuses(
  statuses: ReadonlySet<BatchStatus> | undefined,
): ReadonlySet<BatchStatus> | undefined {
  return statuses === undefined || statuses.has('unknown') ? undefined : statuses
}

/** The server's words whose batches normalize to one of `statuses` (for a query filter). */
export function serverStatuses(
  table: StatusTable<BatchStatus>,
  statuses: ReadonlySet<BatchStatus>,
): string[] {
  return [...table].filter(([, status]) => statuses.has(status)).map(([word]) => word)
}
