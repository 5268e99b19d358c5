import { STATUS_CODES } from 'node:http'
import { FaultQueue, type FaultTarget } from './fault-queue.js'
import { DEFAULT_DIALING_PACE, type DialingPace } from './internal/call-plan.js'
import { corsHeaders, isPreflight, preflightResponse } from './internal/cors.js'
import {
  type LoopbackServer,
  logEntryOf,
  type MutableLogEntry,
  type RawResponse,
  type ReceivedRequest,
  startLoopbackServer,
} from './internal/loopback-server.js'
import { createProviderMock, mockApiKeys, type ProviderSettings } from './providers/create-provider-mock.js'
import type {
  MockRequest,
  MockResponse,
  PageFault,
  ProviderMock,
  RequestContext,
} from './providers/provider-mock.js'
import type { FaultBehaviour, MockServer, MockServerOptions, RequestLogEntry } from './types.js'

export { mockApiKeys }

const PAGE_FAULT_KINDS: readonly FaultBehaviour['kind'][] = ['stuck-cursor', 'next-url-host']

function resolveSettings(options: MockServerOptions): ProviderSettings {
  const { provider } = options
  if (!(provider in mockApiKeys)) throw new TypeError(`Unknown provider ${JSON.stringify(provider)}`)
  const count = (name: string, value: number | undefined, fallback: number): number => {
    const resolved = value ?? fallback
    if (!Number.isInteger(resolved) || resolved < 0 || resolved > 100_000_000) {
      throw new RangeError(`${name} must be an integer from 0 to 100,000,000`)
    }
    return resolved
  }
  const now = options.now ?? (() => new Date())
  const settings: ProviderSettings = {
    apiKey: options.apiKey ?? mockApiKeys[provider],
    batches: count('batches', options.batches, 12),
    callsPerBatch: count('callsPerBatch', options.callsPerBatch, 5),
    seed: count('seed', options.seed, 1),
    offSpecStatuses: options.offSpecStatuses ?? false,
    now,
    anchor: now().getTime(),
    dialing: resolveDialing(options.dialing),
    ...(options.agentIds ? { agentIds: options.agentIds } : {}),
  }
  if (settings.apiKey === '') throw new TypeError('apiKey must not be empty')
  if (options.latencyMs !== undefined && !(Number.isFinite(options.latencyMs) && options.latencyMs >= 0)) {
    throw new RangeError('latencyMs must be >= 0')
  }
  return settings
}

function resolveDialing(dialing: MockServerOptions['dialing']): DialingPace {
  const pace = { ...DEFAULT_DIALING_PACE, ...dialing }
  if (!(Number.isFinite(pace.callDurationMs) && pace.callDurationMs >= 1)) {
    throw new RangeError('dialing.callDurationMs must be a number of milliseconds >= 1')
  }
  if (!(Number.isInteger(pace.concurrency) && pace.concurrency >= 1)) {
    throw new RangeError('dialing.concurrency must be an integer >= 1')
  }
  if (!(pace.failureRate >= 0 && pace.failureRate <= 1)) {
    throw new RangeError('dialing.failureRate must be a number from 0 to 1')
  }
  return pace
}

function serialize(response: MockResponse, extraHeaders: Record<string, string>): RawResponse {
  const headers: Record<string, string> = { ...extraHeaders }
  if (response.body !== undefined) headers['content-type'] = 'application/json'
  Object.assign(headers, response.headers)
  return {
    status: response.status,
    headers,
    body: response.body === undefined ? '' : JSON.stringify(response.body),
  }
}

function htmlPage(status: number): string {
  const title = `${status} ${STATUS_CODES[status] ?? 'Error'}`
  return `<!DOCTYPE html>\n<html><head><title>${title}</title></head>\n<body><center><h1>${title}</h1></center><hr><center>nginx</center></body></html>\n`
}

/** Strips the base path; undefined when the pathname is outside it. */
function pathAfterBase(pathname: string, basePath: string): string | undefined {
  if (basePath === '') return pathname
  if (pathname === basePath) return '/'
  return pathname.startsWith(`${basePath}/`) ? pathname.slice(basePath.length) : undefined
}

/** Answers a request the way the provider would, without faults. */
function answerNormally(
  provider: ProviderMock,
  received: ReceivedRequest,
  path: string | undefined,
  context: RequestContext,
): MockResponse {
  if (path === undefined) return provider.errorResponse(404, context)
  const request: MockRequest = {
    method: received.method,
    pathname: received.url.pathname,
    path,
    query: Object.fromEntries(received.url.searchParams),
    headers: received.headers,
    body: received.json,
    bodyIsInvalid: received.bodyIsInvalid,
  }
  if (!provider.isAuthorized(request)) return provider.unauthorized(request, context)
  return provider.handle(request, context)
}

/** Starts a loopback server that speaks one provider's API (see the README for the data it serves). */
export async function startMockServer(options: MockServerOptions): Promise<MockServer> {
  const settings = resolveSettings(options)
  const provider = createProviderMock(options.provider, settings)
  const faults = new FaultQueue(options.provider)
  const requests: RequestLogEntry[] = []
  const latencyMs = options.latencyMs ?? 0
  let sequence = 0

  const server = await startLoopbackServer(async (received, loopback) => {
    if (!options.cors) return respond(received, loopback)
    if (isPreflight(received)) return preflightResponse(received)
    const response = await respond(received, loopback)
    return response && { ...response, headers: { ...response.headers, ...corsHeaders(received) } }
  })

  async function respond(
    received: ReceivedRequest,
    loopback: LoopbackServer,
  ): Promise<RawResponse | undefined> {
    const entry: MutableLogEntry = logEntryOf(received)
    requests.push(entry)
    const path = pathAfterBase(received.url.pathname, provider.basePath)
    const target: FaultTarget = { method: received.method, pathname: received.url.pathname, path }
    const fault = faults.take(target, (kind) => !PAGE_FAULT_KINDS.includes(kind))
    if (fault) entry.fault = fault.kind
    const context: RequestContext = {
      origin: loopback.origin,
      now: settings.now(),
      sequence: ++sequence,
      takePageFault: (kinds) => {
        const pageFault = faults.take(target, (kind) => kinds.includes(kind as PageFault['kind']))
        if (pageFault) entry.fault = pageFault.kind
        return pageFault as PageFault | undefined
      },
    }
    if (fault?.kind === 'hang') return undefined
    const wait = latencyMs + (fault?.kind === 'delay' ? fault.ms : 0)
    if (!(await loopback.sleep(wait))) return undefined

    const common = () => provider.commonHeaders(context)
    switch (fault?.kind) {
      case 'status': {
        const fallback = provider.errorResponse(fault.status, context)
        const body = 'body' in fault ? fault.body : fallback.body
        const noBody = fault.status === 204 || fault.status === 304
        return serialize(
          { status: fault.status, headers: { ...fault.headers }, body: noBody ? undefined : body },
          common(),
        )
      }
      case 'rate-limit': {
        const response = provider.errorResponse(429, context)
        return serialize(response, { ...common(), 'retry-after': fault.retryAfter ?? '1' })
      }
      case 'html': {
        const status = fault.status ?? 502
        return { status, headers: { 'content-type': 'text/html; charset=utf-8' }, body: htmlPage(status) }
      }
      case 'redirect':
        return { status: fault.status ?? 302, headers: { location: fault.location }, body: '' }
      case 'truncated-json': {
        const raw = serialize(answerNormally(provider, received, path, context), common())
        const body = raw.body === '' ? '{"' : raw.body.slice(0, Math.floor(raw.body.length / 2))
        return {
          status: fault.status ?? raw.status,
          headers: { ...raw.headers, 'content-type': 'application/json' },
          body,
        }
      }
      default:
        return serialize(answerNormally(provider, received, path, context), common())
    }
  }

  return {
    provider: options.provider,
    url: server.origin + provider.basePath,
    origin: server.origin,
    apiKey: settings.apiKey,
    agentIds: [...provider.agentIds],
    requests,
    inject: (...injected) => faults.add(injected),
    clearFaults: () => faults.clear(),
    reset: () => {
      provider.reset()
      faults.clear()
      requests.length = 0
    },
    close: () => server.close(),
  }
}
