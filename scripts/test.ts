import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type PhaseTime, printSummary } from './test-run/report.ts'
import { type CommandResult, runCommand } from './test-run/run-command.ts'
import { typeCheckedProjects } from './test-run/type-checked-projects.ts'
import { TYPE_CHECKER, TYPE_CHECKER_VERSION } from './test-run/type-checker.ts'
import type { TestCounts } from './test-summary-reporter.ts'

/**
 * `pnpm test`: every check and every test. Each check counts as one test; the counts of vitest are
 * added. Order: the quick checks side by side (fail fast), the build, then vitest (one worker per
 * core, its output streams) with the type-checks and the API reference beside it at the lowest CPU
 * priority: they take the CPU time vitest leaves (while one worker finishes a long file, while
 * other runtimes start up), and give it back the moment vitest's timing tests want it. Their results
 * are printed after vitest's. The checker is TypeScript 7 (test-run/type-checker.ts). Nothing is
 * checked twice: a project whose vitest project type-checks its tsconfig is not checked here again,
 * and TypeDoc skips the type errors the type-checks report.
 */
type Check = [name: string, command: string[]]

/** Exit code of scripts/workflows/main.ts when actionlint cannot run here. */
const SKIPPED_EXIT = 3
const root = join(import.meta.dirname, '..')
const started = performance.now()
const totals: TestCounts = { passed: 0, failed: 0, skipped: 0 }
const phases: PhaseTime[] = []

function record(name: string, result: CommandResult): void {
  const skipped = result.code === SKIPPED_EXIT && /^SKIPPED: /m.test(result.output)
  const mark = skipped ? '○' : result.ok ? '✓' : '✗'
  console.log(`${mark} ${name} (${result.seconds.toFixed(1)} s)`)
  if (skipped) {
    totals.skipped += 1
    console.log(`  ${/^SKIPPED: .*$/m.exec(result.output)?.[0]}`)
  } else if (result.ok) totals.passed += 1
  else {
    totals.failed += 1
    if (result.output.trim()) console.log(result.output.trimEnd().replace(/^/gm, '  '))
  }
}

/** Runs the checks side by side; `record` prints their results (in this order) once all are done. */
async function runSideBySide(
  checks: readonly Check[],
  lowPriority = false,
): Promise<Array<[name: string, result: CommandResult]>> {
  const results = await Promise.all(
    checks.map(([, command]) => runCommand(command, { capture: true, lowPriority })),
  )
  return checks.map(([name], index) => [name, results[index] as CommandResult])
}

const recordAll = (results: ReadonlyArray<[name: string, result: CommandResult]>) => {
  for (const [name, result] of results) record(name, result)
}

async function phase<T>(name: string, work: () => Promise<T>): Promise<T> {
  const phaseStarted = performance.now()
  const result = await work()
  phases.push({ name, seconds: (performance.now() - phaseStarted) / 1000 })
  return result
}

// Setup, not a check: the runtime smoke suite's browser (tests/runtimes reports SKIPPED without it).
await phase('setup (chromium for tests/runtimes)', () =>
  runCommand(['pnpm', 'exec', 'tsx', 'scripts/install-chromium.ts'], { capture: false }),
)

console.log('\n▶ quick checks')
const quickChecks = await phase('quick checks (side by side)', () =>
  runSideBySide([
    ['generated types are current', ['pnpm', '--silent', 'generate', '--check']],
    ['biome lint and format', ['pnpm', 'exec', 'biome', 'check', '.']],
    ['pending changesets are valid', ['pnpm', 'exec', 'changeset', 'status']],
    ['workflows pass actionlint', ['pnpm', '--silent', 'lint:workflows']],
  ]),
)
recordAll(quickChecks)

console.log('\n▶ build')
recordAll(
  await phase('build', () =>
    runSideBySide([
      ['every package builds', ['pnpm', 'exec', 'turbo', 'run', 'build', '--output-logs=errors-only']],
    ]),
  ),
)

const projects = await typeCheckedProjects(root)
const typeCheck = (tsconfig: string): string[] => ['node', TYPE_CHECKER, '--noEmit', '-p', tsconfig]
const checker = `tsc ${TYPE_CHECKER_VERSION}`
const byVitest = projects.filter((project) => project.byVitest).map((project) => project.directory)
console.log('\n▶ type-checks and API reference: beside vitest, at the lowest CPU priority')
console.log(`  vitest type-checks ${byVitest.join(', ')} with its type tests (${checker})`)
const typeChecks = phase('type-checks and API reference (beside vitest)', () =>
  runSideBySide(
    [
      ...projects
        .filter((project) => !project.byVitest)
        .map(
          (project): Check => [
            `${project.directory} type-checks (${checker})`,
            typeCheck(join(project.directory, 'tsconfig.json')),
          ],
        ),
      [`the scripts type-check (${checker})`, typeCheck('tsconfig.json')],
      [
        `declaration files type-check (dist/, libs, test tools: once; ${checker})`,
        typeCheck('tsconfig.declarations.json'),
      ],
      ['API reference builds, every export documented', ['pnpm', '--silent', 'docs:api']],
    ],
    true,
  ),
)

const summaryDirectory = mkdtempSync(join(tmpdir(), 'voicebatch-test-'))
const summaryFile = join(summaryDirectory, 'counts.json')
const vitestCommand = ['pnpm', 'exec', 'vitest', 'run', ...process.argv.slice(2)]
console.log(`\n▶ tests: ${vitestCommand.join(' ')}`)
const vitest = await phase('vitest (unit, type, e2e, README examples)', () =>
  runCommand(vitestCommand, {
    capture: false,
    env: { ...process.env, VOICEBATCH_TEST_SUMMARY: summaryFile },
  }),
)
console.log('\n▶ type-checks and API reference (ran beside vitest)')
recordAll(await typeChecks)
try {
  const counts = JSON.parse(readFileSync(summaryFile, 'utf8')) as TestCounts
  totals.passed += counts.passed
  totals.failed += counts.failed
  totals.skipped += counts.skipped
} catch {
  totals.failed += 1
  console.error('✗ vitest ended without reporting its counts')
}
if (!vitest.ok && totals.failed === 0) totals.failed += 1
rmSync(summaryDirectory, { recursive: true, force: true })

printSummary(totals, phases, (performance.now() - started) / 1000)
process.exitCode = totals.failed === 0 ? 0 : 1
