/**
 * 6. What our types cost a user's compiler: `tsc --extendedDiagnostics` on the consumer of
 * bench/consumer/ written with our clients and facade, and on the same program written with bare
 * openapi-fetch over the same generated `paths`. Compared: check time (median of runs, each in a
 * fresh process) and instantiation count (deterministic). Typical settings (`skipLibCheck: true`)
 * for the targets; `skipLibCheck: false` (DESIGN.md's strictest consumer) once each, for reference.
 */
import { join } from 'node:path'
import { createConsumerProject } from './consumer-project.ts'
import { summarize } from './measure.ts'
import { runCommand, tail } from './run-command.ts'
import { emptyResult, ratioTarget, type ScenarioResult } from './scenario.ts'

const RUNS = 3
const LIMIT = 1.5

interface Diagnostics {
  checkSeconds: number
  totalSeconds: number
  instantiations: number
  types: number
  files: number
}

const consumers = {
  ours: { config: 'tsconfig.voicebatch.json', label: 'our clients + facade' },
  bare: { config: 'tsconfig.bare.json', label: 'bare openapi-fetch' },
} as const

function typecheck(root: string, directory: string, config: string, skipLibCheck: boolean): Diagnostics {
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc')
  const run = runCommand(
    process.execPath,
    [tsc, '-p', config, '--extendedDiagnostics', '--skipLibCheck', String(skipLibCheck)],
    { cwd: directory, timeoutMs: 120_000 },
  )
  if (!run.ok) throw new Error(`tsc -p ${config} failed:\n${tail(run.output, 12)}`)
  const read = (name: string) => {
    const value = new RegExp(`^${name}:\\s+([\\d.]+)`, 'm').exec(run.output)?.[1]
    if (value === undefined) throw new Error(`tsc printed no "${name}"`)
    return Number(value)
  }
  return {
    checkSeconds: read('Check time'),
    totalSeconds: read('Total time'),
    instantiations: read('Instantiations'),
    types: read('Types'),
    files: read('Files'),
  }
}

export async function consumerTypecheck(root: string): Promise<ScenarioResult> {
  const result = emptyResult()
  const project = createConsumerProject(root)
  try {
    const runs = { ours: [] as Diagnostics[], bare: [] as Diagnostics[] }
    for (let run = 0; run < RUNS; run++) {
      for (const name of run % 2 === 0 ? (['ours', 'bare'] as const) : (['bare', 'ours'] as const)) {
        runs[name].push(typecheck(root, project.directory, consumers[name].config, true))
      }
    }
    const summary = {
      ours: {
        check: summarize(runs.ours.map((run) => run.checkSeconds)).median,
        instantiations: runs.ours[0]?.instantiations ?? Number.NaN,
      },
      bare: {
        check: summarize(runs.bare.map((run) => run.checkSeconds)).median,
        instantiations: runs.bare[0]?.instantiations ?? Number.NaN,
      },
    }
    for (const name of ['ours', 'bare'] as const) {
      const first = runs[name][0]
      result.figures.push(
        {
          id: `typecheck.${name}.check_seconds`,
          label: `consumer with ${consumers[name].label}: check time`,
          value: summary[name].check,
          unit: 's',
          detail: `median of ${RUNS}; total ${summarize(runs[name].map((run) => run.totalSeconds)).median.toFixed(2)} s; ${first?.files} files; skipLibCheck true`,
        },
        {
          id: `typecheck.${name}.instantiations`,
          label: `consumer with ${consumers[name].label}: instantiations`,
          value: summary[name].instantiations,
          unit: 'count',
          detail: `${first?.types} types`,
        },
      )
    }
    for (const name of ['ours', 'bare'] as const) {
      const strict = typecheck(root, project.directory, consumers[name].config, false)
      result.figures.push({
        id: `typecheck.${name}.skip_lib_check_false.check_seconds`,
        label: `consumer with ${consumers[name].label}, skipLibCheck false: check time`,
        value: strict.checkSeconds,
        unit: 's',
        detail: `one run; ${strict.instantiations} instantiations (declaration files checked too)`,
      })
    }
    result.targets.push(
      ratioTarget(
        'typecheck.check_time',
        'consumer type-check time',
        summary.ours.check / summary.bare.check,
        '<=',
        LIMIT,
        'ours / bare openapi-fetch',
        `${summary.ours.check.toFixed(2)} s vs ${summary.bare.check.toFixed(2)} s`,
      ),
      ratioTarget(
        'typecheck.instantiations',
        'consumer type instantiations',
        summary.ours.instantiations / summary.bare.instantiations,
        '<=',
        LIMIT,
        'ours / bare openapi-fetch',
        `${summary.ours.instantiations.toLocaleString('en')} vs ${summary.bare.instantiations.toLocaleString('en')}`,
      ),
    )
  } finally {
    project.remove()
  }
  return result
}
