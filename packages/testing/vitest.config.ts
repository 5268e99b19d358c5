import { defineProject } from 'vitest/config'
import { TYPE_CHECKER } from '../../scripts/test-run/type-checker.ts'

export default defineProject({
  test: {
    name: 'testing',
    include: ['test/**/*.test.ts'],
    // Test files share a worker and the modules it loaded instead of a new process each (a third
    // less CPU); every file restores what it changes (env stubs, servers it starts).
    isolate: false,
    typecheck: {
      enabled: true,
      checker: TYPE_CHECKER,
      include: ['test/**/*.test-d.ts'],
      tsconfig: './tsconfig.json',
    },
  },
})
