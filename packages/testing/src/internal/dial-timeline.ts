/**
 * When a created batch dials: from its start (a window that opens, a scheduled time, "now"), minus
 * the spans it was paused. "Active time" is the time it spent dialing; calls are planned in it.
 */
export class DialTimeline {
  /** Real time the batch starts dialing; null while it waits to be started (drafts, manual starts). */
  #startsAt: number | null
  /** Spans of real time the batch dialed, oldest first; the last may be open. */
  #runs: { from: number; to: number | null }[] = []
  #paused: boolean

  constructor(startsAt: number | null, paused = false) {
    this.#startsAt = startsAt
    this.#paused = paused
    if (startsAt !== null && !paused) this.#runs.push({ from: startsAt, to: null })
  }

  get startsAt(): number | null {
    return this.#startsAt
  }

  get paused(): boolean {
    return this.#paused
  }

  /** True once the batch has dialed at `now` (its start has come and it was not paused all along). */
  hasStarted(now: number): boolean {
    return this.#runs.some((run) => run.from <= now)
  }

  pause(now: number): void {
    if (this.#paused) return
    this.#paused = true
    const last = this.#runs.at(-1)
    if (last === undefined || last.to !== null) return
    if (now <= last.from) this.#runs.pop()
    else last.to = now
  }

  resume(now: number): void {
    if (!this.#paused) return
    this.#paused = false
    if (this.#startsAt !== null) this.#runs.push({ from: Math.max(now, this.#startsAt), to: null })
  }

  /** Starts (or moves the start of) a batch that has not dialed yet; `at` in real time. */
  startAt(at: number, now: number): void {
    if (this.hasStarted(now)) return
    this.#startsAt = at
    this.#runs = this.#paused ? [] : [{ from: at, to: null }]
  }

  /** Milliseconds the batch has dialed by real time `time`. */
  activeAt(time: number): number {
    let active = 0
    for (const run of this.#runs) {
      if (time <= run.from) break
      active += Math.min(time, run.to ?? time) - run.from
    }
    return active
  }

  /** The real time at which the batch will have dialed `active` ms, as far as runs are known; null if never. */
  realAt(active: number): number | null {
    let remaining = active
    for (const run of this.#runs) {
      const length = run.to === null ? Number.POSITIVE_INFINITY : run.to - run.from
      if (remaining <= length) return run.from + remaining
      remaining -= length
    }
    return null
  }
}
