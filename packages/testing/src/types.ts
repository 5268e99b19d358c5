export type MockProvider = 'ultravox' | 'techladder' | 'truedy'

export interface MockServerOptions {
  readonly provider: MockProvider
  /** The key the server accepts. Default: {@link mockApiKeys}[provider]. */
  readonly apiKey?: string
  /** Seeded batches per agent (Ultravox) or in total (Techladder, Truedy). Default 12. */
  readonly batches?: number
  /** Calls (contacts) per seeded batch. Default 5. */
  readonly callsPerBatch?: number
  /**
   * Agents the data belongs to. Ultravox: the agents that exist (UUIDs), default two fixed UUIDs.
   * Techladder, Truedy: the agent IDs seeded batches use, default three generated IDs.
   */
  readonly agentIds?: readonly string[]
  /** Seed of the generated data. Default 1. */
  readonly seed?: number
  /** Milliseconds added before every response. Default 0. */
  readonly latencyMs?: number
  /** The server's clock: timestamps, Ultravox's future windows, Truedy's `meta.ts`. Default: real time. */
  readonly now?: () => Date
  /**
   * Truedy only: show some active batches with the undocumented status `running`, and the extra
   * fields real servers send (`from_number`, `concurrency`, `called`, ...). Default false: every
   * response validates against the spec.
   */
  readonly offSpecStatuses?: boolean
  /**
   * How batches created through the API dial as the server clock (`now`) moves: each call takes
   * between half and 1.5 times `callDurationMs` (default 60,000), `concurrency` calls at once
   * (default 5; Techladder batches that send `concurrency` use theirs), and `failureRate` of them
   * fail (default 0.15). Lengths and outcomes are drawn from `seed`: the same every run.
   */
  readonly dialing?: {
    readonly callDurationMs?: number
    readonly concurrency?: number
    readonly failureRate?: number
  }
  /**
   * Answer CORS, for clients running in a browser page: preflight OPTIONS requests get a 204 that
   * allows the asked method and headers (they are not logged), and every response gets
   * `Access-Control-Allow-Origin` and `Access-Control-Expose-Headers: *`. Default false.
   */
  readonly cors?: boolean
}

export interface RequestLogEntry {
  readonly method: string
  /** The full pathname, base path included, e.g. `/api/v1/public/call-batches`. */
  readonly path: string
  readonly query: Record<string, string>
  /** Header names lowercased; repeated headers joined with `, `. */
  readonly headers: Record<string, string>
  /** The parsed JSON body, the raw text when it is not JSON, undefined when empty. */
  readonly body: unknown
  /** The kind of fault that answered this request, if one did. */
  readonly fault?: Fault['kind']
}

export interface FaultMatch {
  /** HTTP method, any case. */
  readonly method?: string
  /**
   * A string equals the full pathname or the pathname after the base path
   * (`/call-batches` matches `/api/v1/public/call-batches`); a RegExp is tested on the full pathname.
   */
  readonly path?: string | RegExp
}

export type FaultBehaviour =
  | {
      /** Answers with this status. */
      readonly kind: 'status'
      readonly status: number
      /** Default: the provider's own error body for that status. */
      readonly body?: unknown
      readonly headers?: Record<string, string>
    }
  | {
      /** 429 with Retry-After and the provider's 429 body. */
      readonly kind: 'rate-limit'
      /** Default '1'. */
      readonly retryAfter?: string
    }
  | {
      /** Waits, then answers normally. */
      readonly kind: 'delay'
      readonly ms: number
    }
  | {
      /** Never answers, until the server closes. */
      readonly kind: 'hang'
    }
  | {
      /** An HTML error page from a "proxy", as `text/html`. */
      readonly kind: 'html'
      /** Default 502. */
      readonly status?: number
    }
  | {
      /** The normal JSON answer cut in half. */
      readonly kind: 'truncated-json'
      /** Default: the status the request would have got. */
      readonly status?: number
    }
  | {
      /** A redirect to any URL, e.g. another origin. */
      readonly kind: 'redirect'
      readonly location: string
      /** Default 302. */
      readonly status?: number
    }
  | {
      /** Ultravox: the next page URL points at another host, with the same path and cursor. */
      readonly kind: 'next-url-host'
      /** `host:port` or an origin such as `http://127.0.0.1:4000`. */
      readonly host: string
    }
  | {
      /**
       * A page that does not advance. Ultravox: `next` repeats the cursor of the request (only
       * requests that carry a cursor take it). Techladder, Truedy: an empty page with `has_more: true`.
       */
      readonly kind: 'stuck-cursor'
    }

export type Fault = {
  /** Which requests the fault answers. Default: any. */
  readonly match?: FaultMatch
  /** How many matching requests the fault answers. Default 1; `Infinity` for all. */
  readonly times?: number
} & FaultBehaviour

export interface MockServer {
  readonly provider: MockProvider
  /** Origin plus the spec's base path: what a client takes as its base URL. */
  readonly url: string
  readonly origin: string
  readonly apiKey: string
  /** Ultravox: the agents that exist. Techladder, Truedy: the agent IDs of seeded batches. */
  readonly agentIds: readonly string[]
  /** Every request received, faulted ones included, oldest first. */
  readonly requests: RequestLogEntry[]
  /** Queues faults; each request takes the first queued fault that matches it. */
  inject(...faults: Fault[]): void
  clearFaults(): void
  /** Restores the seeded data and empties the request log and the fault queue. */
  reset(): void
  /** Stops the server and destroys every socket, hung ones included. */
  close(): Promise<void>
}

export interface RequestRecorder {
  /** The origin with a trailing slash. */
  readonly url: string
  readonly origin: string
  readonly requests: RequestLogEntry[]
  close(): Promise<void>
}
