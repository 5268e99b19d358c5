import { execFileSync, spawn } from 'node:child_process'
import { existsSync, lstatSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { copyRepository } from './support/repository-copy.ts'

let source: string
const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
    cwd: source,
    encoding: 'utf8',
  })

beforeEach(() => {
  source = mkdtempSync(join(tmpdir(), 'voicebatch-copy-source-'))
  git('init', '-q', '-b', 'main')
  writeFileSync(join(source, '.gitignore'), 'ignored.log\nnode_modules/\n')
  writeFileSync(join(source, 'tracked.txt'), 'tracked\n')
  writeFileSync(join(source, 'run.sh'), '#!/bin/sh\n')
  execFileSync('chmod', ['+x', join(source, 'run.sh')])
  writeFileSync(join(source, 'deleted.txt'), 'deleted\n')
  git('add', '-A')
  git('commit', '-q', '-m', 'source')
})
afterEach(() => rmSync(source, { recursive: true, force: true }))

describe('copyRepository', () => {
  test('copies the files git knows as they are on disk, not ignored ones, and skips a listed file that is gone', () => {
    writeFileSync(join(source, 'tracked.txt'), 'edited, not committed\n')
    writeFileSync(join(source, 'untracked.txt'), 'untracked\n')
    writeFileSync(join(source, 'ignored.log'), 'ignored\n')
    // Tracked (git ls-files lists it) but no longer on disk, as a file deleted mid-copy would be.
    rmSync(join(source, 'deleted.txt'))
    const copy = copyRepository(source)
    try {
      expect(readFileSync(join(copy.root, 'tracked.txt'), 'utf8')).toBe('edited, not committed\n')
      expect(readFileSync(join(copy.root, 'untracked.txt'), 'utf8')).toBe('untracked\n')
      expect(existsSync(join(copy.root, 'ignored.log'))).toBe(false)
      expect(existsSync(join(copy.root, 'deleted.txt'))).toBe(false)
      expect(statSync(join(copy.root, 'run.sh')).mode & 0o111).not.toBe(0)
      expect(copy.git('status', '--porcelain')).toBe('')
    } finally {
      copy.remove()
    }
  })

  test("files that come and go while it copies (pnpm's _tmp_<pid>_<hex>) never break it", async () => {
    // Enough files for the copy to take a while, and a process creating and deleting others beside them.
    for (let index = 0; index < 300; index += 1) writeFileSync(join(source, `file-${index}.txt`), 'x\n')
    git('add', '-A')
    git('commit', '-q', '-m', 'many files')
    const churn = spawn(
      process.execPath,
      [
        '-e',
        `const fs = require('node:fs'); const path = require('node:path');
         const end = Date.now() + 20000;
         for (let i = 0; Date.now() < end; i++) {
           const file = path.join(${JSON.stringify(source)}, '_tmp_' + process.pid + '_' + (i % 64).toString(16));
           fs.writeFileSync(file, 'x'); fs.rmSync(file, { force: true });
         }`,
      ],
      { stdio: 'ignore' },
    )
    await new Promise((resolve) => setTimeout(resolve, 200))
    try {
      for (let round = 0; round < 3; round += 1) {
        const copy = copyRepository(source)
        expect(existsSync(join(copy.root, 'file-299.txt'))).toBe(true)
        copy.remove()
      }
    } finally {
      churn.kill()
    }
  })

  test('reset() puts the copy back as committed', () => {
    const copy = copyRepository(source)
    try {
      writeFileSync(join(copy.root, 'tracked.txt'), 'changed\n')
      writeFileSync(join(copy.root, 'new.txt'), 'new\n')
      copy.reset()
      expect(copy.git('status', '--porcelain')).toBe('')
      expect(readFileSync(join(copy.root, 'tracked.txt'), 'utf8')).toBe('tracked\n')
      expect(lstatSync(join(copy.root, 'node_modules')).isSymbolicLink()).toBe(true)
    } finally {
      copy.remove()
    }
  })
})

// The copy of this repository itself links its node_modules and leaves builds out.
test('a copy of this repository has no dist/ and links node_modules', () => {
  const copy = copyRepository()
  try {
    expect(existsSync(join(copy.root, 'packages/core/src'))).toBe(true)
    expect(existsSync(join(copy.root, 'packages/core/dist'))).toBe(false)
    expect(basename(copy.root)).toMatch(/^voicebatch-copy-/)
    expect(existsSync(join(copy.root, 'node_modules/.bin/tsx'))).toBe(true)
  } finally {
    copy.remove()
  }
})
