import { spawn } from 'node:child_process'

export interface StepResult {
  ok: boolean
  seconds: number
  /** Everything the step printed (stdout and stderr interleaved), when it was captured. */
  output: string
}

/**
 * Runs a command; `capture` keeps its output to show only when it fails, otherwise it streams.
 * Color is off for captured output, so a failure's log reads clean where it is printed.
 */
export function runStep(command: string, args: string[], capture: boolean): Promise<StepResult> {
  const started = performance.now()
  return new Promise((resolve) => {
    const env = capture ? { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } : process.env
    const child = spawn(command, args, { env, stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'inherit' })
    let output = ''
    const keep = (chunk: Buffer) => {
      output += chunk.toString()
    }
    child.stdout?.on('data', keep)
    child.stderr?.on('data', keep)
    const finish = (ok: boolean) => resolve({ ok, seconds: (performance.now() - started) / 1000, output })
    child.on('error', (error) => {
      output += `${error.message}\n`
      finish(false)
    })
    child.on('close', (code) => finish(code === 0))
  })
}
