import { execFileSync } from 'node:child_process'
import { copyFileSync, lstatSync, mkdirSync, mkdtempSync, readlinkSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'

export const repositoryRoot = resolve(import.meta.dirname, '../../..')

export interface RepositoryCopy {
  root: string
  git(...args: string[]): string
  /** Puts the copy back as it was committed: changed files restored, new ones removed (not ignored ones). */
  reset(): void
  remove(): void
}

function gitIn(cwd: string) {
  return (...args: string[]) =>
    execFileSync('git', args, {
      cwd,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'test',
        GIT_AUTHOR_EMAIL: 't@example.com',
        GIT_COMMITTER_NAME: 'test',
        GIT_COMMITTER_EMAIL: 't@example.com',
      },
    })
}

/** A regular file or a symlink, as it is; an entry that no longer exists is skipped. */
function copyEntry(from: string, to: string): void {
  try {
    const entry = lstatSync(from)
    mkdirSync(dirname(to), { recursive: true })
    if (entry.isSymbolicLink()) symlinkSync(readlinkSync(from), to)
    else if (entry.isFile()) copyFileSync(from, to)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
}

/**
 * The files git knows in `source` (tracked, and untracked but not ignored), as they are on disk,
 * copied into a temp folder and committed once so `git status` shows what a command changed.
 * Nothing else in the tree is read: files that come and go while it copies (pnpm's `_tmp_*`, builds,
 * caches) are not part of it, and a listed file that is gone by the time it is copied is skipped.
 * node_modules is linked, not copied.
 */
export function copyRepository(source = repositoryRoot): RepositoryCopy {
  const root = mkdtempSync(join(tmpdir(), 'voicebatch-copy-'))
  const files = gitIn(source)('ls-files', '-z', '--cached', '--others', '--exclude-standard')
    .split('\0')
    .filter((file) => file !== '')
  for (const file of new Set(files)) copyEntry(join(source, file), join(root, file))
  symlinkSync(join(source, 'node_modules'), join(root, 'node_modules'))
  const git = gitIn(root)
  git('init', '-q', '-b', 'main')
  git('add', '-A')
  git('commit', '-q', '-m', 'copy')
  return {
    root,
    git,
    reset() {
      git('reset', '-q', '--hard')
      git('clean', '-q', '-fd')
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  }
}
