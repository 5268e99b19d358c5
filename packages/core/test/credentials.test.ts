import { describe, expect, it } from 'vitest'
import { createHttpFetch } from '../src/index.js'
import { type Handler, type LoopbackServer, sendJson, startServer } from './loopback-server.js'
import { createTestClient, TEST_KEY } from './test-provider.js'

const KEY = 'sk_origin_key_0003'

function setup(server: LoopbackServer) {
  const fetch = createHttpFetch({
    provider: 'testprov',
    baseUrl: `${server.url}/v1`,
    authHeaders: { 'X-API-Key': KEY },
    headers: { 'X-Team': 'blue' },
    secrets: [KEY],
  })
  return (url: string, init: RequestInit = {}) => fetch(new Request(url, init))
}

const redirectTo =
  (location: string, status = 302): Handler =>
  (_, response) => {
    response.writeHead(status, { location })
    response.end()
  }

describe('credentials stay on the configured origin', () => {
  it('sends the key and default headers to the configured origin', async () => {
    const api = await startServer((_, response) => sendJson(response, 200, {}))
    await setup(api)(`${api.url}/v1/items`)
    expect(api.requests[0]?.headers).toMatchObject({
      'x-api-key': KEY,
      'x-team': 'blue',
      accept: 'application/json',
    })
  })

  it('sends no credentials to another origin, even ones the request carried', async () => {
    const api = await startServer()
    const other = await startServer((_, response) => sendJson(response, 200, {}))
    await setup(api)(`${other.url}/v1/items`, {
      headers: { 'X-API-Key': KEY, Authorization: `Bearer ${KEY}`, Cookie: 'session=1', 'X-Trace': 't' },
    })
    const headers = other.requests[0]?.headers ?? {}
    expect(headers['x-api-key']).toBeUndefined()
    expect(headers.authorization).toBeUndefined()
    expect(headers.cookie).toBeUndefined()
    expect(headers['x-team']).toBeUndefined()
    expect(headers['x-trace']).toBe('t')
    expect(JSON.stringify(other.requests)).not.toContain(KEY)
  })

  it('treats another host name for the same server as another origin', async () => {
    const api = await startServer((_, response) => sendJson(response, 200, {}))
    await setup(api)(`${api.url.replace('127.0.0.1', 'localhost')}/v1/items`)
    expect(api.requests[0]?.headers['x-api-key']).toBeUndefined()
  })
})

describe('redirects', () => {
  it('follows a redirect to another origin without the key', async () => {
    const other = await startServer((_, response) => sendJson(response, 200, { from: 'other' }))
    const api = await startServer(redirectTo(`${other.url}/landing`))
    const response = await setup(api)(`${api.url}/v1/items`, {
      headers: { Authorization: `Bearer ${KEY}`, Cookie: 'a=b' },
    })
    expect(await response.json()).toEqual({ from: 'other' })
    expect(api.requests[0]?.headers['x-api-key']).toBe(KEY)
    expect(other.requests).toHaveLength(1)
    expect(other.requests[0]?.headers['x-api-key']).toBeUndefined()
    expect(other.requests[0]?.headers.authorization).toBeUndefined()
    expect(other.requests[0]?.headers.cookie).toBeUndefined()
    expect(JSON.stringify(other.requests[0]?.headers)).not.toContain(KEY)
  })

  it('keeps the key on a same-origin redirect', async () => {
    const api = await startServer((request, response) =>
      request.url === '/v1/old'
        ? redirectTo('/v1/new', 301)(request, response, 0)
        : sendJson(response, 200, {}),
    )
    expect((await setup(api)(`${api.url}/v1/old`)).status).toBe(200)
    expect(api.requests.map((request) => [request.url, request.headers['x-api-key']])).toEqual([
      ['/v1/old', KEY],
      ['/v1/new', KEY],
    ])
  })

  it('does not give the key back after a hop through another origin', async () => {
    const api = await startServer((request, response) =>
      request.url === '/v1/start'
        ? redirectTo(`${other.url}/bounce`)(request, response, 0)
        : sendJson(response, 200, {}),
    )
    const other = await startServer(redirectTo(`${api.url}/v1/final`, 307))
    expect((await setup(api)(`${api.url}/v1/start`)).status).toBe(200)
    expect(api.requests.map((request) => request.headers['x-api-key'])).toEqual([KEY, undefined])
  })

  it('turns a POST into a GET without body on 303, keeps it on 307', async () => {
    const api = await startServer((request, response) => {
      if (request.url === '/v1/see-other') return redirectTo('/v1/result', 303)(request, response, 0)
      if (request.url === '/v1/temporary') return redirectTo('/v1/result', 307)(request, response, 0)
      sendJson(response, 200, {})
    })
    const call = setup(api)
    await call(`${api.url}/v1/see-other`, {
      method: 'POST',
      body: '{"a":1}',
      headers: { 'content-type': 'application/json' },
    })
    await call(`${api.url}/v1/temporary`, {
      method: 'POST',
      body: '{"a":1}',
      headers: { 'content-type': 'application/json' },
    })
    expect(
      api.requests.map((request) => [
        request.method,
        request.url,
        request.body,
        request.headers['content-type'],
      ]),
    ).toEqual([
      ['POST', '/v1/see-other', '{"a":1}', 'application/json'],
      ['GET', '/v1/result', '', undefined],
      ['POST', '/v1/temporary', '{"a":1}', 'application/json'],
      ['POST', '/v1/result', '{"a":1}', 'application/json'],
    ])
  })

  it('stops after 5 redirects and returns the last one', async () => {
    const api = await startServer((request, response, index) =>
      redirectTo(`/v1/hop${index + 1}`)(request, response, 0),
    )
    const response = await setup(api)(`${api.url}/v1/hop0`)
    expect(response.status).toBe(302)
    expect(api.requests).toHaveLength(6)
  })

  it('keeps the key away from a cross-origin redirect through the openapi-fetch client', async () => {
    const other = await startServer((_, response) => sendJson(response, 200, { items: [] }))
    const api = await startServer(redirectTo(`${other.url}/items`))
    const client = createTestClient({ baseUrl: api.url })
    const { data } = await client.GET('/items')
    expect(data).toEqual({ items: [] })
    expect(api.requests[0]?.headers['x-api-key']).toBe(TEST_KEY)
    expect(JSON.stringify(other.requests)).not.toContain(TEST_KEY)
  })
})
