const MAX_REDIRECTS = 5
const redirectStatuses = new Set([301, 302, 303, 307, 308])
/** Never sent to another origin, whoever set them. */
const alwaysCredentialHeaders = ['authorization', 'cookie', 'proxy-authorization']

export interface SendOptions {
  /** Undefined: `globalThis.fetch`, read at call time (so a fetch mocked after creation is used). */
  fetch: typeof globalThis.fetch | undefined
  /** The only origin that receives the headers below, e.g. `https://api.example.com`. */
  origin: string
  /** Credential headers (names in lower case): set on every request to `origin`, removed everywhere else. */
  credentialHeaders: ReadonlyArray<readonly [name: string, value: string]>
  /** Client default headers such as `accept` (names in lower case): for `origin` only, where the request has none. */
  defaultHeaders: ReadonlyArray<readonly [name: string, value: string]>
}

/** The default headers `addOriginHeaders` added, to take away again when a hop leaves the origin. */
export type AddedHeaders = readonly string[]

/**
 * Whether `url` is on `origin`. A URL that starts with the origin followed by `/`, `?`, `#` or
 * nothing is (that is how openapi-fetch builds them from our normalized base URL), without parsing;
 * anything else (`:8080`, `@other.host`, other casing) is parsed and compared, so an unusual URL can
 * only lose credentials, never gain them.
 */
export function isOnOrigin(url: string, origin: string): boolean {
  if (url.startsWith(origin)) {
    const next = url.charCodeAt(origin.length)
    // NaN: the URL is the origin itself. 47 `/`, 63 `?`, 35 `#`.
    if (Number.isNaN(next) || next === 47 || next === 63 || next === 35) return true
  }
  try {
    return new URL(url).origin === origin
  } catch {
    return false
  }
}

const nothingAdded: AddedHeaders = []

/**
 * Sets the origin headers on `headers` in place (credentials always, defaults only where the
 * request has none) and returns the defaults it added, so that `withoutOriginHeaders` can give a
 * cross-origin hop the request's own headers back.
 */
export function addOriginHeaders(options: SendOptions, headers: Headers): AddedHeaders {
  for (const [name, value] of options.credentialHeaders) headers.set(name, value)
  let added: string[] | undefined
  for (const [name, value] of options.defaultHeaders) {
    if (headers.has(name)) continue
    headers.set(name, value)
    added ??= []
    added.push(name)
  }
  return added ?? nothingAdded
}

/** A copy of `headers` as the request had them before `addOriginHeaders`, with no credential header at all. */
export function withoutOriginHeaders(options: SendOptions, headers: Headers, added: AddedHeaders): Headers {
  const copy = new Headers(headers)
  for (const name of added) copy.delete(name)
  removeCredentialHeaders(options, copy)
  return copy
}

export function removeCredentialHeaders(options: SendOptions, headers: Headers): void {
  for (const [name] of options.credentialHeaders) headers.delete(name)
  for (const name of alwaysCredentialHeaders) headers.delete(name)
}

export interface SendInput {
  url: string
  method: string
  /**
   * The headers of the first hop. When `credentialed`, `addOriginHeaders` has already been applied
   * and `added` says which defaults it added; otherwise they carry no credential header. Never modified here.
   */
  headers: Headers
  credentialed: boolean
  added: AddedHeaders
  body: BodyInit | undefined
}

/** What one hop sends. */
type Hop = Pick<SendInput, 'url' | 'method' | 'headers' | 'body'>

/**
 * One hop (the first, or one `followRedirects` takes): sent with `redirect: 'manual'`, so that
 * `followRedirects` decides where credentials go. A plain function returning fetch's own promise:
 * no async step of its own on the path of every call.
 */
export function sendHop(options: SendOptions, hop: Hop, signal: AbortSignal): Promise<Response> {
  // Called as a plain function, never as a method of another object: browsers throw "Illegal invocation".
  const fetch = options.fetch ?? globalThis.fetch
  return fetch(hop.url, {
    method: hop.method,
    headers: hop.headers,
    body: hop.body ?? null,
    redirect: 'manual',
    signal,
  })
}

/** Whether `followRedirects` has anything to do with a response of this status (the common case is decided by it alone). */
export function isRedirectStatus(status: number): boolean {
  return redirectStatuses.has(status)
}

/**
 * Follows up to 5 redirects from the first hop's `response`, so that credentials go to the
 * configured origin only: once a hop leaves that origin, no later hop carries them (not even one
 * that comes back). A redirect it will not follow (no Location, a non-HTTP scheme, one hop too
 * many) is returned as the response.
 */
export async function followRedirects(
  options: SendOptions,
  input: SendInput,
  signal: AbortSignal,
  firstResponse: Response,
): Promise<Response> {
  let { url, method, body, headers, credentialed } = input
  let response = firstResponse

  for (let hop = 0; ; hop++) {
    if (!isRedirectStatus(response.status) || hop === MAX_REDIRECTS) return response
    const next = redirectTarget(response, url)
    if (next === null) return response
    await response.body?.cancel()

    // Redirects are rare: copying the headers here keeps the caller's copy untouched for retries.
    if (credentialed && next.origin !== options.origin) {
      credentialed = false
      headers = withoutOriginHeaders(options, headers, input.added)
    }
    // As browsers do: 303 always, and 301/302 after a POST, continue as a GET without body.
    if ((response.status === 303 && method !== 'HEAD') || (response.status <= 302 && method === 'POST')) {
      method = 'GET'
      body = undefined
      headers = new Headers(headers)
      for (const name of ['content-type', 'content-length', 'content-encoding']) headers.delete(name)
    }
    url = next.href
    response = await sendHop(options, { url, method, headers, body }, signal)
  }
}

function redirectTarget(response: Response, from: string): URL | null {
  const location = response.headers.get('location')
  if (location === null) return null
  try {
    const target = new URL(location, from)
    return target.protocol === 'http:' || target.protocol === 'https:' ? target : null
  } catch {
    return null
  }
}
