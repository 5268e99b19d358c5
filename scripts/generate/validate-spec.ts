import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { type Config, lintFromString, loadConfig, type NormalizedProblem } from '@redocly/openapi-core'
import { LineCounter, parseDocument } from 'yaml'
import { SpecError } from './spec-error.ts'
import type { SpecFile } from './spec-files.ts'

export interface OpenApiDocument {
  openapi: string
  info: { title: string; version: string; 'x-voicebatch-source'?: string }
  servers?: { url: string }[]
  paths: Record<string, Record<string, unknown>>
  components?: { schemas?: Record<string, Record<string, unknown>> }
}

export interface ValidatedSpec extends SpecFile {
  source: string
  sha256: string
  document: OpenApiDocument
}

let redoclyConfig: Promise<Config> | undefined

function loadRedoclyConfig(root: string): Promise<Config> {
  redoclyConfig ??= loadConfig({ configPath: join(root, 'redocly.yaml') })
  return redoclyConfig
}

function parseSource(spec: SpecFile, source: string): unknown {
  if (spec.file.endsWith('.json')) {
    try {
      return JSON.parse(source)
    } catch (error) {
      throw new SpecError(spec.file, '', `not valid JSON: ${(error as Error).message}`)
    }
  }
  const lineCounter = new LineCounter()
  const document = parseDocument(source, { lineCounter, prettyErrors: false })
  const [first] = document.errors
  if (first) {
    const { line, col } = lineCounter.linePos(first.pos[0])
    throw new SpecError(spec.file, '', `not valid YAML at line ${line}, column ${col}: ${first.message}`)
  }
  return document.toJS()
}

function describeProblem(spec: SpecFile, problem: NormalizedProblem): string {
  const [location] = problem.location
  const pointer = (location?.pointer ?? '').replace(/^#/, '')
  return `${spec.file}#${pointer}: ${problem.message} (${problem.ruleId}, ${problem.severity})`
}

/**
 * Parses a spec and lints it with the Redocly rules of `redocly.yaml` (recommended + structural).
 * Strict: warnings fail like errors, since every one of them would weaken the generated types.
 */
export async function validateSpec(root: string, spec: SpecFile): Promise<ValidatedSpec> {
  return validateSpecSource(root, spec, readFileSync(join(root, spec.file), 'utf8'))
}

/**
 * The same checks on a text that is not (yet) on disk, e.g. a downloaded spec: it is parsed and
 * linted as if it were `spec.file` (the extension decides JSON or YAML).
 */
export async function validateSpecSource(
  root: string,
  spec: SpecFile,
  source: string,
): Promise<ValidatedSpec> {
  const parsed = parseSource(spec, source)
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new SpecError(spec.file, '', 'the document is not an object')
  }
  const document = parsed as OpenApiDocument
  if (typeof document.openapi !== 'string' || !/^3\.[01]\.\d+$/.test(document.openapi)) {
    throw new SpecError(
      spec.file,
      '/openapi',
      `expected OpenAPI 3.0.x or 3.1.x, found ${JSON.stringify(document.openapi)}`,
    )
  }
  const problems = (
    await lintFromString({
      source,
      absoluteRef: join(root, spec.file),
      config: await loadRedoclyConfig(root),
    })
  ).filter((problem) => !problem.ignored)
  const [first] = problems
  if (first) {
    const others = problems.slice(1).map((problem) => `\n  ${describeProblem(spec, problem)}`)
    throw new SpecError(
      spec.file,
      (first.location[0]?.pointer ?? '').replace(/^#/, ''),
      `${first.message} (${first.ruleId}, ${first.severity})${others.join('')}`,
    )
  }
  const sha256 = createHash('sha256').update(source).digest('hex')
  return { ...spec, source, sha256, document }
}
