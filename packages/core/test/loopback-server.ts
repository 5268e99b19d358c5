import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { onTestFinished } from 'vitest'

export interface LoggedRequest {
  method: string
  url: string
  headers: IncomingHttpHeaders
  body: string
  /** Resolves when the connection that carried this request closed (or its response finished). */
  closed: Promise<void>
}

export type Handler = (
  request: IncomingMessage & { body: string },
  response: ServerResponse,
  index: number,
) => unknown

export interface LoopbackServer {
  /** `http://127.0.0.1:<port>` */
  url: string
  requests: LoggedRequest[]
  /** Most requests in flight at the same time so far. */
  maxInFlight: number
  handle(handler: Handler): void
  close(): Promise<void>
}

/** A real HTTP server on 127.0.0.1 with a random port, closed when the current test finishes. */
export async function startServer(
  handler: Handler = (_, response) => response.end(),
): Promise<LoopbackServer> {
  let current = handler
  let inFlight = 0
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = []
    for await (const chunk of request) chunks.push(chunk as Buffer)
    const body = Buffer.concat(chunks).toString('utf8')
    const closed = new Promise<void>((resolve) => response.once('close', resolve))
    const index = state.requests.length
    state.requests.push({
      method: request.method ?? '',
      url: request.url ?? '',
      headers: request.headers,
      body,
      closed,
    })
    inFlight++
    state.maxInFlight = Math.max(state.maxInFlight, inFlight)
    response.once('close', () => inFlight--)
    try {
      await current(Object.assign(request, { body }), response, index)
    } catch (error) {
      response.destroy(error as Error)
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const state: LoopbackServer = {
    url: `http://127.0.0.1:${port}`,
    requests: [],
    maxInFlight: 0,
    handle: (next) => {
      current = next
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
  onTestFinished(() => state.close())
  return state
}

/** A port on 127.0.0.1 where nothing listens. */
export async function unusedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const text = JSON.stringify(body)
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  })
  response.end(text)
}

export const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds))
