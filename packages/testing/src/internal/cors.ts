import type { RawResponse, ReceivedRequest } from './loopback-server.js'

/** A CORS preflight: OPTIONS with `Access-Control-Request-Method`. */
export function isPreflight(request: ReceivedRequest): boolean {
  return request.method === 'OPTIONS' && request.headers['access-control-request-method'] !== undefined
}

/** Allows the asked method and headers from the asking origin (browsers send the key in a header). */
export function preflightResponse(request: ReceivedRequest): RawResponse {
  const headers: Record<string, string> = {
    ...corsHeaders(request),
    'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS',
    'access-control-max-age': '600',
  }
  const asked = request.headers['access-control-request-headers']
  if (asked) headers['access-control-allow-headers'] = asked
  if (request.headers['access-control-request-private-network'] === 'true') {
    headers['access-control-allow-private-network'] = 'true'
  }
  return { status: 204, headers, body: '' }
}

/** Lets a page on any origin read the response, headers included (`Retry-After`, `x-request-id`). */
export function corsHeaders(request: ReceivedRequest): Record<string, string> {
  return {
    'access-control-allow-origin': request.headers.origin ?? '*',
    'access-control-expose-headers': '*',
    vary: 'Origin',
  }
}
