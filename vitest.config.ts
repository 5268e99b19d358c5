import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts', 'tests/*/vitest.config.ts', 'scripts/vitest.config.ts'],
    reporters: ['default', './scripts/test-summary-reporter.ts'],
    // Vitest's default leaves a core idle (CPUs - 1: one worker on a 2-core CI machine). One
    // worker per core; not more, or the timing-sensitive tests (timeouts, retries) get starved.
    maxWorkers: availableParallelism(),
  },
})
