import { defineProject } from 'vitest/config'
import { packageTypeTests } from '../../scripts/test-run/type-checker.ts'

export default defineProject({
  test: {
    name: 'testing',
    include: ['test/**/*.test.ts'],
    // Test files share a worker and the modules it loaded instead of a new process each (a third
    // less CPU); every file restores what it changes (env stubs, servers it starts).
    isolate: false,
    typecheck: packageTypeTests(),
  },
})
