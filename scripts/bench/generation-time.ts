/**
 * 4. Maintainer commands. `pnpm generate --check` does all of the generator's work (strict
 * validation and rendering of every spec, the changeset plan) and writes nothing, so timing it
 * neither depends on whether the output is current nor touches the tree. `pnpm build` is timed
 * after a build has run (scripts/bench.ts builds first): turbo should answer from its cache.
 */
import { summarize } from './measure.ts'
import { runCommand, tail } from './run-command.ts'
import { emptyResult, type ScenarioResult } from './scenario.ts'

const RUNS = 3

export async function generationTime(root: string): Promise<ScenarioResult> {
  const result = emptyResult()

  const generate = { wall: [] as number[], own: [] as number[] }
  for (let run = 0; run < RUNS; run++) {
    const { ok, status, ms, output } = runCommand('pnpm', ['generate', '--check'], {
      cwd: root,
      timeoutMs: 120_000,
    })
    const own = /checked in ([\d.]+) s/.exec(output)?.[1]
    if (own === undefined) {
      result.notes.push(`pnpm generate --check failed (exit ${status}):\n${tail(output)}`)
      break
    }
    if (!ok) result.notes.push('pnpm generate --check: the generated output is stale (timed all the same)')
    generate.wall.push(ms / 1000)
    generate.own.push(Number(own))
  }
  if (generate.wall.length > 0) {
    const wall = summarize(generate.wall)
    result.figures.push(
      {
        id: 'generate.wall_seconds',
        label: 'pnpm generate --check, all specs, cold process',
        value: wall.median,
        unit: 's',
        readme: true,
        detail: `median of ${wall.samples}; wall time of the command (pnpm + tsx start-up included)`,
      },
      {
        id: 'generate.generator_seconds',
        label: 'generator work (validate + render every spec)',
        value: summarize(generate.own).median,
        unit: 's',
        readme: true,
        detail: 'as the generator reports it ("checked in")',
      },
    )
  }

  const builds: number[] = []
  let cached = ''
  // Untimed: brings the cache up to date with anything changed since scripts/bench.ts built.
  runCommand('pnpm', ['build'], { cwd: root, timeoutMs: 600_000 })
  for (let run = 0; run < RUNS; run++) {
    const { ok, status, ms, output } = runCommand('pnpm', ['build'], { cwd: root, timeoutMs: 300_000 })
    if (!ok) {
      result.notes.push(`pnpm build failed (exit ${status}), no cache-hit time:\n${tail(output)}`)
      break
    }
    const counts = /Cached:\s+(\d+) cached, (\d+) total/.exec(output)
    cached = counts ? `${counts[1]} of ${counts[2]} tasks cached` : 'cache counts not found'
    if (counts && counts[1] !== counts[2])
      result.notes.push(`pnpm build run ${run + 1} was not a full cache hit: ${cached}`)
    builds.push(ms / 1000)
  }
  if (builds.length > 0) {
    const build = summarize(builds)
    result.figures.push({
      id: 'build.noop_seconds',
      label: 'pnpm build, nothing changed (turbo cache)',
      value: build.median,
      unit: 's',
      readme: true,
      detail: `median of ${build.samples}; last run: ${cached}`,
    })
  }
  return result
}
