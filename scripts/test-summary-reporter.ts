import { writeFileSync } from 'node:fs'
import type { Reporter, TestModule } from 'vitest/node'

export interface TestCounts {
  passed: number
  failed: number
  skipped: number
}

/**
 * Prints the plain line CI reads, `N passed, N failed, N skipped`, and, when
 * VOICEBATCH_TEST_SUMMARY names a file, writes the counts there for scripts/test.ts to add up.
 */
export default class TestSummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    const counts: TestCounts = { passed: 0, failed: unhandledErrors.length, skipped: 0 }
    for (const testModule of testModules) {
      const tests = [...testModule.children.allTests()]
      if (testModule.state() === 'failed' && tests.length === 0) counts.failed += 1
      for (const testCase of tests) {
        const state = testCase.result().state
        if (state === 'passed') counts.passed += 1
        else if (state === 'failed') counts.failed += 1
        else counts.skipped += 1
      }
    }
    const summaryFile = process.env.VOICEBATCH_TEST_SUMMARY
    if (summaryFile) writeFileSync(summaryFile, JSON.stringify(counts))
    else
      process.stdout.write(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`)
  }
}
