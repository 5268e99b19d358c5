import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { applyOverlay, checkOverlayDocument } from './apply-overlay.ts'
import { checkReferences } from './check-references.ts'
import { findUnrenderableSchemas } from './find-unrenderable-schemas.ts'
import { type LintProblem, type LintResult, lintWithRedocly } from './lint-with-redocly.ts'
import { parseDocument } from './parse-document.ts'
import { SpecError } from './spec-error.ts'
import type { SpecFile } from './spec-files.ts'

export interface OpenApiDocument {
  openapi: string
  info: { title: string; version: string; 'x-voicebatch-source'?: string }
  servers?: { url: string }[]
  paths: Record<string, Record<string, unknown>>
  components?: { schemas?: Record<string, Record<string, unknown>> }
}

export interface StyleFindings {
  /** Problems per `redocly lint` rule name, for a published document (never fatal). */
  counts: Record<string, number>
  total: number
}

export interface ValidatedSpec extends SpecFile {
  /** The provider's document, as on disk. */
  source: string
  sha256: string
  /** Our overlay, as on disk, when the spec has one. */
  overlaySource: string | null
  overlaySha256: string | null
  /** Where the overlay says the document is published (`extends`), if it says. */
  publishedAt: string | null
  /** The document the types are made from: the spec with its overlay applied. */
  document: OpenApiDocument
  /** `redocly.yaml` `apis:` alias that makes this spec strict, or null (a published document). */
  strictAlias: string | null
  findings: StyleFindings
}

/** Rules whose findings make the types wrong, fatal for every spec. */
const FATAL_RULES = new Set(['no-unresolved-refs'])

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

function describeProblem(file: string, problem: LintProblem): string {
  return `${file}#${problem.pointer}: ${problem.message} (${problem.ruleId}, ${problem.severity})`
}

function failOn(file: string, problems: LintProblem[], hint: string): void {
  const [first, ...others] = problems
  if (first === undefined) return
  throw new SpecError(
    file,
    first.pointer,
    `${first.message} (${first.ruleId}, ${first.severity})${others.map((p) => `\n  ${describeProblem(file, p)}`).join('')}${hint}`,
  )
}

function countByRule(problems: LintProblem[]): StyleFindings {
  const counts: Record<string, number> = {}
  for (const problem of problems) counts[problem.ruleId] = (counts[problem.ruleId] ?? 0) + 1
  return { counts, total: problems.length }
}

/** The overlay's text beside a spec, or null. */
export function readOverlaySource(root: string, spec: SpecFile): string | null {
  return spec.overlay !== null && existsSync(join(root, spec.overlay))
    ? readFileSync(join(root, spec.overlay), 'utf8')
    : null
}

export async function validateSpec(root: string, spec: SpecFile): Promise<ValidatedSpec> {
  return validateSpecSource(
    root,
    spec,
    readFileSync(join(root, spec.file), 'utf8'),
    readOverlaySource(root, spec),
  )
}

/** Parses a spec and applies its overlay; no lint. Fatal problems throw a SpecError. */
export async function loadSpecDocument(
  spec: SpecFile,
  source: string,
  overlaySource: string | null,
): Promise<{ document: OpenApiDocument; publishedAt: string | null }> {
  const parsed = parseDocument(spec.file, source)
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new SpecError(spec.file, '', 'the document is not an object')
  }
  const { openapi } = parsed as { openapi?: unknown }
  if (typeof openapi !== 'string' || !/^3\.[01]\.\d+$/.test(openapi)) {
    throw new SpecError(
      spec.file,
      '/openapi',
      `expected OpenAPI 3.0.x or 3.1.x, found ${JSON.stringify(openapi)}`,
    )
  }
  if (overlaySource === null || spec.overlay === null) {
    return { document: parsed as OpenApiDocument, publishedAt: null }
  }
  const overlay = checkOverlayDocument(spec.overlay, parseDocument(spec.overlay, overlaySource))
  const document = (await applyOverlay(spec.file, parsed, spec.overlay, overlay)) as OpenApiDocument
  return { document, publishedAt: overlay.extends ?? null }
}

/** A spec parsed, its overlay applied and its fatal structure checked: everything but the lint. */
export type CheckedSpec = Omit<ValidatedSpec, 'strictAlias' | 'findings'>

/**
 * The first tier without the lint: parse errors, a broken overlay, unresolved `$ref`s, schemas
 * openapi-typescript cannot render (SpecError: file, JSON pointer, reason).
 */
export async function checkSpecSource(
  spec: SpecFile,
  source: string,
  overlaySource: string | null,
): Promise<CheckedSpec> {
  const { document, publishedAt } = await loadSpecDocument(spec, source, overlaySource)
  const where = spec.overlay ?? `specs/${spec.name}.overlay.yaml`
  checkReferences(spec.file, document)
  findUnrenderableSchemas(spec.file, where, document)
  return {
    ...spec,
    source,
    sha256: sha256(source),
    overlaySource,
    overlaySha256: overlaySource === null ? null : sha256(overlaySource),
    publishedAt,
    document,
  }
}

/** The lint's verdict on a checked spec: fatal rules always, every finding for a strict spec. */
export function judgeLint(spec: CheckedSpec, lint: LintResult): ValidatedSpec {
  failOn(
    spec.file,
    lint.problems.filter((problem) => FATAL_RULES.has(problem.ruleId)),
    '',
  )
  if (lint.strictAlias !== null) {
    failOn(
      spec.file,
      lint.problems,
      `\n(${spec.file} is strict: redocly.yaml apis.${lint.strictAlias}. Fix the spec, or relax a rule under apis.${lint.strictAlias}.rules.)`,
    )
  }
  return { ...spec, strictAlias: lint.strictAlias, findings: countByRule(lint.problems) }
}

/**
 * Two tiers. Fatal (SpecError: file, JSON pointer, reason): parse errors, a broken overlay, unresolved
 * `$ref`s, schemas openapi-typescript cannot render; for a strict spec (an `apis:` entry in redocly.yaml)
 * also every `redocly lint` finding. Style findings of a published document are only counted.
 */
export async function validateSpecSource(
  root: string,
  spec: SpecFile,
  source: string,
  overlaySource: string | null,
): Promise<ValidatedSpec> {
  const checked = await checkSpecSource(spec, source, overlaySource)
  return judgeLint(checked, await lintWithRedocly(root, spec, checked.document))
}

/** Every spec read from disk and checked, in order: the first fatal problem stops. */
export async function checkSpecs(root: string, specs: SpecFile[]): Promise<CheckedSpec[]> {
  const checked: CheckedSpec[] = []
  for (const spec of specs) {
    checked.push(
      await checkSpecSource(spec, readFileSync(join(root, spec.file), 'utf8'), readOverlaySource(root, spec)),
    )
  }
  return checked
}

/** `judgeLint` for every spec, in order. */
export function judgeLints(specs: CheckedSpec[], lints: LintResult[]): ValidatedSpec[] {
  return specs.map((spec, index) => judgeLint(spec, lints[index] as LintResult))
}
