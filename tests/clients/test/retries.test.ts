import { InternalServerError, RateLimitError } from '@voicebatch/core'
import type { MockServer } from '@voicebatch/testing'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { providerCases, withServer } from './provider-cases.js'

describe.each(providerCases)('$provider retries', (providerCase) => {
  let server: MockServer
  beforeAll(async () => {
    server = await withServer(providerCase.provider)
  })
  afterAll(() => server.close())
  beforeEach(() => server.reset())

  const listRequests = () => server.requests.filter((request) => request.method === 'GET')

  test('a 429 with Retry-After is retried after the delay, then succeeds', async () => {
    server.inject({ kind: 'rate-limit', retryAfter: '1' })
    const started = performance.now()
    const { data, response } = await providerCase.getFirstPage(server)
    expect(response.status).toBe(200)
    expect(data).toBeDefined()
    expect(performance.now() - started).toBeGreaterThanOrEqual(950)
    expect(listRequests()).toHaveLength(2)
  })

  test('a 503 burst is retried until it passes', async () => {
    server.inject({ kind: 'status', status: 503, times: 2 })
    const { response } = await providerCase.getFirstPage(server)
    expect(response.status).toBe(200)
    expect(listRequests()).toHaveLength(3)
  })

  test('exhausted retries give the last error, typed', async () => {
    server.inject({ kind: 'status', status: 503, times: 10 })
    const error = await providerCase
      .unwrapFirstPage(server, { maxRetries: 1 })
      .catch((caught: unknown) => caught)
    expect(InternalServerError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({ status: 503, provider: providerCase.provider })
    expect(listRequests()).toHaveLength(2)
  })

  test('maxRetries 0 sends once', async () => {
    server.inject({ kind: 'rate-limit', retryAfter: '0', times: 5 })
    const error = await providerCase
      .unwrapFirstPage(server, { maxRetries: 0 })
      .catch((caught: unknown) => caught)
    expect(RateLimitError.isInstance(error)).toBe(true)
    expect(listRequests()).toHaveLength(1)
  })

  test('a 404 is not retried', async () => {
    server.inject({ kind: 'status', status: 404 })
    const { response } = await providerCase.getFirstPage(server)
    expect(response.status).toBe(404)
    expect(listRequests()).toHaveLength(1)
  })
})
