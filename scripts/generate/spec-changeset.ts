import type { TypesPackagePlan } from './plan-types-package.ts'
import type { ValidatedSpec } from './validate-spec.ts'

export interface PlannedChangeset {
  path: string
  content: string
}

/** The changeset a spec change implies for its types package (filled in by the spec-diff classifier). */
export async function planSpecChangeset(
  _root: string,
  _spec: ValidatedSpec,
  _plan: TypesPackagePlan,
): Promise<PlannedChangeset | null> {
  return null
}
