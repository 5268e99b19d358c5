import { afterEach, describe, expect, it, vi } from 'vitest'
import { runsOnNode } from '../src/attempt-controllers.js'
import { ConnectionError, TimeoutError } from '../src/index.js'
import { sendJson, startServer } from './loopback-server.js'
import { createTestClient } from './test-provider.js'

/** The signal each request was sent with, and whether it was already aborted then. */
function recordSignals() {
  const seen: { signal: AbortSignal; abortedWhenSent: boolean }[] = []
  const realFetch = globalThis.fetch
  // Still `globalThis.fetch` when the client calls it: the client reuses controllers only for Node's own fetch.
  vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
    const signal = init?.signal as AbortSignal
    seen.push({ signal, abortedWhenSent: signal.aborted })
    return realFetch(input, init)
  })
  return seen
}

const uses = (seen: { signal: AbortSignal }[]) => {
  const counts = new Map<AbortSignal, number>()
  for (const { signal } of seen) counts.set(signal, (counts.get(signal) ?? 0) + 1)
  return [...counts.values()]
}

afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
})

describe('attempt controllers on Node', () => {
  it('reuse a signal for at most 8 attempts, one after another', async () => {
    const server = await startServer((_, response) => sendJson(response, 200, { items: [] }))
    const client = createTestClient({ baseUrl: server.url })
    const seen = recordSignals()
    for (let call = 0; call < 20; call++) expect((await client.GET('/items')).data).toEqual({ items: [] })
    const counts = uses(seen)
    expect(Math.max(...counts)).toBe(8)
    expect(counts.length).toBeLessThanOrEqual(4)
    expect(seen.every(({ abortedWhenSent }) => !abortedWhenSent)).toBe(true)
  })

  it('give every request in flight a signal of its own', async () => {
    const waiting: (() => void)[] = []
    const server = await startServer(async (_, response) => {
      await new Promise<void>((resolve) => {
        waiting.push(resolve)
        if (waiting.length === 16) for (const release of waiting) release()
      })
      sendJson(response, 200, { items: [] })
    })
    const client = createTestClient({ baseUrl: server.url })
    const seen = recordSignals()
    await Promise.all(Array.from({ length: 16 }, () => client.GET('/items')))
    expect(server.maxInFlight).toBe(16)
    expect(new Set(seen.map(({ signal }) => signal)).size).toBe(16)
  })

  it('drop the controller of a timed-out attempt: the next call is not sent already aborted', async () => {
    const server = await startServer((_, response, index) => {
      if (index > 0) sendJson(response, 200, { items: [] })
    })
    const client = createTestClient({ baseUrl: server.url, timeoutMs: 100, maxRetries: 0 })
    const seen = recordSignals()
    await expect(client.GET('/items')).rejects.toSatisfy(TimeoutError.isInstance)
    expect((await client.GET('/items')).data).toEqual({ items: [] })
    const [timedOut, next] = seen
    expect(timedOut?.signal.aborted).toBe(true)
    expect(next?.signal).not.toBe(timedOut?.signal)
    expect(next?.abortedWhenSent).toBe(false)
  })

  it("keep a caller's abort after its call ended away from the calls that reuse its controller", async () => {
    const server = await startServer((_, response) => sendJson(response, 200, { items: [] }))
    const client = createTestClient({ baseUrl: server.url })
    const seen = recordSignals()
    const caller = new AbortController()
    await client.GET('/items', { signal: caller.signal })
    caller.abort()
    const { data } = await client.GET('/items')
    expect(data).toEqual({ items: [] })
    // The second call did reuse the first one's controller, and nothing aborted it.
    expect(seen[1]?.signal).toBe(seen[0]?.signal)
    expect(seen[1]?.signal.aborted).toBe(false)
  })

  it('time out a reused controller without disturbing the calls it served before', async () => {
    // The signal still carries undici's listeners of the earlier requests: aborting it reaches them.
    const server = await startServer((_, response, index) => {
      if (index < 2) sendJson(response, 200, { items: [{ id: String(index), name: 'a' }] })
      else if (index > 2) sendJson(response, 200, { items: [] })
    })
    const client = createTestClient({ baseUrl: server.url, timeoutMs: 100, maxRetries: 0 })
    const seen = recordSignals()
    const first = await client.GET('/items')
    const second = await client.GET('/items')
    await expect(client.GET('/items')).rejects.toSatisfy(TimeoutError.isInstance)
    expect(new Set(seen.map(({ signal }) => signal)).size).toBe(1)
    expect(seen[0]?.signal.aborted).toBe(true)
    // What the earlier calls returned still reads from memory, and the next call goes through.
    expect(await first.response.json()).toEqual({ items: [{ id: '0', name: 'a' }] })
    expect(await second.response.text()).toBe('{"items":[{"id":"1","name":"a"}]}')
    expect((await client.GET('/items')).data).toEqual({ items: [] })
  })

  it('reuse the controller after a connection error (nothing aborted it)', async () => {
    const server = await startServer((request, response, index) => {
      if (index === 0) request.socket.destroy()
      else sendJson(response, 200, { items: [] })
    })
    const client = createTestClient({ baseUrl: server.url, maxRetries: 0 })
    const seen = recordSignals()
    await expect(client.GET('/items')).rejects.toSatisfy(ConnectionError.isInstance)
    expect((await client.GET('/items')).data).toEqual({ items: [] })
    expect(seen[1]?.signal).toBe(seen[0]?.signal)
  })

  it("give a fetch of the caller's a new signal every attempt", async () => {
    const server = await startServer((_, response) => sendJson(response, 200, { items: [] }))
    const signals: AbortSignal[] = []
    const client = createTestClient({
      baseUrl: server.url,
      fetch: (input, init) => {
        signals.push(init?.signal as AbortSignal)
        return fetch(input, init)
      },
    })
    for (let call = 0; call < 5; call++) await client.GET('/items')
    expect(new Set(signals).size).toBe(5)
  })
})

describe('runsOnNode', () => {
  it('is true on Node (20 has no navigator, 21+ says Node.js/)', () => {
    expect(runsOnNode()).toBe(true)
    vi.stubGlobal('navigator', { userAgent: 'Node.js/24' })
    expect(runsOnNode()).toBe(true)
  })

  it.each(['Cloudflare-Workers', 'Bun/1.3.3', 'Deno/2.5.6'])(
    'is false where process.versions.node is only compatibility (%s)',
    (userAgent) => {
      vi.stubGlobal('navigator', { userAgent })
      expect(runsOnNode()).toBe(false)
    },
  )
})
