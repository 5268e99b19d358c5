import { afterEach, describe, expect, it } from 'vitest'
import { type MockServer, startMockServer } from '../src/index.js'

const servers: MockServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

async function start(cors: boolean) {
  const server = await startMockServer({ provider: 'truedy', cors })
  servers.push(server)
  return server
}

const origin = 'http://127.0.0.1:9'

describe('cors option', () => {
  it('answers a preflight with what was asked, and does not log it', async () => {
    const server = await start(true)
    const response = await fetch(`${server.url}/batch-calls`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization, x-trace',
      },
    })
    expect(response.status).toBe(204)
    expect(response.headers.get('access-control-allow-origin')).toBe(origin)
    expect(response.headers.get('access-control-allow-headers')).toBe('authorization, x-trace')
    expect(response.headers.get('access-control-allow-methods')).toContain('GET')
    expect(server.requests).toHaveLength(0)
  })

  it('lets the page read every response, faults included', async () => {
    const server = await start(true)
    server.inject({ kind: 'status', status: 503 })
    const headers = { origin, authorization: `Bearer ${server.apiKey}` }
    const failed = await fetch(`${server.url}/batch-calls`, { headers })
    const ok = await fetch(`${server.url}/batch-calls`, { headers })
    for (const response of [failed, ok]) {
      expect(response.headers.get('access-control-allow-origin')).toBe(origin)
      expect(response.headers.get('access-control-expose-headers')).toBe('*')
    }
    expect([failed.status, ok.status]).toEqual([503, 200])
  })

  it('sends no CORS header unless asked', async () => {
    const server = await start(false)
    const response = await fetch(`${server.url}/batch-calls`, { headers: { origin } })
    expect(response.headers.get('access-control-allow-origin')).toBeNull()
  })
})
