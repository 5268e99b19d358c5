import { join } from 'node:path'
import { listSpecFiles } from '../generate/spec-files.ts'
import { writeFilesAtomically } from '../generate/write-files-atomically.ts'
import { type PullResult, pullSpec } from './pull-spec.ts'

export interface PullSpecsOptions {
  /** Provider names to pull; all specs when empty. */
  only?: string[]
  /** Source URL overrides by provider name. */
  sources?: Record<string, string>
  timeoutMs?: number
}

export const DEFAULT_TIMEOUT_MS = 30_000

/**
 * `pnpm specs:pull`: every spec that records where it is published is downloaded and checked; the
 * updated ones are written (atomically, all together), a failed one never is.
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
  const updates = results.filter((result) => result.status === 'updated' && result.content !== undefined)
  writeFilesAtomically(new Map(updates.map((result) => [join(root, result.file), result.content ?? ''])))
  return results
}
