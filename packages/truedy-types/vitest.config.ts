import { defineProject } from 'vitest/config'

export default defineProject({
  test: {
    name: 'truedy-types',
    include: ['test/**/*.test.ts'],
    typecheck: { enabled: true, only: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
  },
})
