import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { SLOW_FILES, slowFilesFirst } from '../test-run/slow-files-first.ts'
import { repositoryRoot } from './support/repository-copy.ts'

describe('the slow end-to-end files start first', () => {
  test('every listed path is a test file of this repository', () => {
    for (const file of SLOW_FILES) {
      expect(file, file).toMatch(/\.test\.ts$/)
      expect(existsSync(join(repositoryRoot, file)), file).toBe(true)
    }
  })

  test('listed files move to the front in the listed order; the others keep their order', () => {
    const root = '/repo'
    const files = [
      'packages/core/test/b.test.ts',
      SLOW_FILES[1],
      'packages/core/test/a.test.ts',
      SLOW_FILES[0],
    ]
    const sorted = slowFilesFirst(
      files.map((file) => ({ moduleId: `${root}/${file}` })),
      root,
    )
    expect(sorted.map((file) => file.moduleId.slice(root.length + 1))).toEqual([
      SLOW_FILES[0],
      SLOW_FILES[1],
      'packages/core/test/b.test.ts',
      'packages/core/test/a.test.ts',
    ])
  })
})
