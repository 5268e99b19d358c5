import { defineProject } from 'vitest/config'

export default defineProject({
  test: {
    name: 'runtimes',
    include: ['test/**/*.test.ts'],
    // One runtime after another: they share the mock servers and two cores.
    fileParallelism: false,
  },
})
