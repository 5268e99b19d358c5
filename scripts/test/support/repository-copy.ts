import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join, resolve } from 'node:path'

export const repositoryRoot = resolve(import.meta.dirname, '../../..')

const SKIPPED = new Set(['node_modules', 'dist', '.turbo', '.git', 'coverage'])

export interface RepositoryCopy {
  root: string
  git(...args: string[]): string
  remove(): void
}

/**
 * The working tree (without node_modules, builds and history) copied into a temp folder, committed
 * once so `git status` shows what a command changed. node_modules is linked, not copied.
 */
export function copyRepository(): RepositoryCopy {
  const root = mkdtempSync(join(tmpdir(), 'voicebatch-copy-'))
  cpSync(repositoryRoot, root, { recursive: true, filter: (source) => !SKIPPED.has(basename(source)) })
  symlinkSync(join(repositoryRoot, 'node_modules'), join(root, 'node_modules'))
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: root,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'test',
        GIT_AUTHOR_EMAIL: 't@example.com',
        GIT_COMMITTER_NAME: 'test',
        GIT_COMMITTER_EMAIL: 't@example.com',
      },
    })
  git('init', '-q', '-b', 'main')
  git('add', '-A')
  git('commit', '-q', '-m', 'copy')
  return { root, git, remove: () => rmSync(root, { recursive: true, force: true }) }
}
