import { inspect } from 'node:util'
import { createTechladderClient } from '@voicebatch/techladder'
import type { MockServer } from '@voicebatch/testing'
import { createTruedyClient } from '@voicebatch/truedy'
import { createUltravoxClient } from '@voicebatch/ultravox'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { providerCases, withServer } from './provider-cases.js'

const secret = 'sk_live_0123456789abcdef'

describe.each(providerCases)('$provider never shows the key', (providerCase) => {
  let server: MockServer
  beforeAll(async () => {
    server = await withServer(providerCase.provider)
  })
  afterAll(() => server.close())

  test('not in any error: message, JSON, inspect, stack', async () => {
    server.inject({
      kind: 'status',
      status: 500,
      body: { detail: `boom ${secret}`, error: { code: 'x', message: `echo ${secret}` } },
      times: 5,
    })
    const echoed = await providerCase
      .unwrapFirstPage(server, { apiKey: secret, maxRetries: 0 })
      .catch((caught: unknown) => caught)
    server.clearFaults()
    // The mock does not know this key: its own 401 comes back through the paginator.
    const rejected = await providerCase
      .listBatches(server, { apiKey: secret })
      .toArray()
      .catch((caught: unknown) => caught)
    expect(echoed).toMatchObject({ status: 500 })
    expect(rejected).toMatchObject({ status: 401 })
    const errors = [echoed, rejected]
    for (const error of errors) {
      expect(error).toBeInstanceOf(Error)
      const shown = [
        (error as Error).message,
        JSON.stringify(error),
        inspect(error, { depth: 5 }),
        (error as Error).stack,
      ]
      for (const text of shown) expect(text).not.toContain(secret)
    }
  })
})

test('clients do not show the key through inspect or JSON', () => {
  const clients = [
    createUltravoxClient({ apiKey: secret }),
    createTechladderClient({ apiKey: secret }),
    createTruedyClient({ apiKey: secret }),
  ]
  for (const client of clients) {
    expect(inspect(client, { depth: 10, showHidden: true })).not.toContain(secret)
    expect(JSON.stringify(client)).not.toContain(secret)
  }
})
