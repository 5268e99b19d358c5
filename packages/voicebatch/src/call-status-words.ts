import type { CallStatus } from './batch-call.js'

/**
 * The call words Techladder documents (an open list), which Truedy's contacts use too; anything
 * else is `unknown`, with the word kept in `rawStatus`.
 */
export const documentedCallStatuses: ReadonlyArray<readonly [string, CallStatus]> = [
  ['pending', 'queued'],
  ['queued', 'queued'],
  ['ringing', 'in_progress'],
  ['in_progress', 'in_progress'],
  ['completed', 'completed'],
  ['failed', 'failed'],
]
