import type { MockProvider, MockServer } from '../src/index.js'
import { operationsOf, type ValidateOptions, validateResponse } from './spec-validator.js'

export interface Exchange<Body> {
  readonly status: number
  readonly headers: Headers
  readonly text: string
  /** The parsed body (undefined when empty or not JSON), typed by the caller after validation. */
  readonly body: Body
  readonly url: string
}

export interface CallInit extends ValidateOptions {
  /** Sent as JSON. */
  readonly body?: unknown
  /** Sent as is (for malformed JSON). */
  readonly rawBody?: string
  readonly headers?: Record<string, string>
  /** true (default): the server's key; false: no credentials; a string: that key. */
  readonly auth?: boolean | string
  /** false skips spec validation: for faults whose responses are broken on purpose. */
  readonly validate?: boolean
  readonly redirect?: RequestRedirect
}

const covered = new Map<MockProvider, Set<string>>()

export function authHeaders(provider: MockProvider, key: string): Record<string, string> {
  return provider === 'ultravox' ? { 'x-api-key': key } : { authorization: `Bearer ${key}` }
}

/**
 * One request to a mock server over real HTTP. Every response is validated against the
 * provider's spec unless `validate: false`; the operation is then marked as covered.
 */
export async function call<Body = unknown>(
  server: MockServer,
  method: string,
  path: string,
  init: CallInit = {},
): Promise<Exchange<Body>> {
  const url = path.startsWith('http') ? path : `${server.url}${path}`
  const auth = init.auth ?? true
  const headers: Record<string, string> = {
    ...(auth === false ? {} : authHeaders(server.provider, auth === true ? server.apiKey : auth)),
    ...init.headers,
  }
  let body: string | undefined
  if (init.rawBody !== undefined) body = init.rawBody
  else if (init.body !== undefined) body = JSON.stringify(init.body)
  if (body !== undefined) headers['content-type'] ??= 'application/json'
  const response = await fetch(url, {
    method,
    headers,
    body: body ?? null,
    redirect: init.redirect ?? 'follow',
  })
  const text = await response.text()
  if (init.validate !== false) {
    const result = validateResponse(
      server.provider,
      { method, url, status: response.status, headers: response.headers, text },
      init,
    )
    if (!result.undeclared) {
      const set = covered.get(server.provider) ?? new Set()
      set.add(result.operation)
      covered.set(server.provider, set)
    }
  }
  let parsed: unknown
  try {
    parsed = text === '' ? undefined : JSON.parse(text)
  } catch {
    parsed = undefined
  }
  return { status: response.status, headers: response.headers, text, body: parsed as Body, url }
}

/** Operations of the spec that no validated response has exercised yet. */
export function uncoveredOperations(provider: MockProvider): string[] {
  const done = covered.get(provider) ?? new Set()
  return operationsOf(provider).filter((operation) => !done.has(operation))
}

/** A clock the tests move by hand. */
export function manualClock(start: string): { now: () => Date; advance(ms: number): void } {
  let time = Date.parse(start)
  return { now: () => new Date(time), advance: (ms) => (time += ms) }
}
