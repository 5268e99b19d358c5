import { type DialingPace, type PlannedCall, planCalls } from './call-plan.js'
import { DialTimeline } from './dial-timeline.js'

/** A call's state at some time: `waiting` while its batch has not started, `queued` once it has. */
export type DialedCallState = 'waiting' | 'queued' | 'in_progress' | 'succeeded' | 'failed' | 'expired'

export interface DialedCall {
  readonly state: DialedCallState
  /** Real times, ms since the epoch; null until the call starts (ends). */
  readonly startedAt: number | null
  readonly endedAt: number | null
  readonly plan: PlannedCall
}

/** A created batch at one moment. */
export interface DialSnapshot {
  readonly calls: readonly DialedCall[]
  readonly counts: Readonly<Record<DialedCallState, number>>
  readonly started: boolean
  /** Every call succeeded, failed or expired. */
  readonly finished: boolean
  /** When the last call ended (or the window closed on the rest); null until finished. */
  readonly endedAt: number | null
}

export interface DialedBatchOptions {
  readonly calls: number
  readonly pace: DialingPace
  readonly concurrency?: number | undefined
  /** Real time dialing starts; null: not until `timeline.startAt()`. */
  readonly startsAt: number | null
  /** Real time the window closes: calls not started by then expire. */
  readonly closesAt?: number | null | undefined
  readonly paused?: boolean | undefined
  readonly seed: readonly number[]
}

/** One created batch of a mock, dialing through its calls as the server clock moves. */
export class DialedBatch {
  readonly timeline: DialTimeline
  readonly #plan: readonly PlannedCall[]
  closesAt: number | null

  constructor(options: DialedBatchOptions) {
    this.timeline = new DialTimeline(options.startsAt, options.paused ?? false)
    this.closesAt = options.closesAt ?? null
    this.#plan = planCalls(
      options.calls,
      options.pace,
      options.concurrency ?? options.pace.concurrency,
      ...options.seed,
    )
  }

  snapshot(now: number): DialSnapshot {
    const { timeline } = this
    const active = timeline.activeAt(now)
    const closed = this.closesAt !== null && now >= this.closesAt
    const cutoff = closed ? timeline.activeAt(this.closesAt as number) : Number.POSITIVE_INFINITY
    const started = timeline.hasStarted(now)
    const counts: Record<DialedCallState, number> = {
      waiting: 0,
      queued: 0,
      in_progress: 0,
      succeeded: 0,
      failed: 0,
      expired: 0,
    }
    let lastEnd = 0
    const calls = this.#plan.map((plan): DialedCall => {
      let state: DialedCallState
      if (plan.start >= cutoff || (closed && !started)) state = 'expired'
      else if (!started) state = 'waiting'
      else if (plan.start > active) state = 'queued'
      else if (plan.end > active) state = 'in_progress'
      else state = plan.fails ? 'failed' : 'succeeded'
      counts[state] += 1
      const placed = state === 'in_progress' || state === 'succeeded' || state === 'failed'
      const endedAt = state === 'succeeded' || state === 'failed' ? timeline.realAt(plan.end) : null
      if (endedAt !== null) lastEnd = Math.max(lastEnd, endedAt)
      return { state, startedAt: placed ? timeline.realAt(plan.start) : null, endedAt, plan }
    })
    const finished = counts.waiting + counts.queued + counts.in_progress === 0
    if (finished && counts.expired > 0) lastEnd = Math.max(lastEnd, this.closesAt ?? 0)
    return { calls, counts, started, finished, endedAt: finished ? lastEnd : null }
  }
}
