import { hash32, unit } from './deterministic.js'

/** How fast the mocks' created batches dial, and how their calls end. */
export interface DialingPace {
  /** Average length of a call, in ms; each call takes between half and one and a half of it. */
  readonly callDurationMs: number
  /** Calls in progress at once, unless the batch asks for its own concurrency. */
  readonly concurrency: number
  /** Share of calls that fail, from 0 to 1. */
  readonly failureRate: number
}

export const DEFAULT_DIALING_PACE: DialingPace = { callDurationMs: 60_000, concurrency: 5, failureRate: 0.15 }

/** One call of a created batch, in the batch's active time. */
export interface PlannedCall {
  readonly start: number
  readonly end: number
  readonly fails: boolean
  /** Picks among a provider's failure reasons. */
  readonly reason: number
}

/**
 * Calls in order, each on the first line to come free (`concurrency` lines), with lengths and
 * outcomes drawn from the seed: the same seed and batch always dial the same way.
 */
export function planCalls(
  count: number,
  pace: DialingPace,
  concurrency: number,
  ...seed: number[]
): PlannedCall[] {
  const lines = Array.from({ length: Math.max(1, Math.floor(concurrency)) }, () => 0)
  const calls: PlannedCall[] = []
  for (let index = 0; index < count; index++) {
    let line = 0
    for (let other = 1; other < lines.length; other++)
      if ((lines[other] as number) < (lines[line] as number)) line = other
    const start = lines[line] as number
    const length = Math.max(1, Math.round(pace.callDurationMs * (0.5 + unit(hash32(...seed, index, 1)))))
    const end = start + length
    lines[line] = end
    calls.push({
      start,
      end,
      fails: unit(hash32(...seed, index, 2)) < pace.failureRate,
      reason: hash32(...seed, index, 3),
    })
  }
  return calls
}
