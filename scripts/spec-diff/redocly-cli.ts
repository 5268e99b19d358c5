import { execFile, spawn } from 'node:child_process'
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** The pinned CLI of this checkout (the scripts may run against another root, e.g. a test's temp repo). */
const REDOCLY_PACKAGE = join(import.meta.dirname, '..', '..', 'node_modules', '@redocly', 'cli')

function redoclyEntry(): string {
  const manifest = join(REDOCLY_PACKAGE, 'package.json')
  if (!existsSync(manifest))
    throw new Error(`redocly CLI not found at ${REDOCLY_PACKAGE}: run \`pnpm install\``)
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin: { redocly: string } }
  return join(REDOCLY_PACKAGE, bin.redocly)
}

/** Above this many bytes of documents, the CLI keeps V8's optimizing compiler. */
export const OPTIMIZE_ABOVE_BYTES = 1_000_000

/**
 * Node's flags for one CLI process over `inputBytes` of documents. A process lives about a second:
 * V8's background threads (`--single-threaded`) and, for documents up to 1 MB, its optimizing
 * compiler (`--no-opt`) cost more CPU than they save. Measured on this repository's specs:
 * `redocly diff` of Truedy (25 kB) 0.72 -> 0.44 CPU-s, of Ultravox (260 kB) 1.49 -> 0.98 CPU-s,
 * `redocly lint` of Ultravox 1.45 -> 1.10 CPU-s. A 3.2 MB document needs the optimizing compiler
 * (its lint takes 3.8 s without it instead of 1.6 s) and gets only `--single-threaded` (2.3 -> 1.6
 * CPU-s at the same wall time).
 */
export function redoclyNodeFlags(inputBytes: number): string[] {
  return inputBytes > OPTIMIZE_ABOVE_BYTES ? ['--single-threaded'] : ['--no-opt', '--single-threaded']
}

const QUIET = { REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' }

/**
 * Runs the redocly CLI quietly in `cwd` (Node's flags for `inputBytes` of documents) with its
 * standard output written straight to `stdoutFile`: it never waits for this process to read a pipe
 * (which it cannot while it renders types).
 * Resolves with the exit code and the standard error.
 */
export function runRedoclyToFile(
  args: string[],
  cwd: string,
  stdoutFile: string,
  inputBytes: number,
): Promise<{ code: number | null; stderr: string }> {
  const entry = redoclyEntry()
  const stdout = openSync(stdoutFile, 'w')
  try {
    const child = spawn(process.execPath, [...redoclyNodeFlags(inputBytes), entry, ...args], {
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
export function runRedocly(
  args: string[],
  cwd: string,
  inputBytes: number,
): Promise<{ stdout: string; stderr: string }> {
  return run(process.execPath, [...redoclyNodeFlags(inputBytes), redoclyEntry(), ...args], {
    cwd,
    env: { ...process.env, ...QUIET },
    maxBuffer: 256 * 1024 * 1024,
  })
}
