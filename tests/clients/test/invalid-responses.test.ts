import { InternalServerError, InvalidResponseError } from '@voicebatch/core'
import type { MockServer } from '@voicebatch/testing'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { providerCases, withServer } from './provider-cases.js'

describe.each(providerCases)('$provider invalid responses', (providerCase) => {
  let server: MockServer
  beforeAll(async () => {
    server = await withServer(providerCase.provider)
  })
  afterAll(() => server.close())
  beforeEach(() => server.reset())

  test('an HTML 502 page becomes an InternalServerError, not a SyntaxError', async () => {
    server.inject({ kind: 'html', status: 502, times: 5 })
    const error = await providerCase
      .unwrapFirstPage(server, { maxRetries: 0 })
      .catch((caught: unknown) => caught)
    expect(InternalServerError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({ status: 502, provider: providerCase.provider })
  })

  test('truncated JSON on a 200 becomes an InvalidResponseError', async () => {
    server.inject({ kind: 'truncated-json', status: 200 })
    const error = await providerCase
      .getFirstPage(server, { maxRetries: 0 })
      .catch((caught: unknown) => caught)
    expect(InvalidResponseError.isInstance(error)).toBe(true)
    expect(error).not.toBeInstanceOf(SyntaxError)
    expect(error).toMatchObject({ status: 200, provider: providerCase.provider })
  })

  test('a page loop that does not advance stops with an error', async () => {
    server.inject({ kind: 'stuck-cursor', times: Number.POSITIVE_INFINITY })
    const error = await providerCase
      .listBatches(server, {}, { pageSize: 5 })
      .toArray()
      .catch((caught: unknown) => caught)
    expect(error).toMatchObject({ name: 'PaginationError' })
    expect(server.requests.length).toBeLessThan(5)
  })
})
