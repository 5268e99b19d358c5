import { type Bump, compareBumpsDescending, maxBump } from './bump.ts'
import { type ClassifiedChange, classifyChange } from './classify-change.ts'
import { describeChange, withoutRenamedPathDetails } from './describe-change.ts'
import { inlineParameters } from './inline-parameters.ts'
import { pairRedeclaredParameters } from './pair-redeclared-parameters.ts'
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

export interface DiffOptions {
  /**
   * True when both versions generate the same types (see generated-types-text.ts): every change is then
   * `patch`, whatever keyword changed, since nothing a consumer compiles against did.
   */
  typesIdentical?: boolean
}

/** Classifies the change from `base` to `revision` (see classify-change.ts) and words it per operation. */
export async function diffSpecs(
  base: SpecText,
  revision: SpecText,
  options: DiffOptions = {},
): Promise<SpecDiff> {
  // Loaded here, not at start-up: `pnpm generate` only diffs when a spec changed.
  const { parse } = await import('yaml')
  const documents = {
    base: inlineParameters(parse(base.text)),
    revision: inlineParameters(parse(revision.text)),
  }
  const report = await runRedoclyDiff(
    { file: 'base.json', text: JSON.stringify(documents.base) },
    { file: 'revision.json', text: JSON.stringify(documents.revision) },
  )
  const changes = sortAndDeduplicate(
    pairRedeclaredParameters(
      withoutRenamedPathDetails(report.changes).flatMap((change) => {
        const classified = classifyChange(change)
        return describeChange(change, documents).map(({ impact, ...words }) => ({
          ...classified,
          ...words,
          impact: options.typesIdentical ? ('patch' as const) : (impact ?? classified.impact),
        }))
      }),
      documents,
    ),
  )
  return {
    bump: changes.reduce<Bump>((bump, change) => maxBump(bump, change.impact), 'patch'),
    changes,
    baseVersion: infoVersion(documents.base),
    revisionVersion: infoVersion(documents.revision),
  }
}
