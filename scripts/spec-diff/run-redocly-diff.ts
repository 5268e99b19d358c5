import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { extname, join } from 'node:path'
import { promisify } from 'node:util'
import { parseRedoclyDiffReport, type RedoclyDiffReport } from './redocly-diff-report.ts'

const run = promisify(execFile)

/** The pinned CLI of this checkout (the scripts may run against another root, e.g. a test's temp repo). */
export const REDOCLY_BIN = join(import.meta.dirname, '..', '..', 'node_modules', '.bin', 'redocly')

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
  if (!existsSync(REDOCLY_BIN))
    throw new Error(`redocly CLI not found at ${REDOCLY_BIN}: run \`pnpm install\``)
  const directory = mkdtempSync(join(tmpdir(), 'voicebatch-spec-diff-'))
  try {
    const baseFile = `base${extname(base.file) || '.yaml'}`
    const revisionFile = `revision${extname(revision.file) || '.yaml'}`
    writeFileSync(join(directory, baseFile), base.text)
    writeFileSync(join(directory, revisionFile), revision.text)
    const args = ['diff', baseFile, revisionFile, '--format', 'json', '--fail-on', 'none']
    try {
      await run(REDOCLY_BIN, [...args, '--lint-config', 'off', '-o', 'report.json'], {
        cwd: directory,
        env: {
          ...process.env,
          REDOCLY_TELEMETRY: 'off',
          REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
          NO_COLOR: '1',
        },
        maxBuffer: 64 * 1024 * 1024,
      })
    } catch (error) {
      const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim()
      throw new Error(`redocly diff ${base.file} → ${revision.file} failed: ${stderr.slice(-2000) || error}`)
    }
    return parseRedoclyDiffReport(readFileSync(join(directory, 'report.json'), 'utf8'))
  } finally {
    rmSync(directory, { recursive: true, force: true })
  }
}
