import type { TestCounts } from '../test-summary-reporter.ts'

export interface PhaseTime {
  name: string
  seconds: number
}

const counts = ({ passed, failed, skipped }: TestCounts) =>
  `${passed} passed, ${failed} failed, ${skipped} skipped`

/**
 * The end of `pnpm test`: the counts, each phase's wall time (phases that ran side by side are
 * marked), then the counts again as the last line, which CI reads (`result: N passed, N failed, N skipped`).
 */
export function printSummary(totals: TestCounts, phases: readonly PhaseTime[], totalSeconds: number): void {
  console.log(`\n${counts(totals)}`)
  console.log('phase times (wall clock):')
  for (const phase of phases)
    console.log(`  ${phase.name.padEnd(44)} ${phase.seconds.toFixed(1).padStart(7)} s`)
  console.log(`  ${'total'.padEnd(44)} ${totalSeconds.toFixed(1).padStart(7)} s`)
  console.log(`result: ${counts(totals)}`)
}
