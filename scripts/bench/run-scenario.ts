/**
 * One scenario in a process of its own (fresh heap and JIT, `--expose-gc`):
 * `node --expose-gc --import tsx scripts/bench/run-scenario.ts <name> <root>`.
 * The result goes back to scripts/bench.ts over the IPC channel.
 */
import type { ScenarioResult } from './scenario.ts'
import { scenarios } from './scenarios.ts'

export type ScenarioOutcome = { ok: true; result: ScenarioResult } | { ok: false; error: string }

const [name, root] = process.argv.slice(2)
const scenario = scenarios.find((candidate) => candidate.name === name)

async function main(): Promise<ScenarioOutcome> {
  if (scenario === undefined || root === undefined) return { ok: false, error: `unknown scenario ${name}` }
  try {
    return { ok: true, result: await scenario.run(root) }
  } catch (error) {
    return { ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }
  }
}

const outcome = await main()
process.send?.(outcome, () => process.exit(0))
