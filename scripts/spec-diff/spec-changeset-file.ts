import { type Bump, isBump, maxBump } from './bump.ts'

/** A changeset for one package: its bump, a headline, and one bullet per change. */
export interface ChangesetFile {
  packageName: string
  bump: Bump
  headline: string
  bullets: string[]
}

/** A line older versions of this module wrote when they cut the list; dropped when read back. */
const MORE = /^… and \d+ more change/

/** Every bullet is written: a changeset never hides a change behind "and N more". */
export function renderChangesetFile(changeset: ChangesetFile): string {
  const bullets = changeset.bullets.filter((bullet) => !MORE.test(bullet))
  const list = bullets.map((bullet) => `- ${bullet}`).join('\n')
  return `---\n"${changeset.packageName}": ${changeset.bump}\n---\n\n${changeset.headline}\n${list ? `\n${list}\n` : ''}`
}

/** Reads a changeset this module wrote (or one a maintainer edited); null when it is not one for `packageName`. */
export function parseChangesetFile(text: string, packageName: string): ChangesetFile | null {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text)
  if (!match) return null
  const [, frontmatter = '', body = ''] = match
  const releases = frontmatter.split('\n').map((line) => /^\s*["']?([^"':]+)["']?\s*:\s*(\w+)\s*$/.exec(line))
  const release = releases.find((entry) => entry?.[1] === packageName)
  if (!release || !isBump(release[2])) return null
  const lines = body.trim().split('\n')
  const bullets = lines.filter((line) => line.startsWith('- ')).map((line) => line.slice(2))
  const headline = lines
    .filter((line) => !line.startsWith('- '))
    .join('\n')
    .trim()
  return { packageName, bump: release[2], headline, bullets }
}

/**
 * An earlier, unreleased changeset and a new one for the same package: the bump never goes down
 * (a breaking change found in an earlier run stays breaking), the earlier bullets stay and the new
 * ones follow, and the headline is the new one.
 */
export function mergeChangesetFiles(earlier: ChangesetFile, next: ChangesetFile): ChangesetFile {
  const bullets = [...earlier.bullets.filter((bullet) => !MORE.test(bullet))]
  for (const bullet of next.bullets) if (!bullets.includes(bullet)) bullets.push(bullet)
  return { ...next, bump: maxBump(earlier.bump, next.bump), bullets }
}
