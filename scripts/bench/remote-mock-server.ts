import { type ChildProcess, fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { ServerCommand, ServerMessage, ServerStats } from './mock-server-process.ts'
import type { MockServerOptions } from './workspace-packages.ts'

export interface RemoteMockServer {
  url: string
  apiKey: string
  agentIds: readonly string[]
  /** Requests logged so far and the server's heap after GC. */
  stats(): Promise<ServerStats>
  /** Empties the server's request log (and restores its seeded data). */
  reset(): Promise<void>
  close(): Promise<void>
}

const entry = fileURLToPath(new URL('./mock-server-process.ts', import.meta.url))

/** Starts a @voicebatch/testing mock server in a child process (see mock-server-process.ts). */
export async function startRemoteMockServer(options: MockServerOptions): Promise<RemoteMockServer> {
  const child = fork(entry, [JSON.stringify(options)], {
    execArgv: ['--expose-gc', '--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const started = await nextMessage(child)
  if (started.type !== 'ready') {
    child.kill()
    throw new Error(
      `mock server did not start: ${started.type === 'failed' ? started.message : started.type}`,
    )
  }
  const ask = async (command: ServerCommand) => {
    const answer = nextMessage(child)
    child.send(command)
    return answer
  }
  return {
    url: started.url,
    apiKey: started.apiKey,
    agentIds: started.agentIds,
    async stats() {
      const answer = await ask({ type: 'stats' })
      if (answer.type !== 'stats') throw new Error(`unexpected answer ${answer.type}`)
      return { requests: answer.requests, heapUsed: answer.heapUsed }
    },
    async reset() {
      await ask({ type: 'reset' })
    },
    async close() {
      if (!child.connected) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      await ask({ type: 'close' })
      await exited
    },
  }
}

function nextMessage(child: ChildProcess): Promise<ServerMessage> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: ServerMessage) => {
      child.off('exit', onExit)
      resolve(message)
    }
    const onExit = (code: number | null) => {
      child.off('message', onMessage)
      reject(new Error(`mock server process exited (${code})`))
    }
    child.once('message', onMessage)
    child.once('exit', onExit)
  })
}
