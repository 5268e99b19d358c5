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

/** Share of the turns left out at each end of a variant's own times: see `interleavedTurns`. */
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
  /** CPU per operation of each turn, in block order: the same index is the same block for every variant. */
  turnCpu: number[]
  /** The window of `TurnOptions.windowMs` each block fell in. */
  turnWindow: number[]
}

/**
 * Times per operation of each variant, measured in short turns: in each block every variant takes
 * one turn, in a new random order, so that every variant meets the machine in the same states.
 *
 * This VM's speed changes over tens of milliseconds (other guests, the host's caches). With turns
 * of 50 ms, an A/A comparison of one variant against itself over 2 s ranged 0.91x-1.12x; with
 * turns of 0.5 ms it ranged 0.996x-1.018x. Short turns also mean that a single event (a
 * preemption, a GC pause, a major GC's background marking) falls in one turn, as an outlier, which
 * `turnRatio` leaves aside. The order is shuffled, not alternated: a variant that often ran twice
 * in a row (the first and last of an A B C, C B A order) came out 2% cheaper than its twin in the
 * middle.
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
  const turnWindow: number[] = []
  const takeTurns = async (durationMs: number, record: boolean) => {
    const start = process.hrtime.bigint()
    const end = start + BigInt(Math.round(durationMs * 1e6))
    while (process.hrtime.bigint() < end) {
      const window = Math.floor(Number(process.hrtime.bigint() - start) / 1e6 / options.windowMs)
      for (const name of shuffled(names)) {
        const count = perTurn.get(name) as number
        const { wall, cpu } = await timeBatch(variants[name], count)
        if (!record) continue
        const taken = samples.get(name) as { cpu: number[]; wall: number[] }
        taken.cpu.push(cpu / count)
        taken.wall.push(wall / count)
      }
      if (record) turnWindow.push(window)
    }
  }
  await takeTurns(options.warmupMs, false)
  await takeTurns(options.durationMs, true)
  return Object.fromEntries(
    names.map((name) => {
      const { cpu, wall } = samples.get(name) as { cpu: number[]; wall: number[] }
      const totals: TurnTotals = {
        operations: cpu.length * (perTurn.get(name) as number),
        turns: cpu.length,
        cpu: trimmedMean(cpu),
        cpuAll: cpu.reduce((sum, value) => sum + value, 0) / cpu.length,
        wall: trimmedMean(wall),
        turnCpu: cpu,
        turnWindow,
      }
      return [name, totals]
    }),
  ) as Record<Name, TurnTotals>
}

/** A copy of `items` in a random order (Fisher-Yates). */
function shuffled<Item>(items: readonly Item[]): Item[] {
  const copy = [...items]
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(Math.random() * (index + 1))
    ;[copy[index], copy[other]] = [copy[other] as Item, copy[index] as Item]
  }
  return copy
}

/** The mean of `values` without the `TRIMMED_SHARE` lowest and highest of them. */
export function trimmedMean(values: readonly number[]): number {
  if (values.length === 0) throw new Error('no samples')
  const sorted = [...values].sort((a, b) => a - b)
  const cut = Math.floor(sorted.length * TRIMMED_SHARE)
  const kept = sorted.slice(cut, sorted.length - cut)
  return kept.reduce((sum, value) => sum + value, 0) / kept.length
}

export interface TurnRatio {
  /** The median over the blocks of `variant`'s turn divided by `baseline`'s turn of the same block. */
  ratio: number
  /** The ratio of the mean CPU per operation over every turn: GC and preemptions all counted. */
  untrimmed: number
  /** The same median within each window: how far it moved over the run. */
  windows: Stats
}

/**
 * `variant`'s CPU per operation over `baseline`'s. Each block's two turns ran moments apart, so
 * their ratio carries little of the machine's drift; the median of those ratios leaves aside the
 * blocks where a GC or a preemption fell in one of the two. With 16 requests in flight, an A/A
 * comparison came out at 0.99x-1.01x this way, and at 0.91x-1.08x as a ratio of trimmed means.
 */
export function turnRatio(variant: TurnTotals, baseline: TurnTotals): TurnRatio {
  const ratios = variant.turnCpu.map((cpu, block) => cpu / (baseline.turnCpu[block] as number))
  const byWindow = new Map<number, number[]>()
  ratios.forEach((ratio, block) => {
    const window = variant.turnWindow[block] as number
    const inWindow = byWindow.get(window)
    if (inWindow === undefined) byWindow.set(window, [ratio])
    else inWindow.push(ratio)
  })
  // The last window is only what was left of the duration: it counts in the whole, not as a window.
  const windows = [...byWindow.values()]
  if (windows.length > 1) windows.pop()
  return {
    ratio: summarize(ratios).median,
    untrimmed: variant.cpuAll / baseline.cpuAll,
    windows: summarize(windows.map((values) => summarize(values).median)),
  }
}
