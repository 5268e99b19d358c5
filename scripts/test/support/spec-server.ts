import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A route: a status and a body, or `hang` for a server that never answers. */
export type Route = { status: number; body: string; type?: string } | 'hang'

export interface SpecServer {
  url(path: string): string
  close(): Promise<void>
}

/** A node:http server on 127.0.0.1, port 0, serving fixed bodies by path (404 otherwise). */
export async function startSpecServer(routes: Record<string, Route>): Promise<SpecServer> {
  const server: Server = createServer((request, response) => {
    const route = routes[request.url ?? '']
    if (route === 'hang') return
    if (route === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found')
      return
    }
    response.writeHead(route.status, { 'content-type': route.type ?? 'application/json' }).end(route.body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
