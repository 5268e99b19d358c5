import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { parseYaml } from '@redocly/openapi-core/lib/js-yaml/index.js'
import { runRedoclyToFile } from '../spec-diff/redocly-cli.ts'
import { readCachedAnswer, redoclyCacheEnabled, redoclyCacheKey, writeCachedAnswer } from './redocly-cache.ts'
import type { SpecFile } from './spec-files.ts'

export interface LintProblem {
  ruleId: string
  severity: 'error' | 'warn'
  message: string
  /** JSON pointer without the leading `#`. */
  pointer: string
}

export interface LintResult {
  /** The `apis:` alias in redocly.yaml that makes this spec strict, or null for a published document. */
  strictAlias: string | null
  problems: LintProblem[]
}

interface RedoclyConfig {
  apis?: Record<string, { root?: string } & Record<string, unknown>>
  [key: string]: unknown
}

interface ReportedProblem {
  ruleId: string
  severity: string
  message: string
  location: { source?: { ref?: string }; pointer?: string }[]
}

/** The `apis:` entry of redocly.yaml for a spec: alias `<name>` or `<name>@<version>`, or the same `root`. */
export function strictApiEntry(config: RedoclyConfig, spec: SpecFile): string | null {
  for (const [alias, api] of Object.entries(config.apis ?? {})) {
    if (alias.split('@')[0] === spec.name || api.root === spec.file) return alias
  }
  return null
}

/**
 * `redocly lint --format json` over several APIs prints one report per API, one after the other
 * (`}{` on the line where one ends and the next starts); nested objects are indented.
 */
function problemsOf(stdout: string): ReportedProblem[] {
  return stdout
    .replace(/^\}\{$/gm, '}\n{')
    .split(/^(?=\{$)/m)
    .filter((chunk) => chunk.trim() !== '')
    .flatMap((chunk) => (JSON.parse(chunk) as { problems: ReportedProblem[] }).problems)
}

/** The file a problem is in, as the report names it: `<folder>/<name>.json` (see runLint). */
function fileOf(problem: ReportedProblem): string {
  return (problem.location[0]?.source?.ref ?? '').split(/[\\/]/).slice(-2).join('/')
}

/**
 * `redocly lint` (the CLI, so rule names match what maintainers see) on the documents as generated:
 * each spec with its overlay applied, written to one temp folder as `<n>/<name>.json`, with a copy of
 * redocly.yaml whose `apis:` entry for a spec (if any) points at it. One process lints them all (its
 * start-up costs more than linting the three specs); a spec without an entry gets the top-level rules.
 * Several documents of the same spec (versions of it) can be linted in one call, each under its rules.
 * Findings for an input linted before come from the cache (redocly-cache.ts): the key is the rules
 * that apply to the spec (redocly.yaml's top level and its `apis:` entry) and the document as linted.
 * No cache when redocly.yaml loads plugins (their code is not part of the key).
 */
export async function lintSpecs(
  root: string,
  specs: { spec: SpecFile; document: unknown }[],
): Promise<LintResult[]> {
  const config = (parseYaml(readFileSync(join(root, 'redocly.yaml'), 'utf8')) ?? {}) as RedoclyConfig
  const { apis, ...rest } = config
  const cache = redoclyCacheEnabled() && config.plugins === undefined
  const targets = specs.map(({ spec, document }, index) => {
    const json = JSON.stringify(document)
    const alias = strictApiEntry(config, spec)
    const api = alias === null ? null : { ...apis?.[alias], root: undefined }
    const key = redoclyCacheKey('lint', [JSON.stringify({ rest, alias, api }), json])
    // A folder per document: several versions of one spec can be linted together.
    const file = `${index}/${spec.name}.json`
    return { file, json, alias, key, problems: cache ? readCachedAnswer<LintProblem[]>('lint', key) : null }
  })
  const misses = targets.filter((target) => target.problems === null)
  if (misses.length > 0) {
    const linted = await runLint(rest, apis, misses)
    for (const target of misses) {
      target.problems = linted.filter((problem) => fileOf(problem) === target.file).map(toLintProblem)
      if (cache) writeCachedAnswer('lint', target.key, target.problems)
    }
  }
  return targets.map(({ alias, problems }) => ({ strictAlias: alias, problems: problems ?? [] }))
}

function toLintProblem(problem: ReportedProblem): LintProblem {
  return {
    ruleId: problem.ruleId,
    severity: problem.severity === 'error' ? 'error' : 'warn',
    message: problem.message,
    pointer: (problem.location[0]?.pointer ?? '').replace(/^#/, ''),
  }
}

/** One `redocly lint` process over the given documents; every problem it reports (`off` ones dropped). */
async function runLint(
  rest: Omit<RedoclyConfig, 'apis'>,
  apis: RedoclyConfig['apis'],
  targets: { file: string; json: string; alias: string | null }[],
): Promise<ReportedProblem[]> {
  const directory = mkdtempSync(join(tmpdir(), 'voicebatch-lint-'))
  try {
    const localApis: NonNullable<RedoclyConfig['apis']> = {}
    const args: string[] = []
    for (const [index, { file, json, alias }] of targets.entries()) {
      mkdirSync(dirname(join(directory, file)), { recursive: true })
      writeFileSync(join(directory, file), json)
      if (alias === null) args.push(file)
      else {
        // The same rules under an alias of its own when another document of that spec came first.
        const localAlias = alias in localApis ? `${alias}-${index}` : alias
        localApis[localAlias] = { ...apis?.[alias], root: file }
        args.push(localAlias)
      }
    }
    const local = Object.keys(localApis).length === 0 ? rest : { ...rest, apis: localApis }
    // JSON is YAML: the CLI reads it as redocly.yaml.
    writeFileSync(join(directory, 'redocly.yaml'), JSON.stringify(local, null, 2))
    args.unshift('lint')
    args.push(
      '--format',
      'json',
      '--max-problems',
      '1000000',
      '--config',
      'redocly.yaml',
      '--lint-config',
      'off',
    )
    const output = join(directory, 'report.json')
    const inputBytes = targets.reduce((sum, { json }) => sum + Buffer.byteLength(json), 0)
    const { code, stderr } = await runRedoclyToFile(args, directory, output, inputBytes)
    const stdout = readFileSync(output, 'utf8')
    // Exit code 1 means "problems found"; the JSON reports are written all the same.
    if (!stdout.trimStart().startsWith('{')) {
      const files = targets.map(({ file }) => file).join(', ')
      throw new Error(`redocly lint ${files} failed (exit ${code}): ${stderr.trim().slice(-2000)}`)
    }
    return problemsOf(stdout).filter((problem) => problem.severity !== 'off')
  } finally {
    rmSync(directory, { recursive: true, force: true })
  }
}

/** `lintSpecs` for one spec. */
export async function lintWithRedocly(root: string, spec: SpecFile, document: unknown): Promise<LintResult> {
  const [result] = await lintSpecs(root, [{ spec, document }])
  return result as LintResult
}
