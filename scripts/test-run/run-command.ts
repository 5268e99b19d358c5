import { spawn } from 'node:child_process'
import { constants, setPriority } from 'node:os'

export interface CommandResult {
  ok: boolean
  /** The exit code; null when the command was killed or could not start. */
  code: number | null
  seconds: number
  /** stdout and stderr interleaved; empty when the output streamed to the terminal. */
  output: string
}

export interface RunOptions {
  /** Capture the output (to print once it is done) instead of streaming it. */
  capture: boolean
  env?: NodeJS.ProcessEnv
  /**
   * Run at the lowest CPU priority (nice 19), so that it only takes CPU time nothing else wants.
   * Set right after the spawn, before the command can start processes of its own (they inherit it).
   */
  lowPriority?: boolean
}

/** Runs a command to its end, streaming its output or capturing it. */
export function runCommand(command: readonly string[], options: RunOptions): Promise<CommandResult> {
  const started = performance.now()
  const [executable = '', ...args] = command
  return new Promise((resolve) => {
    const child = spawn(executable, args, {
      env: options.env ?? process.env,
      stdio: options.capture ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    })
    if (options.lowPriority && child.pid !== undefined) {
      try {
        setPriority(child.pid, constants.priority.PRIORITY_LOW)
      } catch {
        // Not allowed here (some containers): it runs at normal priority, only slower overall.
      }
    }
    let output = ''
    const keep = (chunk: Buffer) => {
      output += chunk.toString()
    }
    child.stdout?.on('data', keep)
    child.stderr?.on('data', keep)
    const seconds = () => (performance.now() - started) / 1000
    child.on('error', (error) =>
      resolve({ ok: false, code: null, seconds: seconds(), output: error.message }),
    )
    child.on('close', (code) => resolve({ ok: code === 0, code, seconds: seconds(), output }))
  })
}
