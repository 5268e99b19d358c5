import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { LintProblem } from './lint-with-redocly.ts'

/**
 * `redocly lint`'s findings by what decides them: the CLI's version, the rules that apply to the spec
 * (redocly.yaml's top level and the spec's `apis:` entry) and the document as linted (with its
 * overlay). A hit gives the findings the CLI printed for exactly that input, so `pnpm generate`
 * runs the lint process only for what changed. Off with VOICEBATCH_LINT_CACHE=off, and whenever
 * redocly.yaml loads plugins (their code is not part of the key).
 */
const NODE_MODULES = join(import.meta.dirname, '..', '..', 'node_modules')
const DIRECTORY = join(NODE_MODULES, '.cache', 'voicebatch-redocly-lint')

let cliVersion: string | undefined
function redoclyVersion(): string {
  cliVersion ??= (
    JSON.parse(readFileSync(join(NODE_MODULES, '@redocly', 'cli', 'package.json'), 'utf8')) as {
      version: string
    }
  ).version
  return cliVersion
}

export function lintCacheEnabled(config: Record<string, unknown>): boolean {
  return process.env.VOICEBATCH_LINT_CACHE !== 'off' && config.plugins === undefined
}

export function lintCacheKey(rules: unknown, documentJson: string): string {
  return createHash('sha256')
    .update(`${redoclyVersion()}\n${JSON.stringify(rules)}\n`)
    .update(documentJson)
    .digest('hex')
}

export function readCachedLint(key: string): LintProblem[] | null {
  try {
    return JSON.parse(readFileSync(join(DIRECTORY, `${key}.json`), 'utf8')) as LintProblem[]
  } catch {
    return null
  }
}

export function writeCachedLint(key: string, problems: LintProblem[]): void {
  try {
    mkdirSync(DIRECTORY, { recursive: true })
    const file = join(DIRECTORY, `${key}.json`)
    writeFileSync(`${file}.${process.pid}`, JSON.stringify(problems))
    renameSync(`${file}.${process.pid}`, file)
  } catch {
    // A cache that cannot be written only costs the next run a lint.
  }
}
