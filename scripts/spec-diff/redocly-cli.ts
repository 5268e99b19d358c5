import { execFile, spawn } from 'node:child_process'
import { closeSync, existsSync, openSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** The pinned CLI of this checkout (the scripts may run against another root, e.g. a test's temp repo). */
export const REDOCLY_BIN = join(import.meta.dirname, '..', '..', 'node_modules', '.bin', 'redocly')

const QUIET = { REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' }

/**
 * Runs the redocly CLI quietly in `cwd` with its standard output written straight to `stdoutFile`:
 * it never waits for this process to read a pipe (which it cannot while it renders types).
 * Resolves with the exit code and the standard error.
 */
export function runRedoclyToFile(
  args: string[],
  cwd: string,
  stdoutFile: string,
): Promise<{ code: number | null; stderr: string }> {
  if (!existsSync(REDOCLY_BIN))
    throw new Error(`redocly CLI not found at ${REDOCLY_BIN}: run \`pnpm install\``)
  const stdout = openSync(stdoutFile, 'w')
  try {
    const child = spawn(REDOCLY_BIN, args, {
      cwd,
      env: { ...process.env, ...QUIET },
      stdio: ['ignore', stdout, 'pipe'],
    })
    let stderr = ''
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-64_000)
    })
    return new Promise((resolve, reject) => {
      child.on('error', reject)
      child.on('close', (code) => resolve({ code, stderr }))
    })
  } finally {
    closeSync(stdout)
  }
}

/** Runs the redocly CLI quietly (no telemetry, no update notice, no colours) in `cwd`. */
export function runRedocly(args: string[], cwd: string): Promise<{ stdout: string; stderr: string }> {
  if (!existsSync(REDOCLY_BIN))
    throw new Error(`redocly CLI not found at ${REDOCLY_BIN}: run \`pnpm install\``)
  return run(REDOCLY_BIN, args, {
    cwd,
    env: { ...process.env, ...QUIET },
    maxBuffer: 256 * 1024 * 1024,
  })
}
