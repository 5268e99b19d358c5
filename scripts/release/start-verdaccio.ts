import { spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { verdaccioConfig } from './verdaccio-config.ts'

export interface LocalRegistry {
  /** `http://127.0.0.1:<port>/` */
  url: string
  pid: number
  /** Stops Verdaccio (SIGTERM, then SIGKILL after 5 s) and waits until it has exited. */
  stop(): Promise<void>
}

const TSX = join(import.meta.dirname, '..', '..', 'node_modules', '.bin', 'tsx')
const SERVER = join(import.meta.dirname, 'verdaccio-server.ts')
const START_TIMEOUT_MS = 60_000

/** Starts Verdaccio 6 in a child process on 127.0.0.1 (port chosen by the OS), storage in `directory`. */
export function startVerdaccio(directory: string): Promise<LocalRegistry> {
  const configPath = join(directory, 'verdaccio.json')
  writeFileSync(configPath, JSON.stringify(verdaccioConfig(directory), null, 2))
  // Its own process group (tsx runs the server in a child node process): stopping kills both.
  const child = spawn(TSX, [SERVER, configPath], {
    cwd: directory,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, signal)
    } catch {
      // already gone
    }
  }
  const killOnExit = () => signalGroup('SIGKILL')
  process.once('exit', killOnExit)
  let output = ''
  const stop = async () => {
    process.removeListener('exit', killOnExit)
    if (child.exitCode !== null || child.signalCode !== null) return
    signalGroup('SIGTERM')
    const timer = setTimeout(() => signalGroup('SIGKILL'), 5_000)
    await exited
    clearTimeout(timer)
    signalGroup('SIGKILL')
  }
  return new Promise((resolve, reject) => {
    const fail = (reason: string) => {
      clearTimeout(timer)
      void stop().then(() => reject(new Error(`Verdaccio did not start: ${reason}\n${output.slice(-3000)}`)))
    }
    const timer = setTimeout(() => fail(`no port after ${START_TIMEOUT_MS} ms`), START_TIMEOUT_MS)
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString()
    })
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const port = /\{"verdaccioPort":(\d+)\}/.exec(output)?.[1]
      if (port === undefined || child.pid === undefined) return
      clearTimeout(timer)
      resolve({ url: `http://127.0.0.1:${port}/`, pid: child.pid, stop })
    })
    child.once('error', (error) => fail(error.message))
    child.once('exit', (code, signal) => fail(`exited (${signal ?? code}) before listening`))
  })
}
