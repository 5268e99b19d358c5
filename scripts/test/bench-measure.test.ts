import { expect, test } from 'vitest'
import { interleavedTurns, TRIMMED_SHARE, trimmedMean, turnRatio } from '../bench/measure.ts'

test('the trimmed mean leaves out the same share of turns at each end', () => {
  const values = Array.from({ length: 100 }, (_, index) => index + 1)
  values[99] = 1_000_000 // one turn with a GC pause or a preemption in it
  const cut = 100 * TRIMMED_SHARE
  const kept = values.slice(cut, 100 - cut)
  expect(trimmedMean(values)).toBe(kept.reduce((sum, value) => sum + value, 0) / kept.length)
  expect(trimmedMean([3])).toBe(3)
  expect(() => trimmedMean([])).toThrow('no samples')
})

test('variants take the same number of turns, each block in a new order', async () => {
  const order: string[] = []
  const batch = (name: string) => async (count: number) => {
    // Warm-ups run 1, 2, 4, 8... operations; turns run 3.
    if (count === 3) order.push(name)
    await Promise.resolve()
  }
  const measured = await interleavedTurns(
    { a: batch('a'), b: batch('b'), c: batch('c') },
    { warmupMs: 5, turnMs: 0.5, operationsPerTurn: 3, durationMs: 30, windowMs: 10 },
  )
  expect(measured.a.turns).toBeGreaterThan(0)
  expect(measured.b.turns).toBe(measured.a.turns)
  expect(measured.c.turns).toBe(measured.a.turns)
  expect(measured.a.operations).toBe(3 * measured.a.turns)
  const blocks = Array.from({ length: order.length / 3 }, (_, block) => order.slice(3 * block, 3 * block + 3))
  for (const block of blocks) expect([...block].sort()).toEqual(['a', 'b', 'c'])
  // Shuffled, not a fixed order: with this many blocks, more than one order shows up.
  expect(new Set(blocks.map((block) => block.join(''))).size).toBeGreaterThan(1)
  // The unmeasured turns after the warm-ups come first: more turns ran than were measured.
  expect(order.length).toBeGreaterThan(3 * measured.a.turns)
  expect(measured.a.turnCpu).toHaveLength(measured.a.turns)
  expect(measured.a.turnWindow).toHaveLength(measured.a.turns)
  const ratio = turnRatio(measured.b, measured.a)
  expect(ratio.untrimmed).toBe(measured.b.cpuAll / measured.a.cpuAll)
  expect(ratio.windows.samples).toBeGreaterThan(0)
})

test('the ratio is the median of the blocks’ paired ratios, each window on its own', () => {
  const totals = (turnCpu: number[]) => ({
    operations: turnCpu.length,
    turns: turnCpu.length,
    cpu: trimmedMean(turnCpu),
    cpuAll: turnCpu.reduce((sum, value) => sum + value, 0) / turnCpu.length,
    wall: 0,
    turnCpu,
    turnWindow: [0, 0, 0, 1, 1, 1, 2],
  })
  // Block 2 had a GC pause in the variant's turn; the machine was twice as slow in window 1.
  const baseline = totals([100, 100, 100, 200, 200, 200, 100])
  const variant = totals([104, 104, 900, 210, 212, 208, 104])
  const { ratio, untrimmed, windows } = turnRatio(variant, baseline)
  expect(ratio).toBeCloseTo(1.04, 5)
  expect(untrimmed).toBeCloseTo(1842 / 1000, 5)
  // Windows 0 and 1; window 2 (what was left of the duration) only counts in the whole.
  expect(windows.samples).toBe(2)
  expect(windows.min).toBeCloseTo(1.04, 5)
  expect(windows.max).toBeCloseTo(1.05, 5)
})

test('without a fixed count, a turn holds as many operations as fill turnMs', async () => {
  const busy = (microseconds: number) => async (count: number) => {
    for (let index = 0; index < count; index++) {
      const until = performance.now() + microseconds / 1000
      while (performance.now() < until) {}
    }
  }
  const measured = await interleavedTurns(
    { short: busy(10), long: busy(100) },
    { warmupMs: 20, turnMs: 1, durationMs: 40, windowMs: 20 },
  )
  const perTurn = (name: 'short' | 'long') => measured[name].operations / measured[name].turns
  // About 100 and 10 operations; the bounds leave room for a slow machine.
  expect(perTurn('short')).toBeGreaterThan(3 * perTurn('long'))
  expect(perTurn('long')).toBeGreaterThanOrEqual(1)
})
