/**
 * The measuring loop (no benchmark library): warm up, calibrate a batch size, then take samples,
 * each the mean time per operation over one batch, timed with `process.hrtime.bigint()`.
 * Variants compared with each other are sampled in interleaved rounds, so a slow moment of the
 * machine (2 cores, other work) lands on all of them rather than on one.
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

export interface SamplingOptions {
  /** Time each variant runs before sampling starts (JIT, connection pools, caches). */
  warmupMs: number
  /** Target duration of one sample. */
  sampleMs: number
  samples: number
}

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

/** Per-operation times of one batch of a variant, in nanoseconds. */
export interface Measured {
  /** Wall-clock time: what the targets use. */
  wall: Stats
  /**
   * CPU time of this process (every thread: GC and JIT included). Unlike wall time it does not count
   * moments the process waited for a core, so it holds up better on a busy machine.
   */
  cpu: Stats
  /** The samples as taken, one per round: `pairedRatio` compares two variants round by round. */
  rounds: { wall: number[]; cpu: number[] }
}

/**
 * The median, over the rounds, of `variant`'s sample divided by `baseline`'s sample of the same
 * round. The two were taken moments apart (the rounds rotate their order), so a slow moment of the
 * machine lands on both, and with samples long enough to hold several young-generation collections
 * neither gains from a collection that happened to fall outside it: that is what made a comparison
 * of each variant's own fastest sample unsteady (on one run `unwrap(GET)`, which does strictly more
 * than `GET`, came out 0.73x of bare openapi-fetch while `GET` came out 1.29x).
 */
export function pairedRatio(variant: Measured, baseline: Measured, clock: 'cpu' | 'wall' = 'cpu'): Stats {
  const ours = variant.rounds[clock]
  const theirs = baseline.rounds[clock]
  if (ours.length !== theirs.length)
    throw new Error('pairedRatio: the variants were not sampled in the same rounds')
  return summarize(ours.map((value, round) => value / (theirs[round] as number)))
}

async function timeBatch(batch: Batch, count: number): Promise<{ wall: number; cpu: number }> {
  const cpu = process.cpuUsage()
  const start = process.hrtime.bigint()
  await batch(count)
  const wall = Number(process.hrtime.bigint() - start)
  const used = process.cpuUsage(cpu)
  return { wall, cpu: (used.user + used.system) * 1000 }
}

/** Runs the batch with doubling sizes for `warmupMs`; returns the operations per sample that fill `sampleMs`. */
async function warmUp(batch: Batch, { warmupMs, sampleMs }: SamplingOptions): Promise<number> {
  const deadline = process.hrtime.bigint() + BigInt(Math.round(warmupMs * 1e6))
  let count = 1
  let nanosecondsPerOperation = Number.POSITIVE_INFINITY
  do {
    const nanoseconds = (await timeBatch(batch, count)).wall
    nanosecondsPerOperation = nanoseconds / count
    if (nanoseconds < sampleMs * 1e6) count *= 2
  } while (process.hrtime.bigint() < deadline)
  return Math.max(1, Math.round((sampleMs * 1e6) / nanosecondsPerOperation))
}

/** Unmeasured rounds of every variant after each was warmed up on its own: see `compareVariants`. */
const SETTLING_ROUNDS = 3

/**
 * Nanoseconds per operation of each variant: every variant is warmed up, all of them then run
 * `SETTLING_ROUNDS` unmeasured rounds together, and the samples are taken round by round (in a
 * rotating order).
 *
 * Two things this avoids, both seen on this machine. A variant warmed up alone is not yet at its
 * steady speed once the others have run through the code it shares with them (the JIT recompiles
 * it for every shape it has now seen): its first rounds came out up to twice as slow. And no full
 * GC is forced before a sample: the sweeping it leaves to V8's background threads counts in the
 * process's CPU time and tripled the CPU per call of a 40 µs call, at random. Samples are long
 * enough for the young-generation collections a variant causes to fall in its own samples.
 */
export async function compareVariants<Name extends string>(
  variants: Record<Name, Batch>,
  options: SamplingOptions,
): Promise<Record<Name, Measured>> {
  const names = Object.keys(variants) as Name[]
  const counts = new Map<Name, number>()
  for (const name of names) counts.set(name, await warmUp(variants[name], options))
  const samples = new Map<Name, { wall: number[]; cpu: number[] }>(
    names.map((name) => [name, { wall: [], cpu: [] }]),
  )
  for (let round = -SETTLING_ROUNDS; round < options.samples; round++) {
    for (let index = 0; index < names.length; index++) {
      const name = names[(round + SETTLING_ROUNDS + index) % names.length] as Name
      const count = counts.get(name) as number
      const { wall, cpu } = await timeBatch(variants[name], count)
      if (round < 0) continue
      samples.get(name)?.wall.push(wall / count)
      samples.get(name)?.cpu.push(cpu / count)
    }
  }
  return Object.fromEntries(
    names.map((name) => {
      const { wall, cpu } = samples.get(name) ?? { wall: [], cpu: [] }
      return [name, { wall: summarize(wall), cpu: summarize(cpu), rounds: { wall, cpu } }]
    }),
  ) as Record<Name, Measured>
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

/** What `interleavedTotals` measured of one variant. */
export interface Totals {
  operations: number
  /** Mean CPU time of this process per operation, in nanoseconds (every thread). */
  cpuPerOperation: number
  /** Mean wall-clock time per operation, in nanoseconds. */
  wallPerOperation: number
  /** CPU time per operation in each window of `InterleavingOptions.windowMs`: `totalsRatio` gives their spread. */
  windowCpu: number[]
}

export interface InterleavingOptions {
  /** Time each variant runs alone first (JIT, connection pools). */
  warmupMs: number
  /** Operations per chunk: long enough for many scheduler ticks, short against the machine's slow swings. */
  chunk: number
  /** How long all variants run, together. */
  durationMs: number
  /** Length of the windows whose ratios show the spread. */
  windowMs: number
}

/**
 * Totals per variant: after warming up, the variants take turns in chunks of `chunk` operations,
 * in an order that reverses every block (A B C, C B A, ...), until `durationMs` has passed; each
 * variant's CPU and wall time are summed over all its chunks. Used where one operation is noisy
 * (real HTTP on loopback, with the server in another process): turns of a few milliseconds put a
 * slow moment of the machine on every variant alike. What is left is still large on a shared VM
 * (the same client's CPU per request moved between about 290 and 520 µs from one minute to the
 * next; major GCs' main-thread pauses were 1-4 µs per request, not the cause): an A/A control, a
 * second instance of the baseline taking the same turns, shows how much it is on the day.
 */
export async function interleavedTotals<Name extends string>(
  variants: Record<Name, Batch>,
  options: InterleavingOptions,
): Promise<Record<Name, Totals>> {
  const names = Object.keys(variants) as Name[]
  const after = (milliseconds: number) => process.hrtime.bigint() + BigInt(Math.round(milliseconds * 1e6))
  for (const name of names) {
    const until = after(options.warmupMs)
    while (process.hrtime.bigint() < until) await variants[name](options.chunk)
  }
  const sums = new Map(
    names.map((name) => [name, { cpu: 0, wall: 0, windowStart: 0, windowCpu: [] as number[] }]),
  )
  const end = after(options.durationMs)
  let windowEnd = after(options.windowMs)
  let blocks = 0
  let chunksInWindow = 0
  let windows = 0
  const closeWindow = () => {
    for (const sum of sums.values()) {
      sum.windowCpu.push((sum.cpu - sum.windowStart) / (chunksInWindow * options.chunk))
      sum.windowStart = sum.cpu
    }
    chunksInWindow = 0
    windows++
  }
  while (process.hrtime.bigint() < end) {
    const order = blocks % 2 === 0 ? names : [...names].reverse()
    for (const name of order) {
      const { wall, cpu } = await timeBatch(variants[name], options.chunk)
      const sum = sums.get(name) as { cpu: number; wall: number }
      sum.cpu += cpu
      sum.wall += wall
    }
    blocks++
    chunksInWindow++
    if (process.hrtime.bigint() >= windowEnd) {
      closeWindow()
      windowEnd = after(options.windowMs)
    }
  }
  // The last turns count in the sums; as a window of their own (a few turns) they would only widen the spread.
  if (chunksInWindow > 0 && windows === 0) closeWindow()
  const operations = blocks * options.chunk
  return Object.fromEntries(
    names.map((name) => {
      const sum = sums.get(name) as { cpu: number; wall: number; windowCpu: number[] }
      const totals: Totals = {
        operations,
        cpuPerOperation: sum.cpu / operations,
        wallPerOperation: sum.wall / operations,
        windowCpu: sum.windowCpu,
      }
      return [name, totals]
    }),
  ) as Record<Name, Totals>
}

/** `variant`'s CPU per operation over `baseline`'s (ratio of the sums), with the range of the windows' ratios. */
export function totalsRatio(variant: Totals, baseline: Totals): { ratio: number; windows: Stats } {
  return {
    ratio: variant.cpuPerOperation / baseline.cpuPerOperation,
    windows: summarize(variant.windowCpu.map((cpu, window) => cpu / (baseline.windowCpu[window] as number))),
  }
}
