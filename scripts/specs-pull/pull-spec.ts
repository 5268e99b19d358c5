import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import { parse } from 'yaml'
import type { SpecFile } from '../generate/spec-files.ts'
import { validateSpecSource } from '../generate/validate-spec.ts'
import { diffSpecs } from '../spec-diff/diff-specs.ts'
import { fetchSpecText } from './fetch-spec-text.ts'
import { recordedSource, toSpecFormat } from './to-spec-format.ts'

export interface PullResult {
  name: string
  file: string
  status: 'unchanged' | 'updated' | 'failed' | 'skipped'
  /** What changed (for `updated`), why (for `failed`, `skipped`), or where from (for `unchanged`). */
  detail: string
  /** The new text of `file`, for `updated` only. */
  content?: string
}

export interface PullOptions {
  /** Replaces the URL a spec records (`info.x-voicebatch-source`), e.g. a loopback server in tests. */
  source?: string
  timeoutMs: number
}

/** How many changed operations the one-line summary names before "…". */
const SUMMARY_LINES = 3

async function summarize(spec: SpecFile, current: string, next: string): Promise<string> {
  const diff = await diffSpecs({ file: spec.file, text: current }, { file: spec.file, text: next })
  const lines = diff.changes.map((change) => change.text)
  const version =
    diff.baseVersion !== diff.revisionVersion ? `${diff.baseVersion} → ${diff.revisionVersion}, ` : ''
  const shown = lines.slice(0, SUMMARY_LINES).join('; ')
  const more = lines.length > SUMMARY_LINES ? `; … ${lines.length - SUMMARY_LINES} more` : ''
  return `${version}${diff.bump}, ${lines.length} change(s): ${shown || 'formatting only'}${more}`
}

/**
 * Downloads one spec, converts it to our file's format, validates it with the generator's rules, and
 * says whether it differs from ours. Never throws: every failure becomes a `failed` result. Writes nothing.
 */
export async function pullSpec(root: string, spec: SpecFile, options: PullOptions): Promise<PullResult> {
  const result = (status: PullResult['status'], detail: string, content?: string): PullResult => ({
    name: spec.name,
    file: spec.file,
    status,
    detail,
    ...(content === undefined ? {} : { content }),
  })
  try {
    const current = readFileSync(join(root, spec.file), 'utf8')
    const currentDocument = parse(current) as unknown
    const recorded = recordedSource(currentDocument)
    const url = options.source ?? recorded
    if (url === null) return result('skipped', 'no info.x-voicebatch-source in the spec')
    const candidate = toSpecFormat(await fetchSpecText(url, options.timeoutMs), spec.file, recorded)
    await validateSpecSource(root, spec, candidate)
    if (isDeepStrictEqual(parse(candidate), currentDocument)) return result('unchanged', `same as ${url}`)
    return result('updated', await summarize(spec, current, candidate), candidate)
  } catch (error) {
    return result('failed', (error as Error).message)
  }
}
