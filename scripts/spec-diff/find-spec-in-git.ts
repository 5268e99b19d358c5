import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'

/** How far back `git log` is walked for an old spec; a stamp older than this is treated as lost. */
const MAX_COMMITS = 500

function git(root: string, args: string[]): string | null {
  try {
    return execFileSync('git', args, {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 256 * 1024 * 1024,
    })
  } catch {
    return null
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

/**
 * The text of `file` (relative to `root`) whose sha256 is `wanted`, from git: HEAD first, then every
 * commit that touched the file, newest first. Null when git has no such version (or no repository).
 * Read-only: only `git show` and `git log`.
 */
/** `file` as last committed (HEAD), or null. */
export function specAtHead(root: string, file: string): string | null {
  return git(root, ['show', `HEAD:./${file}`])
}

export function findSpecInGit(root: string, file: string, wanted: string): string | null {
  const atHead = specAtHead(root, file)
  if (atHead !== null && sha256(atHead) === wanted) return atHead
  const commits = git(root, ['log', `--max-count=${MAX_COMMITS}`, '--format=%H', '--', file])
  for (const commit of commits?.split('\n').filter(Boolean) ?? []) {
    const text = git(root, ['show', `${commit}:./${file}`])
    if (text !== null && sha256(text) === wanted) return text
  }
  return null
}
