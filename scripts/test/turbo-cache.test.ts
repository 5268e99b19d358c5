import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { repositoryRoot } from './support/repository-copy.ts'

interface DryRunTask {
  taskId: string
  command: string
  cache: { status: 'HIT' | 'MISS' }
}

// `pnpm test` builds every package before the tests run: with nothing changed since, turbo must
// have every build in its cache.
test('a second `pnpm build` with nothing changed is a full cache hit', () => {
  const output = execFileSync(
    join(repositoryRoot, 'node_modules/.bin/turbo'),
    ['run', 'build', '--dry=json'],
    {
      cwd: repositoryRoot,
      encoding: 'utf8',
    },
  )
  const tasks = (JSON.parse(output) as { tasks: DryRunTask[] }).tasks.filter(
    (task) => task.command !== '<NONEXISTENT>',
  )
  expect(tasks.length).toBeGreaterThanOrEqual(9)
  expect(tasks.filter((task) => task.cache.status !== 'HIT').map((task) => task.taskId)).toEqual([])
})
