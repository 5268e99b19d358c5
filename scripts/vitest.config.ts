import { defineProject } from 'vitest/config'

export default defineProject({
  test: {
    name: 'scripts',
    include: ['test/**/*.test.ts'],
    // Test files share a worker and the modules it loaded instead of a new process each; every file
    // restores what it changes (env stubs, temp repositories, servers it starts).
    isolate: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
})
