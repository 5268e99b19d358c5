import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestCounts } from './test-summary-reporter.ts'

/**
 * `pnpm test`: every check and every test, in the order that fails fastest.
 * Each check counts as one test; the last line adds them to vitest's counts.
 */
const checks: [string, string[]][] = [
  ['generated types are current', ['pnpm', 'generate', '--check']],
  ['biome lint and format', ['pnpm', 'exec', 'biome', 'check', '.']],
  ['pending changesets are valid', ['pnpm', 'exec', 'changeset', 'status']],
  ['every package builds', ['pnpm', 'exec', 'turbo', 'run', 'build', '--output-logs=errors-only']],
  ['every package type-checks', ['pnpm', 'exec', 'turbo', 'run', 'typecheck', '--output-logs=errors-only']],
  ['the scripts type-check', ['pnpm', 'exec', 'tsc', '--noEmit', '-p', 'tsconfig.json']],
]

function run(command: string[], env: NodeJS.ProcessEnv = process.env): boolean {
  const [executable, ...args] = command
  if (executable === undefined) return false
  return spawnSync(executable, args, { stdio: 'inherit', env }).status === 0
}

const totals: TestCounts = { passed: 0, failed: 0, skipped: 0 }
// Setup, not a check: the runtime smoke suite's browser (tests/runtimes reports SKIPPED without it).
run(['pnpm', 'exec', 'tsx', 'scripts/install-chromium.ts'])
for (const [name, command] of checks) {
  console.log(`\n▶ ${name}: ${command.join(' ')}`)
  if (run(command)) totals.passed += 1
  else {
    totals.failed += 1
    console.error(`✗ ${name} failed`)
  }
}

const summaryDirectory = mkdtempSync(join(tmpdir(), 'voicebatch-test-'))
const summaryFile = join(summaryDirectory, 'counts.json')
const vitestArguments = ['pnpm', 'exec', 'vitest', 'run', ...process.argv.slice(2)]
console.log(`\n▶ tests: ${vitestArguments.join(' ')}`)
const vitestPassed = run(vitestArguments, { ...process.env, VOICEBATCH_TEST_SUMMARY: summaryFile })
try {
  const counts = JSON.parse(readFileSync(summaryFile, 'utf8')) as TestCounts
  totals.passed += counts.passed
  totals.failed += counts.failed
  totals.skipped += counts.skipped
} catch {
  totals.failed += 1
  console.error('✗ vitest ended without reporting its counts')
}
if (!vitestPassed && totals.failed === 0) totals.failed += 1
rmSync(summaryDirectory, { recursive: true, force: true })

console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
process.exitCode = totals.failed === 0 ? 0 : 1
