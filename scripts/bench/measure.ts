/**
 * The measuring loop (no benchmark library): warm up, calibrate how many operations fill a turn,
 * then let the variants take short turns, each timed with `process.hrtime.bigint()` and
 * `process.cpuUsage()`. Variants compared with each other run in the same stretch of time, so a
 * slow moment of the machine (2 cores, other guests) lands on all of them rather than on one.
 */

export interface Stats {
  median: number
  /** Nearest-rank 95th percentile of the samples (not of single operations). */
  p95: number
  min: number
  max: number
  samples: number
}

/** Runs the operation `count` times (sequentially, or with its own concurrency). */
export type Batch = (count: number) => Promise<void>

export function summarize(values: readonly number[]): Stats {
  if (values.length === 0) throw new Error('no samples')
  const sorted = [...values].sort((a, b) => a - b)
  const at = (quantile: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)]
  const middle = sorted.length >> 1
  const median =
    sorted.length % 2 === 1
      ? (sorted[middle] as number)
      : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
  return {
    median,
    p95: at(0.95) as number,
    min: sorted[0] as number,
    max: sorted[sorted.length - 1] as number,
    samples: sorted.length,
  }
}

/** Milliseconds since an `hrtime.bigint()` start. */
export function elapsedMs(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6
}

export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc
  if (gc === undefined) throw new Error('run with node --expose-gc (scripts/bench.ts does)')
  gc()
  gc()
}

async function timeBatch(batch: Batch, count: number): Promise<{ wall: number; cpu: number }> {
  const cpu = process.cpuUsage()
  const start = process.hrtime.bigint()
  await batch(count)
  const wall = Number(process.hrtime.bigint() - start)
  const used = process.cpuUsage(cpu)
  return { wall, cpu: (used.user + used.system) * 1000 }
}

/** Runs the batch with doubling sizes for `milliseconds`; returns its wall time per operation, in ns. */
async function warmUp(batch: Batch, milliseconds: number): Promise<number> {
  const deadline = process.hrtime.bigint() + BigInt(Math.round(milliseconds * 1e6))
  let count = 1
  let nanosecondsPerOperation = Number.POSITIVE_INFINITY
  do {
    const nanoseconds = (await timeBatch(batch, count)).wall
    nanosecondsPerOperation = nanoseconds / count
    if (nanoseconds < 5e6) count *= 2
  } while (process.hrtime.bigint() < deadline)
  return nanosecondsPerOperation
}

/** Runs `operation` `count` times with at most `concurrency` in flight. */
export async function inFlight(
  count: number,
  concurrency: number,
  operation: () => Promise<unknown>,
): Promise<void> {
  let started = 0
  const worker = async () => {
    while (started < count) {
      started++
      await operation()
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker))
}

/** Runs `operation` `count` times one after the other. */
export async function sequentially(count: number, operation: () => Promise<unknown>): Promise<void> {
  for (let index = 0; index < count; index++) await operation()
}

/** Share of the turns left out at each end before averaging: see `interleavedTurns`. */
export const TRIMMED_SHARE = 0.05

export interface TurnOptions {
  /** Time each variant first runs alone (JIT, connection pools), then all of them together, unmeasured. */
  warmupMs: number
  /** The length a turn aims at: each variant runs as many operations per turn as fill it. */
  turnMs: number
  /** A fixed number of operations per turn instead (one wave of requests in flight, say). */
  operationsPerTurn?: number | undefined
  /** How long all variants take turns, measured. */
  durationMs: number
  /** Length of the windows whose ratios show the spread. */
  windowMs: number
}

/** What `interleavedTurns` measured of one variant. Times are nanoseconds per operation. */
export interface TurnTotals {
  operations: number
  turns: number
  /** CPU time of this process (every thread) per operation: the trimmed mean over the turns. */
  cpu: number
  /** CPU time per operation over every turn, nothing left out: each GC and preemption counted. */
  cpuAll: number
  /** Wall-clock time per operation, trimmed like `cpu`. */
  wall: number
  /** `cpu` of each window of `TurnOptions.windowMs`, in the same windows for every variant. */
  windows: number[]
}

/**
 * Times per operation of each variant, measured in short turns taken in a reversing order
 * (A B C, C B A, ...), so that every variant meets the machine in the same states.
 *
 * This VM's speed changes over tens of milliseconds (other guests, the host's caches). With turns
 * of 50 ms, an A/A comparison of one variant against itself over 2 s ranged 0.91x-1.12x; with
 * turns of 0.5 ms it ranged 0.996x-1.018x. Short turns also mean that a single event (a
 * preemption, a GC pause, a major GC's background marking) falls in one turn, as an outlier: each
 * variant's time is the mean of its turns less the `TRIMMED_SHARE` fastest and slowest ones.
 * `cpuAll` keeps everything, so a variant that made much more garbage would still show there.
 */
export async function interleavedTurns<Name extends string>(
  variants: Record<Name, Batch>,
  options: TurnOptions,
): Promise<Record<Name, TurnTotals>> {
  const names = Object.keys(variants) as Name[]
  const perTurn = new Map<Name, number>()
  for (const name of names) {
    const nanoseconds = await warmUp(variants[name], options.warmupMs)
    perTurn.set(
      name,
      options.operationsPerTurn ?? Math.max(1, Math.round((options.turnMs * 1e6) / nanoseconds)),
    )
  }
  const samples = new Map(names.map((name) => [name, { cpu: [] as number[], wall: [] as number[] }]))
  const windowOfTurn: number[] = []
  const takeTurns = async (durationMs: number, record: boolean) => {
    const start = process.hrtime.bigint()
    const end = start + BigInt(Math.round(durationMs * 1e6))
    for (let block = 0; process.hrtime.bigint() < end; block++) {
      const window = Math.floor(Number(process.hrtime.bigint() - start) / 1e6 / options.windowMs)
      for (const name of block % 2 === 0 ? names : [...names].reverse()) {
        const count = perTurn.get(name) as number
        const { wall, cpu } = await timeBatch(variants[name], count)
        if (!record) continue
        const taken = samples.get(name) as { cpu: number[]; wall: number[] }
        taken.cpu.push(cpu / count)
        taken.wall.push(wall / count)
      }
      if (record) windowOfTurn.push(window)
    }
  }
  await takeTurns(options.warmupMs, false)
  await takeTurns(options.durationMs, true)
  // The last window is as long as what was left of the duration: fold it into the one before.
  const windowCount = Math.max(1, (windowOfTurn.at(-1) ?? 0) + (isShortLastWindow(windowOfTurn) ? 0 : 1))
  return Object.fromEntries(
    names.map((name) => {
      const { cpu, wall } = samples.get(name) as { cpu: number[]; wall: number[] }
      const byWindow: number[][] = Array.from({ length: windowCount }, () => [])
      cpu.forEach((value, turn) => {
        byWindow[Math.min(windowCount - 1, windowOfTurn[turn] as number)]?.push(value)
      })
      const totals: TurnTotals = {
        operations: cpu.length * (perTurn.get(name) as number),
        turns: cpu.length,
        cpu: trimmedMean(cpu),
        cpuAll: cpu.reduce((sum, value) => sum + value, 0) / cpu.length,
        wall: trimmedMean(wall),
        windows: byWindow.filter((values) => values.length > 0).map(trimmedMean),
      }
      return [name, totals]
    }),
  ) as Record<Name, TurnTotals>
}

/** Whether the last window holds fewer turns than half the one before it. */
function isShortLastWindow(windowOfTurn: readonly number[]): boolean {
  const last = windowOfTurn.at(-1)
  if (last === undefined || last === 0) return false
  const count = (window: number) => windowOfTurn.filter((value) => value === window).length
  return count(last) < count(last - 1) / 2
}

/** The mean of `values` without the `TRIMMED_SHARE` lowest and highest of them. */
export function trimmedMean(values: readonly number[]): number {
  if (values.length === 0) throw new Error('no samples')
  const sorted = [...values].sort((a, b) => a - b)
  const cut = Math.floor(sorted.length * TRIMMED_SHARE)
  const kept = sorted.slice(cut, sorted.length - cut)
  return kept.reduce((sum, value) => sum + value, 0) / kept.length
}

/** `variant`'s CPU per operation over `baseline`'s: trimmed, untrimmed, and the spread over windows. */
export function turnRatio(
  variant: TurnTotals,
  baseline: TurnTotals,
): { ratio: number; untrimmed: number; windows: Stats } {
  return {
    ratio: variant.cpu / baseline.cpu,
    untrimmed: variant.cpuAll / baseline.cpuAll,
    windows: summarize(variant.windows.map((cpu, window) => cpu / (baseline.windows[window] as number))),
  }
}
