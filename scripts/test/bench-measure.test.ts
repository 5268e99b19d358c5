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

test('variants take the same number of turns, in an order that reverses every block', async () => {
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
  expect(order.slice(0, 9)).toEqual(['a', 'b', 'c', 'c', 'b', 'a', 'a', 'b', 'c'])
  // The unmeasured turns after the warm-ups come first: more turns ran than were measured.
  expect(order.length).toBeGreaterThan(3 * measured.a.turns)
  expect(measured.a.windows.length).toBeGreaterThan(0)
  expect(measured.a.windows.length).toBe(measured.b.windows.length)
  const ratio = turnRatio(measured.b, measured.a)
  expect(ratio.ratio).toBe(measured.b.cpu / measured.a.cpu)
  expect(ratio.untrimmed).toBe(measured.b.cpuAll / measured.a.cpuAll)
  expect(ratio.windows.samples).toBe(measured.a.windows.length)
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
