import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse, stringify } from 'yaml'
import { runRedocly } from '../spec-diff/redocly-cli.ts'
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

/** The `apis:` entry of redocly.yaml for a spec: alias `<name>` or `<name>@<version>`, or the same `root`. */
export function strictApiEntry(config: RedoclyConfig, spec: SpecFile): string | null {
  for (const [alias, api] of Object.entries(config.apis ?? {})) {
    if (alias.split('@')[0] === spec.name || api.root === spec.file) return alias
  }
  return null
}

/**
 * `redocly lint` (the CLI, so rule names match what maintainers see) on the document as generated:
 * the spec with its overlay applied, written to a temp folder with a copy of redocly.yaml whose
 * `apis:` entry for this spec (if any) points at it. Without an entry the top-level rules apply.
 */
export async function lintWithRedocly(root: string, spec: SpecFile, document: unknown): Promise<LintResult> {
  const config = (parse(readFileSync(join(root, 'redocly.yaml'), 'utf8')) ?? {}) as RedoclyConfig
  const alias = strictApiEntry(config, spec)
  const directory = mkdtempSync(join(tmpdir(), 'voicebatch-lint-'))
  try {
    writeFileSync(join(directory, 'document.json'), JSON.stringify(document))
    const { apis, ...rest } = config
    const api = alias === null ? undefined : apis?.[alias]
    const local = alias === null ? rest : { ...rest, apis: { [alias]: { ...api, root: 'document.json' } } }
    writeFileSync(join(directory, 'redocly.yaml'), stringify(local))
    const args = ['lint', alias ?? 'document.json', '--format', 'json', '--max-problems', '1000000']
    let stdout: string
    try {
      stdout = (await runRedocly([...args, '--config', 'redocly.yaml', '--lint-config', 'off'], directory))
        .stdout
    } catch (error) {
      // Exit code 1 means "problems found"; the JSON report is on stdout all the same.
      stdout = String((error as { stdout?: unknown }).stdout ?? '')
      if (!stdout.trimStart().startsWith('{')) {
        const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim()
        throw new Error(`redocly lint ${spec.file} failed: ${stderr.slice(-2000) || String(error)}`)
      }
    }
    const report = JSON.parse(stdout) as {
      problems: { ruleId: string; severity: string; message: string; location: { pointer?: string }[] }[]
    }
    return {
      strictAlias: alias,
      problems: report.problems
        .filter((problem) => problem.severity !== 'off')
        .map((problem) => ({
          ruleId: problem.ruleId,
          severity: problem.severity === 'error' ? 'error' : 'warn',
          message: problem.message,
          pointer: (problem.location[0]?.pointer ?? '').replace(/^#/, ''),
        })),
    }
  } finally {
    rmSync(directory, { recursive: true, force: true })
  }
}
