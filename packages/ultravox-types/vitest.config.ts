import { defineProject } from 'vitest/config'
import { TYPE_CHECKER } from '../../scripts/test-run/type-checker.ts'

export default defineProject({
  test: {
    name: 'ultravox-types',
    include: ['test/**/*.test.ts'],
    typecheck: {
      enabled: true,
      checker: TYPE_CHECKER,
      only: true,
      include: ['test/**/*.test-d.ts'],
      tsconfig: './tsconfig.json',
    },
  },
})
