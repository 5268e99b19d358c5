import { spawnSync } from 'node:child_process'
import { elapsedMs } from './measure.ts'

export interface CommandRun {
  ok: boolean
  status: number | null
  ms: number
  output: string
}

/** pnpm, now and then, fails to resolve its own package-manager dependencies before running anything. */
const PNPM_FLAKE = 'ERR_PNPM_BAD_CONFIG_DEP'

/**
 * Runs a command to its end (in a fresh process) and times it from spawn to exit. A pnpm run that
 * failed with PNPM_FLAKE (pnpm itself, not the command) is run again, up to three times.
 */
export function runCommand(
  command: string,
  args: readonly string[],
  options: { cwd: string; timeoutMs: number; env?: NodeJS.ProcessEnv },
): CommandRun {
  let run = runOnce(command, args, options)
  for (let retry = 0; retry < 3 && !run.ok && run.output.includes(PNPM_FLAKE); retry++) {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 3000) // a pause before trying again
    run = runOnce(command, args, options)
  }
  return run
}

function runOnce(
  command: string,
  args: readonly string[],
  options: { cwd: string; timeoutMs: number; env?: NodeJS.ProcessEnv },
): CommandRun {
  const start = process.hrtime.bigint()
  const run = spawnSync(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    encoding: 'utf8',
    timeout: options.timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
  })
  const ms = elapsedMs(start)
  const output = `${run.stdout ?? ''}${run.stderr ?? ''}${run.error ? `\n${run.error.message}` : ''}`
  return { ok: run.status === 0, status: run.status, ms, output }
}

/** The last lines of a command's output, for a note. */
export function tail(output: string, lines = 6): string {
  return output.trim().split('\n').slice(-lines).join('\n')
}
