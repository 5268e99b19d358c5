import { describe, expect, it } from 'vitest'
import { sendJson, startServer } from './loopback-server.js'
import { createTestClient } from './test-provider.js'

describe('idempotency keys', () => {
  it.each([
    ['an empty', '', 1],
    ['a blank', '   ', 1],
    ['a real', 'idem_123', 3],
  ])(
    'a POST with %s Idempotency-Key (%j) is sent %i time(s) to a failing server',
    async (_, key, attempts) => {
      const server = await startServer((_, response) =>
        sendJson(response, 503, { error: { code: 'busy', message: 'busy' } }),
      )
      const client = createTestClient({ baseUrl: server.url, maxRetries: 2 })
      const { response } = await client.POST('/items', {
        body: { name: 'n' },
        headers: { 'Idempotency-Key': key },
      } as never)
      expect(response.status).toBe(503)
      expect(server.requests).toHaveLength(attempts)
    },
    15_000,
  )
})

describe('parseAs', () => {
  const csv = 'id,name\n1,a\n2,b\n'
  const serve = () =>
    startServer((_, response) => {
      response.writeHead(200, { 'content-type': 'text/csv' })
      response.end(csv)
    })

  it('stream gives a readable body with every byte', async () => {
    const server = await serve()
    const { data } = await createTestClient({ baseUrl: server.url }).GET('/items', { parseAs: 'stream' })
    expect(data).toBeInstanceOf(ReadableStream)
    expect(await new Response(data as ReadableStream).text()).toBe(csv)
  })

  it('blob, arrayBuffer and text give the body as it came, even when it is not JSON', async () => {
    const server = await serve()
    const client = createTestClient({ baseUrl: server.url })
    const blob = (await client.GET('/items', { parseAs: 'blob' })).data as unknown as Blob
    expect(await blob.text()).toBe(csv)
    expect(blob.type).toBe('text/csv')
    const buffer = (await client.GET('/items', { parseAs: 'arrayBuffer' })).data as unknown as ArrayBuffer
    expect(new TextDecoder().decode(buffer)).toBe(csv)
    expect((await client.GET('/items', { parseAs: 'text' })).data).toBe(csv)
  })

  it('stream works for a JSON body too, and json stays checked', async () => {
    const server = await startServer((_, response) => sendJson(response, 200, { items: [] }))
    const client = createTestClient({ baseUrl: server.url })
    const { data } = await client.GET('/items', { parseAs: 'stream' })
    expect(await new Response(data as ReadableStream).json()).toEqual({ items: [] })
    expect((await client.GET('/items')).data).toEqual({ items: [] })
  })
})
