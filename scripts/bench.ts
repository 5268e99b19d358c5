/**
 * `pnpm bench`: what users feel, against raw fetch and bare openapi-fetch. Builds the packages,
 * runs each scenario of scripts/bench/scenarios.ts in a fresh `node --expose-gc` process, prints
 * a table, checks every target, and writes bench/results.json and bench/results.md (the README's
 * Performance table). Exits 1 when a target is missed or a scenario fails.
 *
 *   pnpm bench                        everything (a few minutes on 2 cores)
 *   pnpm bench --only bundle-size,consumer-typecheck   some scenarios; writes no result files
 *   pnpm bench --skip-build           measure dist/ as it is
 */
import { fork } from 'node:child_process'
import { mkdirSync, renameSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, platform, release, totalmem } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { elapsedMs } from './bench/measure.ts'
import {
  type BenchResults,
  type Machine,
  markdownReport,
  type ScenarioReport,
  scenarioTable,
  summaryLine,
} from './bench/report.ts'
import { runCommand, tail } from './bench/run-command.ts'
import type { ScenarioOutcome } from './bench/run-scenario.ts'
import { type ScenarioDefinition, scenarios } from './bench/scenarios.ts'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const runner = join(root, 'scripts', 'bench', 'run-scenario.ts')

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name)
  return index < 0 ? undefined : process.argv[index + 1]
}

function machine(): Machine {
  return {
    node: process.version,
    platform: `${platform()} ${release()} ${process.arch}`,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 1024 ** 3),
    loadAverageStart: loadavg().map((value) => Math.round(value * 100) / 100),
    loadAverageEnd: [],
  }
}

/** Builds every package so the scenarios measure current code; `--continue` builds all that can be. */
function build(): BenchResults['build'] {
  const start = process.hrtime.bigint()
  const run = runCommand(
    'pnpm',
    ['exec', 'turbo', 'run', 'build', '--continue', '--output-logs=errors-only'],
    { cwd: root, timeoutMs: 600_000 },
  )
  const seconds = elapsedMs(start) / 1000
  if (run.ok) return { ok: true, seconds }
  const failed = /Failed:\s+(.+)/.exec(run.output)?.[1]?.trim()
  return { ok: false, seconds, note: `build failed${failed ? ` (${failed})` : ''}:\n${tail(run.output, 8)}` }
}

function runScenario(scenario: ScenarioDefinition): Promise<ScenarioReport> {
  const start = process.hrtime.bigint()
  return new Promise((resolve) => {
    const child = fork(runner, [scenario.name, root], {
      cwd: root,
      execArgv: ['--expose-gc', '--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    })
    let outcome: ScenarioOutcome | undefined
    const timer = setTimeout(() => {
      outcome = { ok: false, error: `timed out after ${scenario.timeoutMs / 1000} s` }
      child.kill('SIGKILL')
    }, scenario.timeoutMs)
    child.on('message', (message: ScenarioOutcome) => {
      outcome ??= message
    })
    child.on('exit', (code) => {
      clearTimeout(timer)
      const seconds = elapsedMs(start) / 1000
      const base = { name: scenario.name, title: scenario.title, seconds }
      const ended = outcome ?? { ok: false, error: `the scenario process exited with ${code} and no result` }
      resolve(
        ended.ok
          ? { ...base, ...ended.result }
          : { ...base, figures: [], targets: [], notes: [], error: ended.error },
      )
    })
  })
}

/** Written next to the target, then renamed: a crash never leaves half a file. */
function writeAtomically(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(`${path}.tmp`, content)
  renameSync(`${path}.tmp`, path)
}

async function main(): Promise<number> {
  const started = process.hrtime.bigint()
  const only = option('--only')?.split(',')
  const selected = only ? scenarios.filter((scenario) => only.includes(scenario.name)) : scenarios
  if (only && selected.length !== only.length) {
    console.error(
      `Unknown scenario in --only. Scenarios: ${scenarios.map((scenario) => scenario.name).join(', ')}`,
    )
    return 2
  }
  const host = machine()
  console.log(
    `voicebatch bench: Node ${host.node}, ${host.cores} cores (${host.cpuModel}), load average ${host.loadAverageStart.join(' ')}`,
  )

  let built: BenchResults['build'] = { ok: true, seconds: 0, note: 'skipped (--skip-build)' }
  if (!process.argv.includes('--skip-build')) {
    console.log('Building the packages (pnpm exec turbo run build)...')
    built = build()
    console.log(built.ok ? `Built in ${built.seconds.toFixed(1)} s.` : `Warning: ${built.note}`)
  }

  const reports: ScenarioReport[] = []
  for (const scenario of selected) {
    console.log(`\nRunning ${scenario.title}...`)
    const report = await runScenario(scenario)
    reports.push(report)
    console.log(scenarioTable(report))
  }

  const targets = reports.flatMap((report) => report.targets)
  const results: BenchResults = {
    date: new Date().toISOString(),
    durationSeconds: elapsedMs(started) / 1000,
    machine: { ...host, loadAverageEnd: loadavg().map((value) => Math.round(value * 100) / 100) },
    build: built,
    summary: {
      targets: targets.length,
      met: targets.filter((target) => target.met).length,
      missed: targets.filter((target) => !target.met).length,
      failedScenarios: reports.filter((report) => report.error).map((report) => report.name),
    },
    scenarios: reports,
  }

  console.log('\n════ All targets ════')
  for (const report of reports) {
    for (const target of report.targets) {
      const ratio = target.ratio === null ? '' : ` (ratio ${target.ratio.toFixed(2)} ${target.ratioOf})`
      console.log(`  ${target.met ? 'met   ' : 'MISSED'} ${target.label}${ratio}`)
    }
  }
  console.log(`\n${summaryLine(results)}`)

  if (only) {
    console.log('\n--only: bench/results.json and bench/results.md left as they were.')
  } else {
    writeAtomically(join(root, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`)
    writeAtomically(join(root, 'bench', 'results.md'), markdownReport(results))
    console.log('\nWrote bench/results.json and bench/results.md (the README Performance table).')
  }
  return results.summary.missed === 0 && results.summary.failedScenarios.length === 0 ? 0 : 1
}

main().then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    console.error(error)
    process.exitCode = 1
  },
)
