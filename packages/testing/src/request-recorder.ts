import { logEntryOf, startLoopbackServer } from './internal/loopback-server.js'
import type { RequestLogEntry, RequestRecorder } from './types.js'

/**
 * A plain server on another origin that logs every request and answers `200 {}`: point a redirect
 * or a pagination `next` URL at it and check that no credentials arrive.
 */
export async function startRequestRecorder(): Promise<RequestRecorder> {
  const requests: RequestLogEntry[] = []
  const server = await startLoopbackServer(async (request) => {
    requests.push(logEntryOf(request))
    return { status: 200, headers: { 'content-type': 'application/json' }, body: '{}' }
  })
  return {
    url: `${server.origin}/`,
    origin: server.origin,
    requests,
    close: () => server.close(),
  }
}
