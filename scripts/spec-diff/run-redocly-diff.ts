import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { extname, join } from 'node:path'
import {
  readCachedAnswer,
  redoclyCacheEnabled,
  redoclyCacheKey,
  writeCachedAnswer,
} from '../generate/redocly-cache.ts'
import { runRedocly } from './redocly-cli.ts'
import { parseRedoclyDiffReport, type RedoclyDiffReport } from './redocly-diff-report.ts'

/** A spec as text, with the file name its format is taken from (`.json`, `.yaml`, `.yml`). */
export interface SpecText {
  file: string
  text: string
}

/** The files and arguments of `redocly diff` for a pair: the format of each file is taken from its name. */
function diffCommand(base: SpecText, revision: SpecText) {
  const baseFile = `base${extname(base.file) || '.yaml'}`
  const revisionFile = `revision${extname(revision.file) || '.yaml'}`
  const args = [
    'diff',
    baseFile,
    revisionFile,
    '--format',
    'json',
    '--fail-on',
    'none',
    '--lint-config',
    'off',
  ]
  return { baseFile, revisionFile, args }
}

const cacheKey = (args: readonly string[], base: SpecText, revision: SpecText) =>
  redoclyCacheKey('diff', [args.join(' '), base.text, revision.text])

/** The cache key of a pair's report: the command (formats included) and both texts. */
export function redoclyDiffCacheKey(base: SpecText, revision: SpecText): string {
  return cacheKey(diffCommand(base, revision).args, base, revision)
}

/**
 * `redocly diff <base> <revision> --format json` on two temporary files; the report rates every
 * change by the semver bump it implies for API consumers. A pair diffed before (the same texts, the
 * same formats, the same CLI) takes its report from the cache (redocly-cache.ts).
 */
export async function runRedoclyDiff(base: SpecText, revision: SpecText): Promise<RedoclyDiffReport> {
  const { baseFile, revisionFile, args } = diffCommand(base, revision)
  const key = cacheKey(args, base, revision)
  const cached = redoclyCacheEnabled() ? readCachedAnswer<string>('diff', key) : null
  if (cached !== null) return parseRedoclyDiffReport(cached)
  const directory = mkdtempSync(join(tmpdir(), 'voicebatch-spec-diff-'))
  try {
    writeFileSync(join(directory, baseFile), base.text)
    writeFileSync(join(directory, revisionFile), revision.text)
    try {
      await runRedocly(
        [...args, '-o', 'report.json'],
        directory,
        Buffer.byteLength(base.text) + Buffer.byteLength(revision.text),
      )
    } catch (error) {
      const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim()
      throw new Error(`redocly diff ${base.file} → ${revision.file} failed: ${stderr.slice(-2000) || error}`)
    }
    const report = readFileSync(join(directory, 'report.json'), 'utf8')
    const parsed = parseRedoclyDiffReport(report)
    // Only a report that parsed is kept.
    if (redoclyCacheEnabled()) writeCachedAnswer('diff', key, report)
    return parsed
  } finally {
    rmSync(directory, { recursive: true, force: true })
  }
}
