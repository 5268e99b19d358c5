import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** The pinned CLI of this checkout (the scripts may run against another root, e.g. a test's temp repo). */
export const REDOCLY_BIN = join(import.meta.dirname, '..', '..', 'node_modules', '.bin', 'redocly')

/** Runs the redocly CLI quietly (no telemetry, no update notice, no colours) in `cwd`. */
export function runRedocly(args: string[], cwd: string): Promise<{ stdout: string; stderr: string }> {
  if (!existsSync(REDOCLY_BIN))
    throw new Error(`redocly CLI not found at ${REDOCLY_BIN}: run \`pnpm install\``)
  return run(REDOCLY_BIN, args, {
    cwd,
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
    maxBuffer: 256 * 1024 * 1024,
  })
}
