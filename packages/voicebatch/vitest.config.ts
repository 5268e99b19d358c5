import { defineProject } from 'vitest/config'

export default defineProject({
  test: {
    name: 'voicebatch',
    include: ['test/**/*.test.ts'],
    // Test files share a worker and the modules it loaded instead of a new process each (a third
    // less CPU); every file restores what it changes (env stubs, servers it starts).
    isolate: false,
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
  },
})
