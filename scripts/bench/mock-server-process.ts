/**
 * A @voicebatch/testing mock server in a process of its own, so that the client's heap and CPU
 * are measured without the server's (its request log grows with every request it answers).
 * Started by remote-mock-server.ts with its options as JSON in argv; speaks over the IPC channel.
 */
import { type MockServerOptions, startMockServer } from './workspace-packages.ts'

export type ServerCommand = { type: 'stats' } | { type: 'reset' } | { type: 'close' }

export interface ServerStats {
  requests: number
  /** Heap used after a full GC, in bytes. */
  heapUsed: number
}

export type ServerMessage =
  | { type: 'ready'; url: string; apiKey: string; agentIds: readonly string[] }
  | ({ type: 'stats' } & ServerStats)
  | { type: 'done' }
  | { type: 'failed'; message: string }

const send = (message: ServerMessage) => process.send?.(message)

async function main(options: MockServerOptions): Promise<void> {
  try {
    const server = await startMockServer(options)
    process.on('message', async (command: ServerCommand) => {
      switch (command.type) {
        case 'stats': {
          const gc = (globalThis as { gc?: () => void }).gc
          gc?.()
          gc?.()
          send({ type: 'stats', requests: server.requests.length, heapUsed: process.memoryUsage().heapUsed })
          break
        }
        case 'reset':
          server.reset()
          send({ type: 'done' })
          break
        case 'close':
          await server.close()
          send({ type: 'done' })
          process.disconnect()
          break
      }
    })
    // A parent that died (a crash, a timeout kill) must not leave the server running.
    process.once('disconnect', () => {
      void server.close().finally(() => process.exit(0))
    })
    send({ type: 'ready', url: server.url, apiKey: server.apiKey, agentIds: server.agentIds })
  } catch (error) {
    send({ type: 'failed', message: error instanceof Error ? error.message : String(error) })
    process.disconnect()
  }
}

await main(JSON.parse(process.argv[2] ?? '{}') as MockServerOptions)
