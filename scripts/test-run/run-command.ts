import { spawn } from 'node:child_process'

export interface CommandResult {
  ok: boolean
  /** The exit code; null when the command was killed or could not start. */
  code: number | null
  seconds: number
  /** stdout and stderr interleaved; empty when the output streamed to the terminal. */
  output: string
}

/** Runs a command to its end, streaming its output or capturing it (to print once it is done). */
export function runCommand(
  command: readonly string[],
  options: { capture: boolean; env?: NodeJS.ProcessEnv },
): Promise<CommandResult> {
  const started = performance.now()
  const [executable = '', ...args] = command
  return new Promise((resolve) => {
    const child = spawn(executable, args, {
      env: options.env ?? process.env,
      stdio: options.capture ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    })
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
