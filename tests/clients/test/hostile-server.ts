import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { onTestFinished } from 'vitest'
import type { Connectable } from './provider-cases.js'

export interface HostileServer extends Connectable {
  /** Requests received: method and URL (path and query). */
  readonly requests: Array<{ method: string; url: string }>
}

/**
 * A node:http server on 127.0.0.1 that answers every request with `handler`, counts what it
 * receives and is closed when the test ends. Speaks no provider by itself: tests shape its answers.
 */
export async function startHostileServer(
  handler: (request: IncomingMessage, response: ServerResponse, url: URL) => void,
): Promise<HostileServer> {
  const requests: Array<{ method: string; url: string }> = []
  const server = createServer((request, response) => {
    requests.push({ method: request.method ?? '', url: request.url ?? '' })
    handler(request, response, new URL(request.url ?? '/', 'http://127.0.0.1'))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  onTestFinished(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  )
  return {
    url: `http://127.0.0.1:${port}`,
    apiKey: 'sk_hostile_0123456789',
    agentIds: ['11111111-1111-4111-8111-111111111111'],
    requests,
  }
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = body === undefined ? '' : JSON.stringify(body)
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  })
  response.end(text)
}
