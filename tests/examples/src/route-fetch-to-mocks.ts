/**
 * Preloaded (`--import`) into every README example: `fetch` to a provider's real API goes to its
 * loopback mock instead, so examples read like user code (no baseUrl) and never leave the machine.
 * Routes come from VOICEBATCH_EXAMPLE_ROUTES (JSON `[{ from, to }]`, production base URL to mock URL).
 * Responses get the production origin back in place of the mock's (next-page links, Location), as
 * the real API would send them. Any other non-loopback request fails.
 */

export interface Route {
  readonly from: string
  readonly to: string
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]'])

export function routeFetch(routes: readonly Route[], realFetch: typeof fetch): typeof fetch {
  const rewriteResponse = async (response: Response, route: Route): Promise<Response> => {
    const mockOrigin = new URL(route.to).origin
    const realOrigin = new URL(route.from).origin
    const headers = new Headers(response.headers)
    const location = headers.get('location')
    if (location !== null) headers.set('location', location.replaceAll(mockOrigin, realOrigin))
    const noBody = response.body === null || [101, 204, 205, 304].includes(response.status)
    const body = noBody ? null : (await response.text()).replaceAll(mockOrigin, realOrigin)
    headers.delete('content-length')
    return new Response(body, { status: response.status, statusText: response.statusText, headers })
  }

  return async (input, init) => {
    const request = new Request(input, init)
    const route = routes.find(({ from }) => request.url === from || request.url.startsWith(`${from}/`))
    if (route !== undefined) {
      const url = route.to + request.url.slice(route.from.length)
      const body = ['GET', 'HEAD'].includes(request.method) ? null : await request.arrayBuffer()
      const init = { method: request.method, headers: request.headers, body, redirect: request.redirect }
      return rewriteResponse(await realFetch(url, { ...init, signal: request.signal }), route)
    }
    if (!LOOPBACK.has(new URL(request.url).hostname))
      throw new TypeError(`README example tried to reach ${request.url}: no mock server answers for it`)
    return realFetch(request)
  }
}

const routes = JSON.parse(process.env.VOICEBATCH_EXAMPLE_ROUTES ?? '[]') as Route[]
globalThis.fetch = routeFetch(routes, globalThis.fetch.bind(globalThis))
