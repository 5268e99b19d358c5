import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { diffSpecs } from '../spec-diff/diff-specs.ts'
import { findSpecInGit, specAtHead } from '../spec-diff/find-spec-in-git.ts'
import {
  type ChangesetFile,
  mergeChangesetFiles,
  parseChangesetFile,
  renderChangesetFile,
} from '../spec-diff/spec-changeset-file.ts'
import type { SpecStamp, TypesPackagePlan } from './plan-types-package.ts'
import type { ValidatedSpec } from './validate-spec.ts'

export interface PlannedChangeset {
  path: string
  content: string
}

/** `.changeset/spec-<name>-types.md`: one stable file per types package, so re-runs never duplicate it. */
export function specChangesetPath(root: string, name: string): string {
  return join(root, '.changeset', `spec-${name}-types.md`)
}

function versions(from: string | null, to: string | null): string {
  return from !== null && to !== null && from !== to ? `${from} → ${to}` : (to ?? '')
}

async function classifiedChangeset(
  spec: ValidatedSpec,
  packageName: string,
  previousSource: string,
): Promise<ChangesetFile> {
  const diff = await diffSpecs(
    { file: spec.file, text: previousSource },
    { file: spec.file, text: spec.source },
  )
  const title = `${spec.document.info.title} ${versions(diff.baseVersion, diff.revisionVersion)}`.trim()
  const bullets = diff.changes.map(
    (change) => `${change.text}${change.impact === 'major' ? ' (breaking)' : ''}`,
  )
  const headline =
    bullets.length > 0
      ? `Types regenerated from \`${spec.file}\` (${title}).`
      : `Types regenerated from \`${spec.file}\` (${title}): formatting only, no change to the API description.`
  return { packageName, bump: diff.bump, headline, bullets }
}

function notFoundChangeset(spec: ValidatedSpec, packageName: string, previous: SpecStamp): ChangesetFile {
  return {
    packageName,
    bump: 'major',
    headline: [
      `Types regenerated from \`${spec.file}\` (${spec.document.info.title} ${spec.document.info.version}).`,
      `The previous spec (version ${previous.specVersion}, sha256 ${previous.specSha256.slice(0, 12)}…) was not found`,
      'in git history, so the change could not be classified: rated major to be safe.',
      'Review the change and lower the bump if it is compatible.',
    ].join(' '),
    bullets: [],
  }
}

/**
 * The spec the stamp was made from, found in git by its sha256. A stamp from an earlier, uncommitted
 * run (spec edited, generated, edited again) is in no commit: its changes are in that run's changeset
 * already, so the last committed spec is the base instead, and the merge below keeps both.
 */
function findPreviousSpec(
  root: string,
  spec: ValidatedSpec,
  previous: SpecStamp,
  hasEarlierChangeset: boolean,
): string | null {
  const stamped = findSpecInGit(root, spec.file, previous.specSha256)
  if (stamped !== null || !hasEarlierChangeset) return stamped
  return specAtHead(root, spec.file)
}

/**
 * The changeset a spec change implies for its types package, or null when the spec is unchanged
 * (same sha256 as the package's stamp) or the package is new (no stamp yet). The previous spec is
 * the git version whose sha256 the stamp records (see findPreviousSpec); when git has none, the bump
 * is major and the summary says why. An unreleased changeset from an earlier run is merged, never lowered.
 */
export async function planSpecChangeset(
  root: string,
  spec: ValidatedSpec,
  plan: TypesPackagePlan,
): Promise<PlannedChangeset | null> {
  const previous = plan.previousStamp
  if (previous === null || previous.specSha256 === spec.sha256) return null
  const packageName = `@voicebatch/${spec.name}-types`
  const path = specChangesetPath(root, spec.name)
  const earlier = existsSync(path) ? parseChangesetFile(readFileSync(path, 'utf8'), packageName) : null
  const previousSource = findPreviousSpec(root, spec, previous, earlier !== null)
  const planned =
    previousSource === null
      ? notFoundChangeset(spec, packageName, previous)
      : await classifiedChangeset(spec, packageName, previousSource)
  return { path, content: renderChangesetFile(earlier ? mergeChangesetFiles(earlier, planned) : planned) }
}
