import { ConnectionError, RequestAbortedError, TimeoutError } from '@voicebatch/core'
import type { MockServer } from '@voicebatch/testing'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { providerCases, withServer } from './provider-cases.js'

describe.each(providerCases)('$provider timeouts and aborts', (providerCase) => {
  let server: MockServer
  beforeAll(async () => {
    server = await withServer(providerCase.provider)
  })
  afterAll(() => server.close())
  beforeEach(() => server.reset())

  test('a hung response becomes a TimeoutError after each attempt times out', async () => {
    server.inject({ kind: 'hang', times: 2 })
    const error = await providerCase
      .getFirstPage(server, { timeoutMs: 150, maxRetries: 1 })
      .catch((caught: unknown) => caught)
    expect(TimeoutError.isInstance(error)).toBe(true)
    expect(server.requests).toHaveLength(2)
  })

  test('a timed-out attempt is retried and can then succeed', async () => {
    server.inject({ kind: 'hang' })
    const { response } = await providerCase.getFirstPage(server, { timeoutMs: 150, maxRetries: 1 })
    expect(response.status).toBe(200)
  })

  test("the caller's signal aborts at once, with its own error", async () => {
    server.inject({ kind: 'hang' })
    const controller = new AbortController()
    const iterator = providerCase.listBatches(server, { timeoutMs: 10_000 }, { signal: controller.signal })
    setTimeout(() => controller.abort(), 50)
    const started = performance.now()
    const error = await iterator.toArray().catch((caught: unknown) => caught)
    expect(RequestAbortedError.isInstance(error)).toBe(true)
    expect(TimeoutError.isInstance(error)).toBe(false)
    expect(performance.now() - started).toBeLessThan(2_000)
  })

  test('a closed port gives a ConnectionError', async () => {
    const closed = await withServer(providerCase.provider)
    await closed.close()
    const error = await providerCase
      .getFirstPage(closed, { maxRetries: 0 })
      .catch((caught: unknown) => caught)
    expect(ConnectionError.isInstance(error)).toBe(true)
  })
})
