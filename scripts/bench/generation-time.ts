/**
 * 4. Maintainer commands. `pnpm generate --check` does all of the generator's work (strict
 * validation and rendering of every spec, the changeset plan) and writes nothing, so timing it
 * neither depends on whether the output is current nor touches the tree. `redocly lint` findings
 * come from the lint cache when the specs did not change (timed runs); one run without it is
 * reported too, and the large synthetic document is always linted. `pnpm build` is timed
 * after a build has run (scripts/bench.ts builds first): turbo should answer from its cache.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { largeDocumentGeneration } from './large-document-generation.ts'
import { summarize } from './measure.ts'
import { runCommand, tail } from './run-command.ts'
import { emptyResult, ratioTarget, type ScenarioResult } from './scenario.ts'

const RUNS = 5

export async function generationTime(root: string): Promise<ScenarioResult> {
  const result = emptyResult()

  // Untimed: fills the lint cache (scripts/generate/redocly-cache.ts) as any earlier run would have;
  // the cold cost is measured below with the cache off.
  runCommand('pnpm', ['generate', '--check'], { cwd: root, timeoutMs: 120_000 })
  const generate = { wall: [] as number[], own: [] as number[] }
  const bare = bareOpenapiTypescript(root)
  const bareWall: number[] = []
  // Ours and the bare CLI take turns, so a slow moment of the machine falls on both of a round.
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
    const bareRun = bare.run()
    if (typeof bareRun === 'string') {
      result.notes.push(bareRun)
      break
    }
    bareWall.push(bareRun)
  }
  bare.remove()
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

  if (bareWall.length > 0 && bareWall.length === generate.wall.length) {
    const wall = summarize(bareWall)
    const ours = summarize(generate.wall).median
    const ratio = summarize(generate.wall.map((seconds, run) => seconds / (bareWall[run] as number)))
    result.figures.push(
      {
        id: 'generate.bare_cli_wall_seconds',
        label: 'bare openapi-typescript CLI, the same specs, one process',
        value: wall.median,
        unit: 's',
        detail: `median of ${wall.samples}; pnpm exec openapi-typescript --read-write-markers over specs/*.yaml (no overlays, no validation)`,
      },
      {
        id: 'generate.check_over_bare_cli',
        label: 'pnpm generate --check / bare openapi-typescript CLI (whole process)',
        value: ratio.median,
        unit: 'x',
        readme: true,
        detail: `${ours.toFixed(2)} s vs ${wall.median.toFixed(2)} s (medians); median of ${ratio.samples} paired runs`,
      },
    )
    result.targets.push(
      ratioTarget(
        'generate.check_over_bare_cli_target',
        'pnpm generate --check / bare openapi-typescript CLI (whole process)',
        ratio.median,
        '<=',
        1.2,
        'ours / bare openapi-typescript CLI (median of paired runs)',
        `${ours.toFixed(2)} s vs ${wall.median.toFixed(2)} s (medians); runs ranged ${ratio.min.toFixed(2)}x–${ratio.max.toFixed(2)}x`,
      ),
    )
    const uncached = runCommand('pnpm', ['generate', '--check'], {
      cwd: root,
      timeoutMs: 120_000,
      env: { ...process.env, VOICEBATCH_REDOCLY_CACHE: 'off' },
    })
    if (/checked in/.test(uncached.output)) {
      result.figures.push({
        id: 'generate.check_uncached_over_bare_cli',
        label: 'the same, no lint cache (a fresh clone, or every spec changed)',
        value: uncached.ms / 1000 / wall.median,
        unit: 'x',
        detail: `one run: ${(uncached.ms / 1000).toFixed(2)} s; VOICEBATCH_REDOCLY_CACHE=off`,
      })
    }
  }

  largeDocumentGeneration(root, result)

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

/**
 * The bare openapi-typescript CLI over the same provider documents, in one process (a Redocly
 * config listing the three), to a temporary directory: what `pnpm generate --check` is measured
 * against. `run()` gives the seconds of one run, or why it could not run.
 */
function bareOpenapiTypescript(root: string): { run(): number | string; remove(): void } {
  const directory = mkdtempSync(join(tmpdir(), 'voicebatch-bench-openapi-ts-'))
  const specs = readdirSync(join(root, 'specs')).filter(
    (file) => /^[a-z0-9-]+\.yaml$/.test(file) && !file.includes('overlay'),
  )
  const apis = specs.map((file) => {
    const name = file.replace(/\.yaml$/, '')
    return `  ${name}:\n    root: ${JSON.stringify(join(root, 'specs', file))}\n    x-openapi-ts:\n      output: ${JSON.stringify(join(directory, `${name}.ts`))}\n`
  })
  const config = join(directory, 'redocly.yaml')
  writeFileSync(config, `apis:\n${apis.join('')}`)
  return {
    run() {
      const { ok, status, ms, output } = runCommand(
        'pnpm',
        ['exec', 'openapi-typescript', '--redocly', config, '--read-write-markers'],
        { cwd: root, timeoutMs: 120_000 },
      )
      return ok ? ms / 1000 : `bare openapi-typescript CLI failed (exit ${status}):\n${tail(output)}`
    },
    remove: () => rmSync(directory, { recursive: true, force: true }),
  }
}
