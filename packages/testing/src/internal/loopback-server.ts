import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { RequestLogEntry } from '../types.js'

/** A request read in full, as the log records it. */
export interface ReceivedRequest {
  readonly method: string
  readonly url: URL
  readonly headers: Record<string, string>
  readonly rawBody: string
  /** Parsed JSON; undefined when the body is empty or not JSON. */
  readonly json: unknown
  readonly bodyIsInvalid: boolean
}

/** A log entry the server may still mark with the fault that answered it. */
export type MutableLogEntry = { -readonly [Key in keyof RequestLogEntry]: RequestLogEntry[Key] }

export interface RawResponse {
  readonly status: number
  readonly headers: Record<string, string>
  readonly body: string
}

export interface LoopbackServer {
  readonly origin: string
  /** Waits `ms` unless the server closes first; resolves false when it closed. */
  sleep(ms: number): Promise<boolean>
  readonly closed: boolean
  close(): Promise<void>
}

export function logEntryOf(request: ReceivedRequest): MutableLogEntry {
  const body = request.rawBody === '' ? undefined : request.bodyIsInvalid ? request.rawBody : request.json
  return {
    method: request.method,
    path: request.url.pathname,
    query: Object.fromEntries(request.url.searchParams),
    headers: request.headers,
    body,
  }
}

function lowercaseHeaders(message: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(message.headers)) {
    if (value === undefined) continue
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value
  }
  return headers
}

async function receive(message: IncomingMessage, origin: string): Promise<ReceivedRequest> {
  const chunks: Buffer[] = []
  for await (const chunk of message) chunks.push(chunk as Buffer)
  const rawBody = Buffer.concat(chunks).toString('utf8')
  let json: unknown
  let bodyIsInvalid = false
  if (rawBody.trim() !== '') {
    try {
      json = JSON.parse(rawBody)
    } catch {
      bodyIsInvalid = true
    }
  }
  return {
    method: (message.method ?? 'GET').toUpperCase(),
    url: new URL(message.url ?? '/', origin),
    headers: lowercaseHeaders(message),
    rawBody,
    json,
    bodyIsInvalid,
  }
}

export function send(response: ServerResponse, raw: RawResponse): void {
  if (response.destroyed || response.headersSent) return
  const body = Buffer.from(raw.body, 'utf8')
  response.writeHead(raw.status, { ...raw.headers, 'content-length': String(body.length) })
  response.end(body)
}

/**
 * An HTTP server on 127.0.0.1 with a free port. `respond` answers each fully read request; it may
 * return undefined to leave the request hanging until the server closes.
 */
export async function startLoopbackServer(
  respond: (request: ReceivedRequest, server: LoopbackServer) => Promise<RawResponse | undefined>,
): Promise<LoopbackServer> {
  const timers = new Map<NodeJS.Timeout, (value: boolean) => void>()
  let closed = false
  let origin = ''

  const loopback: LoopbackServer = {
    get origin() {
      return origin
    },
    get closed() {
      return closed
    },
    sleep(ms) {
      if (closed) return Promise.resolve(false)
      if (ms <= 0) return Promise.resolve(true)
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          timers.delete(timer)
          resolve(!closed)
        }, ms)
        timers.set(timer, resolve)
      })
    },
    close() {
      if (closed) return closing
      closed = true
      for (const [timer, resolve] of timers) {
        clearTimeout(timer)
        resolve(false)
      }
      timers.clear()
      closing = new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
      return closing
    },
  }
  let closing: Promise<void> = Promise.resolve()

  const server = createServer((message, response) => {
    receive(message, origin)
      .then((request) => respond(request, loopback))
      .then((raw) => {
        if (raw && !closed) send(response, raw)
      })
      .catch((error: unknown) => {
        send(response, {
          status: 500,
          headers: { 'content-type': 'text/plain; charset=utf-8' },
          body: `@voicebatch/testing failed to answer: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        })
      })
  })
  server.keepAliveTimeout = 5_000

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo
  origin = `http://127.0.0.1:${port}`
  return loopback
}
