import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { changesetBullets } from '../spec-diff/changeset-bullets.ts'
import { diffSpecs } from '../spec-diff/diff-specs.ts'
import { findSpecInGit, specAtHead } from '../spec-diff/find-spec-in-git.ts'
import {
  type ChangesetFile,
  mergeChangesetFiles,
  parseChangesetFile,
  renderChangesetFile,
} from '../spec-diff/spec-changeset-file.ts'
import { generatedTypesText } from './generated-types-text.ts'
import type { SpecStamp, TypesPackagePlan } from './plan-types-package.ts'
import { loadSpecDocument, type ValidatedSpec } from './validate-spec.ts'

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

/** The previous spec as the types were made from it: its text and its overlay's, both from git. */
export interface PreviousSpec {
  source: string
  overlaySource: string | null
}

async function classifiedChangeset(
  spec: ValidatedSpec,
  packageName: string,
  previous: PreviousSpec,
): Promise<ChangesetFile> {
  const before = await loadSpecDocument(spec, previous.source, previous.overlaySource)
  const [typesBefore, typesAfter] = await Promise.all([
    generatedTypesText({ ...spec, document: before.document }),
    generatedTypesText(spec),
  ])
  // Compared as the types are made: each side with its overlay applied.
  const diff = await diffSpecs(
    { file: 'base.json', text: JSON.stringify(before.document) },
    { file: 'revision.json', text: JSON.stringify(spec.document) },
    { typesIdentical: typesBefore === typesAfter },
  )
  const title = `${spec.document.info.title} ${versions(diff.baseVersion, diff.revisionVersion)}`.trim()
  const source = spec.overlay === null ? `\`${spec.file}\`` : `\`${spec.file}\` + \`${spec.overlay}\``
  const headline =
    diff.changes.length === 0
      ? `Types regenerated from ${source} (${title}): formatting only, no change to the API description.`
      : typesBefore === typesAfter
        ? `Types regenerated from ${source} (${title}): the generated types are identical.`
        : `Types regenerated from ${source} (${title}).`
  return { packageName, bump: diff.bump, headline, bullets: changesetBullets(diff.changes) }
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
 * The spec (and overlay) the stamp was made from, found in git by their sha256s. A stamp from an
 * earlier, uncommitted run (spec edited, generated, edited again) is in no commit: its changes are in
 * that run's changeset already, so the last committed files are the base instead, and the merge below
 * keeps both. A stamp without an overlay digest was made before the spec had an overlay.
 */
function findPreviousSpec(
  root: string,
  spec: ValidatedSpec,
  previous: SpecStamp,
  hasEarlierChangeset: boolean,
): PreviousSpec | null {
  const stamped = findSpecInGit(root, spec.file, previous.specSha256)
  const overlayFile = previous.overlay ?? spec.overlay
  const stampedOverlay =
    previous.overlaySha256 === undefined || overlayFile === null
      ? null
      : findSpecInGit(root, overlayFile, previous.overlaySha256)
  const overlayFound = previous.overlaySha256 === undefined || stampedOverlay !== null
  if (stamped !== null && overlayFound) return { source: stamped, overlaySource: stampedOverlay }
  if (!hasEarlierChangeset) return null
  const atHead = specAtHead(root, spec.file)
  if (atHead === null) return null
  return { source: atHead, overlaySource: spec.overlay === null ? null : specAtHead(root, spec.overlay) }
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
  if (
    previous === null ||
    (previous.specSha256 === spec.sha256 && (previous.overlaySha256 ?? null) === spec.overlaySha256)
  )
    return null
  const packageName = `@voicebatch/${spec.name}-types`
  const path = specChangesetPath(root, spec.name)
  const earlier = existsSync(path) ? parseChangesetFile(readFileSync(path, 'utf8'), packageName) : null
  const previousSpec = findPreviousSpec(root, spec, previous, earlier !== null)
  const planned =
    previousSpec === null
      ? notFoundChangeset(spec, packageName, previous)
      : await classifiedChangeset(spec, packageName, previousSpec)
  return { path, content: renderChangesetFile(earlier ? mergeChangesetFiles(earlier, planned) : planned) }
}
