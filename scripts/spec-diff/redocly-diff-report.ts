import type { Bump } from './bump.ts'

/** One rule that fired on a change, e.g. `operation-removed`. */
export interface RedoclyVerdict {
  ruleId: string
  impact: Bump
  message: string
}

/**
 * One change in `redocly diff --format json` (report version 1). `path` is a JSON pointer into the
 * revision (or, for removals, the base), reached through `paths`: a change in a shared component is
 * reported once, at the first place an operation reaches it.
 */
export interface RedoclyChange {
  path: string
  typeName: string
  kind: 'added' | 'removed' | 'modified'
  impact: Bump
  /** For `modified`: the keyword that changed (`type`, `enum`, `required`, `description`, ...). */
  property?: string
  verdicts: RedoclyVerdict[]
  base?: { value?: unknown }
  revision?: { value?: unknown }
}

export interface RedoclyDiffReport {
  reportVersion: string
  bump?: Bump
  changes: RedoclyChange[]
}

/** Checks the parts of the report this module reads, so a format change fails loudly. */
export function parseRedoclyDiffReport(text: string): RedoclyDiffReport {
  const report = JSON.parse(text) as Partial<RedoclyDiffReport>
  if (report.reportVersion !== '1' || !Array.isArray(report.changes)) {
    throw new Error(
      `redocly diff wrote a report this script does not understand (reportVersion ${JSON.stringify(report.reportVersion)})`,
    )
  }
  return report as RedoclyDiffReport
}
