import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts', 'tests/*/vitest.config.ts', 'scripts/vitest.config.ts'],
    reporters: ['default', './scripts/test-summary-reporter.ts'],
    // Vitest's default leaves a core idle (CPUs - 1: one worker on a 2-core CI machine). Many of
    // our tests wait on child processes and loopback servers, so one worker per core plus one
    // keeps both cores busy.
    maxWorkers: availableParallelism() + 1,
  },
})
