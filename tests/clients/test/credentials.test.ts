import { type MockServer, type RequestRecorder, startRequestRecorder } from '@voicebatch/testing'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { providerCases, withServer } from './provider-cases.js'

describe.each(providerCases)('$provider credentials', (providerCase) => {
  let server: MockServer
  let otherOrigin: RequestRecorder
  beforeAll(async () => {
    server = await withServer(providerCase.provider)
    otherOrigin = await startRequestRecorder()
  })
  afterAll(async () => {
    await server.close()
    await otherOrigin.close()
  })
  beforeEach(() => {
    server.reset()
    otherOrigin.requests.length = 0
  })

  test('every request carries the key in the provider’s header', async () => {
    await providerCase.getFirstPage(server)
    const [header, value] = providerCase.credentials(server.apiKey)
    expect(server.requests[0]?.headers[header]).toBe(value)
  })

  test('a wrong key gets the provider’s 401', async () => {
    const { error, response } = await providerCase.getFirstPage(server, { apiKey: 'wrong-key' })
    expect(response.status).toBe(401)
    expect(error).toBeDefined()
  })

  test('a redirect to another origin never receives the key', async () => {
    server.inject({ kind: 'redirect', location: `${otherOrigin.url}stolen`, status: 307 })
    await providerCase.getFirstPage(server, { maxRetries: 0 })
    expect(otherOrigin.requests).toHaveLength(1)
    const [header] = providerCase.credentials(server.apiKey)
    const leaked = JSON.stringify(otherOrigin.requests[0]?.headers)
    expect(otherOrigin.requests[0]?.headers[header]).toBeUndefined()
    expect(leaked).not.toContain(server.apiKey)
  })
})
