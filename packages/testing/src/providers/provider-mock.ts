import type { FaultBehaviour } from '../types.js'

/** A request as a provider mock sees it. */
export interface MockRequest {
  readonly method: string
  /** The full pathname. */
  readonly pathname: string
  /** The pathname after the provider's base path, starting with `/`. */
  readonly path: string
  readonly query: Record<string, string>
  readonly headers: Record<string, string>
  /** Parsed JSON body; undefined when the body is empty. */
  readonly body: unknown
  /** True when a body was sent and is not JSON. */
  readonly bodyIsInvalid: boolean
}

export interface MockResponse {
  readonly status: number
  readonly headers?: Record<string, string>
  /** Serialized as JSON; undefined sends no body. */
  readonly body?: unknown
}

export type PageFault = Extract<FaultBehaviour, { kind: 'stuck-cursor' | 'next-url-host' }>

/** What a provider mock knows about the request being answered. */
export interface RequestContext {
  readonly origin: string
  /** The server clock, read once per request. */
  readonly now: Date
  /** Counts requests since the server started; unique per response. */
  readonly sequence: number
  /**
   * Takes the first queued page fault of these kinds that matches the request, if any. Paginated
   * handlers call it only when the fault would change their answer.
   */
  readonly takePageFault: (kinds: readonly PageFault['kind'][]) => PageFault | undefined
}

export interface ProviderMock {
  /** The spec's server path, e.g. `/api/v1/public` ('' for Ultravox). */
  readonly basePath: string
  readonly apiKey: string
  readonly agentIds: readonly string[]
  /** Page faults this provider can apply. */
  readonly pageFaults: readonly PageFault['kind'][]
  isAuthorized(request: MockRequest): boolean
  unauthorized(request: MockRequest, context: RequestContext): MockResponse
  handle(request: MockRequest, context: RequestContext): MockResponse
  /** The provider's own error body for a status, as its servers send it. */
  errorResponse(status: number, context: RequestContext, message?: string): MockResponse
  /** Headers every response carries (rate limits, request IDs). */
  commonHeaders(context: RequestContext): Record<string, string>
  reset(): void
}
