const MAX_REDIRECTS = 5
const redirectStatuses = new Set([301, 302, 303, 307, 308])
/** Never sent to another origin, whoever set them. */
const alwaysCredentialHeaders = ['authorization', 'cookie', 'proxy-authorization']

export interface SendOptions {
  fetch: typeof globalThis.fetch
  /** The only origin that receives `originHeaders`. */
  origin: string
  /** Credentials and client default headers: only for `origin`. */
  originHeaders: Record<string, string>
  /** Names of the credential headers removed from requests to any other origin. */
  credentialHeaderNames: readonly string[]
}

export interface SendInput {
  url: string
  method: string
  headers: Headers
  body: ArrayBuffer | undefined
  signal: AbortSignal
}

/**
 * Sends with `redirect: 'manual'` and follows up to 5 redirects itself, so that credentials go to
 * the configured origin only: once a hop leaves that origin, no later hop carries them (not even
 * one that comes back). A redirect it will not follow (no Location, a non-HTTP scheme, one hop
 * too many) is returned as the response.
 */
export async function sendWithRedirects(options: SendOptions, input: SendInput): Promise<Response> {
  let { url, method, body } = input
  // Copied only when a redirect must change them.
  let headers = input.headers
  let credentialed = new URL(url).origin === options.origin

  for (let hop = 0; ; hop++) {
    const response = await options.fetch(url, {
      method,
      headers: headersFor(options, headers, credentialed),
      body: body ?? null,
      redirect: 'manual',
      signal: input.signal,
    })
    const next = redirectTarget(response, url)
    if (next === null || hop === MAX_REDIRECTS) return response
    await response.body?.cancel()

    // As browsers do: 303 always, and 301/302 after a POST, continue as a GET without body.
    if ((response.status === 303 && method !== 'HEAD') || (response.status <= 302 && method === 'POST')) {
      method = 'GET'
      body = undefined
      headers = new Headers(headers)
      for (const name of ['content-type', 'content-length', 'content-encoding']) headers.delete(name)
    }
    credentialed = credentialed && next.origin === options.origin
    url = next.href
  }
}

function headersFor(options: SendOptions, base: Headers, credentialed: boolean): Headers {
  const headers = new Headers(base)
  if (credentialed) {
    for (const [name, value] of Object.entries(options.originHeaders)) {
      if (!headers.has(name) || options.credentialHeaderNames.includes(name.toLowerCase())) {
        headers.set(name, value)
      }
    }
    return headers
  }
  for (const name of [...options.credentialHeaderNames, ...alwaysCredentialHeaders]) headers.delete(name)
  return headers
}

function redirectTarget(response: Response, from: string): URL | null {
  if (!redirectStatuses.has(response.status)) return null
  const location = response.headers.get('location')
  if (location === null) return null
  try {
    const target = new URL(location, from)
    return target.protocol === 'http:' || target.protocol === 'https:' ? target : null
  } catch {
    return null
  }
}
