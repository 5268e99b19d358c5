import { parse } from 'yaml'
import { type Bump, compareBumpsDescending, maxBump } from './bump.ts'
import { type ClassifiedChange, classifyChange } from './classify-change.ts'
import { describeChange, withoutRenamedPathDetails } from './describe-change.ts'
import { runRedoclyDiff, type SpecText } from './run-redocly-diff.ts'

export interface SpecChange extends ClassifiedChange {
  operation: string | null
  text: string
}

export interface SpecDiff {
  /** The bump the whole change implies; `patch` when the texts differ but nothing in them does. */
  bump: Bump
  /** One entry per line of plain words, largest impact first, then alphabetical; no duplicates. */
  changes: SpecChange[]
  baseVersion: string | null
  revisionVersion: string | null
}

function infoVersion(document: unknown): string | null {
  const version = (document as { info?: { version?: unknown } } | null)?.info?.version
  return typeof version === 'string' ? version : null
}

function sortAndDeduplicate(changes: SpecChange[]): SpecChange[] {
  const byText = new Map<string, SpecChange>()
  for (const change of changes) {
    const seen = byText.get(change.text)
    if (!seen || maxBump(seen.impact, change.impact) !== seen.impact) byText.set(change.text, change)
  }
  return [...byText.values()].sort(
    (a, b) => compareBumpsDescending(a.impact, b.impact) || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0),
  )
}

/** Classifies the change from `base` to `revision` (see classify-change.ts) and words it per operation. */
export async function diffSpecs(base: SpecText, revision: SpecText): Promise<SpecDiff> {
  const documents = { base: parse(base.text) as unknown, revision: parse(revision.text) as unknown }
  const report = await runRedoclyDiff(base, revision)
  const changes = sortAndDeduplicate(
    withoutRenamedPathDetails(report.changes).flatMap((change) => {
      const classified = classifyChange(change)
      return describeChange(change, documents).map(({ impact, ...words }) => ({
        ...classified,
        ...words,
        impact: impact ?? classified.impact,
      }))
    }),
  )
  return {
    bump: changes.reduce<Bump>((bump, change) => maxBump(bump, change.impact), 'patch'),
    changes,
    baseVersion: infoVersion(documents.base),
    revisionVersion: infoVersion(documents.revision),
  }
}
