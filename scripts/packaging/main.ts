import { parseArgs } from 'node:util'
import { checkPackages } from './check-packages.ts'

const USAGE = `usage: pnpm check:packages [package ...] [--no-build]

Builds, then for each publishable package (all, or the named ones: \`core\` or \`@voicebatch/core\`):
pnpm pack, tarball contents, packed package.json (ranges, homepage, bugs, repository, files),
source maps and the sources they name, publint --strict, the checks of attw --profile esm-only
(Are the Wrong Types, in this process), and
the size-limit budgets of .size-limit.json. Exits 1 on any problem.`

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { 'no-build': { type: 'boolean', default: false }, help: { type: 'boolean', default: false } },
  })
  if (values.help) {
    console.log(USAGE)
    return 0
  }
  const { checks, sizes } = await checkPackages(process.cwd(), {
    packages: positionals,
    build: !values['no-build'],
  })
  for (const check of checks) {
    const state = check.problems.length === 0 ? 'ok' : `${check.problems.length} problem(s)`
    console.log(`${check.name.padEnd(30)} ${state.padEnd(14)} ${check.files.length} files`)
    for (const problem of check.problems) console.log(`  ✗ ${problem.replace(/\n/g, '\n    ')}`)
    for (const warning of check.warnings) console.log(`  ! ${warning}`)
  }
  for (const size of sizes) {
    const limit = size.limit === null ? 'no limit' : `limit ${(size.limit / 1000).toFixed(2)} kB`
    console.log(`size ${size.name.padEnd(56)} ${(size.size / 1000).toFixed(2).padStart(7)} kB  ${limit}`)
  }
  const failed = checks.filter((check) => check.problems.length > 0)
  if (failed.length > 0) {
    console.error(`Packaging problems in ${failed.map((check) => check.name).join(', ')}`)
    return 1
  }
  return 0
}

main().then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    console.error(`error: ${(error as Error).message}`)
    process.exitCode = 1
  },
)
