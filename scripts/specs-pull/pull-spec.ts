import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import { parse } from 'yaml'
import type { SpecFile } from '../generate/spec-files.ts'
import {
  loadSpecDocument,
  readOverlaySource,
  type ValidatedSpec,
  validateSpecSource,
} from '../generate/validate-spec.ts'
import { diffSpecs } from '../spec-diff/diff-specs.ts'
import { fetchSpecText } from './fetch-spec-text.ts'
import { asPublished, recordedSource, toSpecFormat } from './to-spec-format.ts'

export interface PullResult {
  name: string
  file: string
  status: 'unchanged' | 'updated' | 'failed' | 'skipped'
  /** What changed (for `updated`), why (for `failed`, `skipped`), or where from (for `unchanged`). */
  detail: string
  /** The new text of `file`, for `updated` only. */
  content?: string
  /** The new spec, validated with its overlay applied, for `updated` only: what is regenerated. */
  validated?: ValidatedSpec
}

export interface PullOptions {
  /** Replaces the URL a spec records (overlay `extends` or `info.x-voicebatch-source`): a mirror, a file. */
  source?: string
  timeoutMs: number
}

/** How many changed operations the one-line summary names before "…" (the changeset lists them all). */
const SUMMARY_LINES = 3

async function summarize(before: unknown, after: ValidatedSpec): Promise<string> {
  const diff = await diffSpecs(
    { file: 'base.json', text: JSON.stringify(before) },
    { file: 'revision.json', text: JSON.stringify(after.document) },
  )
  const lines = diff.changes.map((change) => change.text)
  const version =
    diff.baseVersion !== diff.revisionVersion ? `${diff.baseVersion} → ${diff.revisionVersion}, ` : ''
  const shown = lines.slice(0, SUMMARY_LINES).join('; ')
  const more = lines.length > SUMMARY_LINES ? `; … ${lines.length - SUMMARY_LINES} more in the changeset` : ''
  return `${version}${diff.bump}, ${lines.length} change(s): ${shown || 'formatting only'}${more}`
}

/** An http(s) URL is downloaded; anything else is a file path (relative to the repository root). */
async function readSource(root: string, source: string, timeoutMs: number): Promise<string> {
  if (/^https?:\/\//.test(source)) return fetchSpecText(source, timeoutMs)
  try {
    return readFileSync(resolve(root, source), 'utf8')
  } catch (error) {
    throw new Error(`could not read ${source}: ${(error as NodeJS.ErrnoException).code ?? error}`)
  }
}

/**
 * Downloads one spec and validates it with the generator's rules, its overlay applied. A spec with an
 * overlay is a provider's published document: the download is kept byte for byte. One without keeps
 * our file's format and its recorded source. Never throws: every failure (an overlay action that no
 * longer matches included) becomes a `failed` result. Writes nothing.
 */
export async function pullSpec(root: string, spec: SpecFile, options: PullOptions): Promise<PullResult> {
  const result = (status: PullResult['status'], detail: string, extra: Partial<PullResult> = {}) => ({
    name: spec.name,
    file: spec.file,
    status,
    detail,
    ...extra,
  })
  try {
    const current = readFileSync(join(root, spec.file), 'utf8')
    const overlaySource = readOverlaySource(root, spec)
    const loaded = await loadSpecDocument(spec, current, overlaySource)
    const recorded = overlaySource === null ? recordedSource(parse(current)) : loaded.publishedAt
    const url = options.source ?? recorded
    if (url === null) {
      return result('skipped', 'no source recorded (overlay `extends` or info.x-voicebatch-source)')
    }
    const downloaded = await readSource(root, url, options.timeoutMs)
    const candidate =
      overlaySource === null ? toSpecFormat(downloaded, spec.file, recorded) : asPublished(downloaded)
    const validated = await validateSpecSource(root, spec, candidate, overlaySource)
    if (isDeepStrictEqual(parse(candidate), parse(current))) return result('unchanged', `same as ${url}`)
    return result('updated', await summarize(loaded.document, validated), { content: candidate, validated })
  } catch (error) {
    return result('failed', (error as Error).message)
  }
}
