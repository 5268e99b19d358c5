import { join, relative } from 'node:path'
import { performance } from 'node:perf_hooks'
import { lintSpecs } from './generate/lint-with-redocly.ts'
import { settleNewPackages, withSizeBudgets } from './generate/new-package-extras.ts'
import { planTypesPackage, type TypesPackagePlan } from './generate/plan-types-package.ts'
import { loadOpenApiTypescript } from './generate/render-openapi-types.ts'
import { planSpecChangeset } from './generate/spec-changeset.ts'
import { SpecError } from './generate/spec-error.ts'
import { listSpecFiles } from './generate/spec-files.ts'
import { styleSummary } from './generate/style-summary.ts'
import { checkSpecs, judgeLints, type ValidatedSpec } from './generate/validate-spec.ts'
import { staleFiles, writeFilesAtomically } from './generate/write-files-atomically.ts'
import { SIZE_LIMIT_CONFIG } from './packaging/check-size-limits.ts'

/**
 * `pnpm generate`: specs/<name>.(yaml|json) → packages/<name>-types/src/generated/.
 * `pnpm generate --check`: exits 1 naming every package whose committed output is stale; writes nothing.
 * Every spec is validated and rendered before anything is written, so a bad spec leaves the tree as it was.
 */
async function main(): Promise<number> {
  const root = process.cwd()
  const check = process.argv.includes('--check')
  const started = performance.now()
  const toWrite = new Map<string, string>()
  const report: string[] = []
  const stalePackages: string[] = []
  const budgets: NonNullable<TypesPackagePlan['sizeBudget']>[] = []
  const newPackages: string[] = []

  // Every spec is checked; then one `redocly lint` process lints them all while openapi-typescript
  // loads and renders here (its verdict comes first all the same: nothing is written before it).
  const specs = listSpecFiles(root)
  const checked = await checkSpecs(root, specs)
  const linting = lintSpecs(
    root,
    checked.map((spec) => ({ spec, document: spec.document })),
  )
  linting.catch(() => {})
  await loadOpenApiTypescript()
  const plans: { plan: TypesPackagePlan; seconds: number }[] = []
  try {
    for (const spec of checked) {
      const specStarted = performance.now()
      plans.push({ plan: await planTypesPackage(root, spec), seconds: performance.now() - specStarted })
    }
  } catch (error) {
    judgeLints(checked, await linting)
    throw error
  }
  const validations = judgeLints(checked, await linting)
  for (const [index, spec] of specs.entries()) {
    const specStarted = performance.now()
    const validated = validations[index] as ValidatedSpec
    const { plan, seconds: planSeconds } = plans[index] as (typeof plans)[number]
    const findings = styleSummary(validated)
    if (findings !== null) report.push(findings)
    const changeset = await planSpecChangeset(root, validated, plan)
    if (changeset) plan.files.set(changeset.path, changeset.content)
    if (plan.sizeBudget) {
      budgets.push(plan.sizeBudget)
      newPackages.push(relative(root, plan.directory))
    }
    const stale = staleFiles(plan.files)
    for (const path of stale) toWrite.set(path, plan.files.get(path) ?? '')
    if (stale.length > 0) stalePackages.push(`@voicebatch/${spec.name}-types`)

    const operations = Object.values(validated.document.paths).flatMap((item) =>
      Object.keys(item).filter((key) =>
        ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'].includes(key),
      ),
    ).length
    const bytes = [...plan.files]
      .filter(([path]) => path.includes('/src/generated/'))
      .reduce((sum, [, content]) => sum + Buffer.byteLength(content), 0)
    const seconds = ((planSeconds + performance.now() - specStarted) / 1000).toFixed(2)
    const state =
      stale.length === 0
        ? 'up to date'
        : check
          ? `stale: ${stale.map((path) => relative(root, path)).join(', ')}`
          : `wrote ${stale.length} file(s)`
    report.push(
      `${spec.name.padEnd(12)} ${String(operations).padStart(3)} operations  ${(bytes / 1024).toFixed(1).padStart(6)} kB  ${seconds} s  ${state}`,
    )
  }

  if (budgets.length > 0) toWrite.set(join(root, SIZE_LIMIT_CONFIG), withSizeBudgets(root, budgets))
  if (!check) {
    writeFilesAtomically(toWrite)
    settleNewPackages(root, newPackages)
  }
  for (const line of report) console.log(line)
  const total = ((performance.now() - started) / 1000).toFixed(2)
  if (check && stalePackages.length > 0) {
    console.error(
      `Generated output is stale for ${stalePackages.join(', ')}: run \`pnpm generate\` and commit.`,
    )
    return 1
  }
  console.log(`${check ? 'checked' : 'generated'} in ${total} s`)
  return 0
}

main().then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    if (error instanceof SpecError) {
      console.error(`error: ${error.message}`)
      console.error('Nothing was written.')
    } else {
      console.error(error)
    }
    process.exitCode = 1
  },
)
