import { spawn } from 'node:child_process'

export interface CommandResult {
  command: string
  code: number | null
  stdout: string
  stderr: string
}

export interface RunOptions {
  cwd: string
  env?: NodeJS.ProcessEnv
  /** Killed (whole process group) after this long; the result then has code null. */
  timeoutMs?: number
}

/**
 * Runs a command without a shell and collects its output; never throws for a non-zero exit (see
 * `assertSucceeded`). Asynchronous, so servers running in this process keep answering meanwhile.
 */
export function runCommand(command: string, args: string[], options: RunOptions): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
    })
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString()
    })
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL')
          }, options.timeoutMs)
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(new Error(`could not start ${command}: ${error.message}`))
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ command: [command, ...args].join(' '), code, stdout, stderr })
    })
  })
}

/** The last lines of a command's output, for an error message. */
export function outputTail(result: CommandResult, lines = 30): string {
  return `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-lines).join('\n')
}

export function assertSucceeded(result: CommandResult, what: string): CommandResult {
  if (result.code !== 0) {
    const how = result.code === null ? 'was killed (timeout)' : `exited ${result.code}`
    throw new Error(`${what} failed: \`${result.command}\` ${how}\n${outputTail(result)}`)
  }
  return result
}
