import { defineProject } from 'vitest/config'
import { packageTypeTests } from '../../scripts/test-run/type-checker.ts'

export default defineProject({
  test: {
    name: 'truedy-types',
    include: ['test/**/*.test.ts'],
    typecheck: { ...packageTypeTests(), only: true },
  },
})
