import { join } from 'node:path'
import { planTypesPackage } from '../generate/plan-types-package.ts'
import { planSpecChangeset } from '../generate/spec-changeset.ts'
import { listSpecFiles } from '../generate/spec-files.ts'
import { writeFilesAtomically } from '../generate/write-files-atomically.ts'
import { type PullResult, pullSpec } from './pull-spec.ts'

export interface PullSpecsOptions {
  /** Provider names to pull; all specs when empty. */
  only?: string[]
  /** Source URL overrides by provider name. */
  sources?: Record<string, string>
  timeoutMs?: number
  /** Regenerate the types package of each updated spec (default true). */
  regenerate?: boolean
}

export const DEFAULT_TIMEOUT_MS = 30_000

/**
 * `pnpm specs:pull`: every spec that records where it is published is downloaded and checked; the
 * updated ones are written with their regenerated types (atomically, all together), a failed one never is.
 */
export async function pullSpecs(root: string, options: PullSpecsOptions = {}): Promise<PullResult[]> {
  const specs = listSpecFiles(root)
  const known = new Set(specs.map((spec) => spec.name))
  for (const name of [...(options.only ?? []), ...Object.keys(options.sources ?? {})]) {
    if (!known.has(name))
      throw new Error(`no spec named "${name}" in specs/ (known: ${[...known].join(', ')})`)
  }
  const selected = options.only?.length ? specs.filter((spec) => options.only?.includes(spec.name)) : specs
  const results: PullResult[] = []
  for (const spec of selected) {
    const source = options.sources?.[spec.name]
    results.push(
      await pullSpec(root, spec, {
        timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        ...(source === undefined ? {} : { source }),
      }),
    )
  }
  // Every updated spec is written with its regenerated types package and changeset, all at once.
  const files = new Map<string, string>()
  for (const result of results) {
    if (result.status !== 'updated' || result.content === undefined || result.validated === undefined)
      continue
    files.set(join(root, result.file), result.content)
    if (options.regenerate === false) continue
    const plan = await planTypesPackage(root, result.validated)
    const changeset = await planSpecChangeset(root, result.validated, plan)
    if (changeset) plan.files.set(changeset.path, changeset.content)
    for (const [path, content] of plan.files) files.set(path, content)
  }
  writeFilesAtomically(files)
  return results
}
