import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { listPublishablePackages } from '../packaging/publishable-packages.ts'

/**
 * What publishing could change in the repository: each package's manifest and changelog, the
 * pending changesets, the git tags. Compared before and after `changeset publish` (other files may
 * change meanwhile: people work in this tree).
 */
export function snapshotRepository(root: string): Map<string, string> {
  const snapshot = new Map<string, string>()
  for (const pkg of listPublishablePackages(root)) {
    for (const file of ['package.json', 'CHANGELOG.md']) {
      const path = join(pkg.directory, file)
      snapshot.set(path, existsSync(path) ? readFileSync(path, 'utf8') : '(none)')
    }
  }
  snapshot.set('.changeset/', readdirSync(join(root, '.changeset')).sort().join('\n'))
  let tags = '(not a git repository)'
  try {
    tags = execFileSync('git', ['tag', '--list'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    })
  } catch {}
  snapshot.set('git tags', tags)
  return snapshot
}

/** The entries that differ between two snapshots. */
export function changedEntries(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter((key) => before.get(key) !== after.get(key))
}
