import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { extname, join } from 'node:path'
import { runRedocly } from './redocly-cli.ts'
import { parseRedoclyDiffReport, type RedoclyDiffReport } from './redocly-diff-report.ts'

/** A spec as text, with the file name its format is taken from (`.json`, `.yaml`, `.yml`). */
export interface SpecText {
  file: string
  text: string
}

/**
 * `redocly diff <base> <revision> --format json` on two temporary files; the report rates every
 * change by the semver bump it implies for API consumers.
 */
export async function runRedoclyDiff(base: SpecText, revision: SpecText): Promise<RedoclyDiffReport> {
  const directory = mkdtempSync(join(tmpdir(), 'voicebatch-spec-diff-'))
  try {
    const baseFile = `base${extname(base.file) || '.yaml'}`
    const revisionFile = `revision${extname(revision.file) || '.yaml'}`
    writeFileSync(join(directory, baseFile), base.text)
    writeFileSync(join(directory, revisionFile), revision.text)
    const args = ['diff', baseFile, revisionFile, '--format', 'json', '--fail-on', 'none']
    try {
      await runRedocly([...args, '--lint-config', 'off', '-o', 'report.json'], directory)
    } catch (error) {
      const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim()
      throw new Error(`redocly diff ${base.file} → ${revision.file} failed: ${stderr.slice(-2000) || error}`)
    }
    return parseRedoclyDiffReport(readFileSync(join(directory, 'report.json'), 'utf8'))
  } finally {
    rmSync(directory, { recursive: true, force: true })
  }
}
