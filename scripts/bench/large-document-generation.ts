/**
 * Issue 9: on a multi-megabyte document the generator stays within 1.25x of the bare
 * openapi-typescript CLI. The document is synthesized (synthetic-openapi.ts, fixed seed) into a temp
 * folder laid out like the repository (specs/, redocly.yaml's top-level rules, LICENSE, size budgets),
 * and `scripts/generate.ts --check` runs there as for a provider document dropped into specs/: parse,
 * validation with `redocly lint` (no lint cache: a new document has never been linted), rendering,
 * the package scaffold. It writes nothing (the new package is reported stale, exit 1, as expected).
 * The bare CLI runs in an empty folder (no redocly.yaml) on the same file. Both start without pnpm,
 * alternately: ours as `pnpm generate` runs it (`node --import tsx`, tsx taken from this checkout),
 * the CLI as its binary.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse, stringify } from 'yaml'
import { summarize } from './measure.ts'
import { runCommand, tail } from './run-command.ts'
import { ratioTarget, type ScenarioResult } from './scenario.ts'
import { synthesizeOpenApi } from './synthetic-openapi.ts'

const RUNS = 3
const SHAPE = { seed: 9, schemas: 500, resources: 200 }

export function largeDocumentGeneration(root: string, result: ScenarioResult): void {
  const directory = mkdtempSync(join(tmpdir(), 'voicebatch-bench-large-'))
  try {
    const repo = join(directory, 'repo')
    const bare = join(directory, 'bare')
    mkdirSync(join(repo, 'specs'), { recursive: true })
    mkdirSync(bare)
    const text = JSON.stringify(synthesizeOpenApi(SHAPE), null, 2)
    const document = join(repo, 'specs', 'synthetic.json')
    writeFileSync(document, text)
    const { apis: _strict, ...rules } = parse(readFileSync(join(root, 'redocly.yaml'), 'utf8')) as Record<
      string,
      unknown
    >
    writeFileSync(join(repo, 'redocly.yaml'), stringify(rules))
    for (const file of ['LICENSE', '.size-limit.json']) copyFileSync(join(root, file), join(repo, file))

    const ours: number[] = []
    const theirs: number[] = []
    const env = { ...process.env, VOICEBATCH_REDOCLY_CACHE: 'off' }
    for (let run = 0; run < RUNS; run++) {
      const generated = runCommand(
        process.execPath,
        ['--import', import.meta.resolve('tsx'), join(root, 'scripts', 'generate.ts'), '--check'],
        { cwd: repo, timeoutMs: 300_000, env },
      )
      if (!/Generated output is stale for @voicebatch\/synthetic-types/.test(generated.output)) {
        result.notes.push(`generate --check on the synthetic document failed:\n${tail(generated.output)}`)
        return
      }
      const cli = runCommand(
        join(root, 'node_modules', '.bin', 'openapi-typescript'),
        [document, '-o', join(bare, 'openapi.ts'), '--read-write-markers'],
        { cwd: bare, timeoutMs: 300_000 },
      )
      if (!cli.ok) {
        result.notes.push(`bare openapi-typescript on the synthetic document failed:\n${tail(cli.output)}`)
        return
      }
      ours.push(generated.ms / 1000)
      theirs.push(cli.ms / 1000)
    }
    const size = `${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB`
    const shape = `${SHAPE.resources * 5} operations, ${SHAPE.schemas} schemas, seed ${SHAPE.seed}`
    const oursMedian = summarize(ours).median
    const theirsMedian = summarize(theirs).median
    result.figures.push(
      {
        id: 'generate.large.ours_seconds',
        label: `generate --check, synthetic ${size} OpenAPI 3.1 document`,
        value: oursMedian,
        unit: 's',
        detail: `median of ${RUNS}; ${shape}; no lint cache`,
      },
      {
        id: 'generate.large.bare_cli_seconds',
        label: `bare openapi-typescript CLI, the same ${size} document`,
        value: theirsMedian,
        unit: 's',
        detail: `median of ${RUNS}; --read-write-markers`,
      },
    )
    result.targets.push(
      ratioTarget(
        'generate.large_over_bare_cli',
        `generator on a synthetic ${size} document / bare openapi-typescript CLI`,
        oursMedian / theirsMedian,
        '<=',
        1.25,
        'ours / bare openapi-typescript CLI',
        `${oursMedian.toFixed(2)} s vs ${theirsMedian.toFixed(2)} s`,
      ),
    )
  } finally {
    rmSync(directory, { recursive: true, force: true })
  }
}
