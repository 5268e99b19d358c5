import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { COARSE_TIMEOUT_MS, startAttemptTimer, stopAttemptTimer } from '../src/attempt-timer.js'
import { TimeoutError } from '../src/index.js'
import { startServer } from './loopback-server.js'
import { createTestClient } from './test-provider.js'

afterEach(() => {
  // Spies first: one wraps a fake setTimeout, which must not come back after the real timers do.
  vi.restoreAllMocks()
  vi.useRealTimers()
})

/** Passes every handle the current (fake) `setTimeout` makes through `change`, its arguments untouched. */
function wrapSetTimeout(change: (handle: NodeJS.Timeout) => NodeJS.Timeout): void {
  const setTimeout = globalThis.setTimeout
  vi.spyOn(globalThis, 'setTimeout').mockImplementation(((
    callback: (...args: unknown[]) => void,
    milliseconds?: number,
    ...args: unknown[]
  ) => change(setTimeout(callback, milliseconds, ...args))) as typeof globalThis.setTimeout)
}

describe('startAttemptTimer', () => {
  it('gives a short timeout a timer of its own, exact to the millisecond', () => {
    vi.useFakeTimers()
    const controller = new AbortController()
    const timer = startAttemptTimer(controller, 150)
    vi.advanceTimersByTime(149)
    expect(controller.signal.aborted).toBe(false)
    vi.advanceTimersByTime(1)
    expect(controller.signal.aborted).toBe(true)
    expect(timer.timedOut).toBe(true)
  })

  it('fires a long timeout on the shared ticker: never early, at most a second late', () => {
    vi.useFakeTimers()
    const controller = new AbortController()
    const timer = startAttemptTimer(controller, COARSE_TIMEOUT_MS)
    expect(timer.native).toBeUndefined()
    vi.advanceTimersByTime(COARSE_TIMEOUT_MS)
    expect(controller.signal.aborted).toBe(false)
    vi.advanceTimersByTime(1000)
    expect(controller.signal.aborted).toBe(true)
    expect(timer.timedOut).toBe(true)
  })

  it('counts each long timeout from its own start, whatever ran before it', () => {
    vi.useFakeTimers()
    const first = new AbortController()
    const firstTimer = startAttemptTimer(first, 20_000)
    vi.advanceTimersByTime(7_000)
    const second = new AbortController()
    startAttemptTimer(second, 20_000)
    vi.advanceTimersByTime(14_000)
    expect(first.signal.aborted).toBe(true)
    expect(firstTimer.timedOut).toBe(true)
    expect(second.signal.aborted).toBe(false)
    vi.advanceTimersByTime(7_000)
    expect(second.signal.aborted).toBe(true)
  })

  it('never fires a stopped timeout, and stops ticking when none runs', () => {
    vi.useFakeTimers()
    const controller = new AbortController()
    const timer = startAttemptTimer(controller, 30_000)
    const short = startAttemptTimer(controller, 50)
    stopAttemptTimer(short)
    vi.advanceTimersByTime(1_000)
    stopAttemptTimer(timer)
    vi.advanceTimersByTime(60_000)
    expect(controller.signal.aborted).toBe(false)
    expect(vi.getTimerCount()).toBe(0)
  })

  it('keeps the ticker ref’d only while a long timeout runs', () => {
    vi.useFakeTimers()
    const timers: NodeJS.Timeout[] = []
    wrapSetTimeout((handle) => {
      timers.push(handle)
      return handle
    })
    const timer = startAttemptTimer(new AbortController(), 60_000)
    const ticker = timers.at(-1)
    expect(ticker?.hasRef()).toBe(true)
    stopAttemptTimer(timer)
    expect(ticker?.hasRef()).toBe(false)
    const again = startAttemptTimer(new AbortController(), 60_000)
    expect(timers.at(-1)).toBe(ticker)
    expect(ticker?.hasRef()).toBe(true)
    stopAttemptTimer(again)
    expect(ticker?.hasRef()).toBe(false)
    vi.advanceTimersByTime(1_000)
    expect(vi.getTimerCount()).toBe(0)
  })

  it('stops the ticker once idle where a timer cannot be unref’d (a number: browsers, Deno)', () => {
    vi.useFakeTimers()
    let armed = 0
    wrapSetTimeout((handle) => {
      armed++
      return Number(handle) as unknown as NodeJS.Timeout
    })
    const controller = new AbortController()
    stopAttemptTimer(startAttemptTimer(new AbortController(), 60_000))
    expect(vi.getTimerCount()).toBe(0)
    const timer = startAttemptTimer(controller, COARSE_TIMEOUT_MS)
    expect(armed).toBe(2)
    vi.advanceTimersByTime(COARSE_TIMEOUT_MS + 1_000)
    expect(timer.timedOut).toBe(true)
  })

  it('goes on ticking for a timeout left running when the fake timers it started under were removed', () => {
    vi.useFakeTimers()
    // An attempt whose fetch never settles, in a test that ends without advancing the clock.
    const left = startAttemptTimer(new AbortController(), 20_000)
    vi.useRealTimers()
    vi.useFakeTimers()
    const next = startAttemptTimer(new AbortController(), COARSE_TIMEOUT_MS)
    vi.advanceTimersByTime(COARSE_TIMEOUT_MS + 1_000)
    expect(next.timedOut).toBe(true)
    vi.advanceTimersByTime(20_000)
    expect(left.timedOut).toBe(true)
    expect(vi.getTimerCount()).toBe(0)
  })

  it('takes a fresh ticker when fake timers are turned on, and the old one never counts again', async () => {
    const realSetTimeout = globalThis.setTimeout
    // A real ticker is armed (and left unref'd) by an attempt that ended.
    stopAttemptTimer(startAttemptTimer(new AbortController(), 60_000))
    vi.useFakeTimers()
    const controller = new AbortController()
    const timer = startAttemptTimer(controller, COARSE_TIMEOUT_MS)
    // The real ticker comes due meanwhile: it must not move the clock of the fake one.
    await new Promise((resolve) => realSetTimeout(resolve, 700))
    vi.advanceTimersByTime(COARSE_TIMEOUT_MS)
    expect(controller.signal.aborted).toBe(false)
    vi.advanceTimersByTime(1_000)
    expect(timer.timedOut).toBe(true)
    expect(vi.getTimerCount()).toBe(0)
  })
})

describe('a client with a long timeout', () => {
  it('times out a request the server never answers, on the shared ticker', async () => {
    const server = await startServer(() => {})
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const client = createTestClient({ baseUrl: server.url, timeoutMs: 12_000, maxRetries: 0 })
    const outcome = client.GET('/items').catch((caught: unknown) => caught)
    // The request reaches the server before the clock moves.
    await vi.waitFor(() => expect(server.requests.length).toBe(1), { interval: 5, timeout: 2_000 })
    await vi.advanceTimersByTimeAsync(12_000 + 1_000)
    const error = await outcome
    expect(TimeoutError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({ timeoutMs: 12_000 })
    await server.requests[0]?.closed
  })
})

const childScript = `
import { createServer } from 'node:http'
import { createOpenApiClient } from ${JSON.stringify(fileURLToPath(new URL('../src/index.ts', import.meta.url)))}
const server = createServer((request, response) => {
  response.writeHead(200, { 'content-type': 'application/json' })
  response.end('{"items":[]}')
})
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
const baseUrl = 'http://127.0.0.1:' + server.address().port
const client = createOpenApiClient(
  { provider: 'testprov', factoryName: 'createTestClient', envVar: 'TEST_API_KEY', defaultBaseUrl: baseUrl,
    authHeaders: (key) => ({ 'X-API-Key': key }), parseError: () => ({}) },
  { apiKey: 'sk_child', baseUrl },
)
const { data } = await client.GET('/items')
server.close()
server.closeAllConnections()
console.log(JSON.stringify({ data, resources: process.getActiveResourcesInfo() }))
`

describe('a call with the default 60 s timeout', () => {
  it('leaves nothing that keeps the process alive', async () => {
    const started = performance.now()
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '--eval', childScript],
      { timeout: 30_000 },
    )
    // The process ended on its own, long before the 60 s timeout or a tick of the shared ticker.
    expect(performance.now() - started).toBeLessThan(20_000)
    const report = JSON.parse(stdout) as { data: unknown; resources: string[] }
    expect(report.data).toEqual({ items: [] })
    expect(report.resources).not.toContain('Timeout')
  })
})
