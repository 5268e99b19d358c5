import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { keepTimerListWarm } from '../src/warm-timer-list.js'

afterEach(() => {
  vi.restoreAllMocks()
})

describe('keepTimerListWarm', () => {
  it('clears at once an interval it cannot unref (browsers, Deno: a number)', () => {
    vi.spyOn(globalThis, 'setInterval').mockReturnValue(42 as unknown as NodeJS.Timeout)
    const clear = vi.spyOn(globalThis, 'clearInterval').mockImplementation(() => {})
    keepTimerListWarm(70_002)
    expect(clear).toHaveBeenCalledWith(42)
  })

  it('does nothing where timers are refused (workerd outside a request)', () => {
    vi.spyOn(globalThis, 'setInterval').mockImplementation(() => {
      throw new Error('Disallowed operation called within global scope')
    })
    expect(() => keepTimerListWarm(70_003)).not.toThrow()
  })

  // Last: it fills the module's set of warm durations.
  it('keeps one unref’d interval per duration, and stops at 16 durations', () => {
    const started: Array<{ milliseconds: number | undefined; handle: NodeJS.Timeout }> = []
    const setInterval = globalThis.setInterval
    vi.spyOn(globalThis, 'setInterval').mockImplementation(((callback: () => void, milliseconds?: number) => {
      const handle = setInterval(callback, milliseconds)
      started.push({ milliseconds, handle })
      return handle
    }) as typeof globalThis.setInterval)
    // Durations no other test of this file uses: the set of warm durations lives as long as the module.
    keepTimerListWarm(70_001)
    keepTimerListWarm(70_001)
    expect(started.map(({ milliseconds }) => milliseconds)).toEqual([70_001])
    expect(started[0]?.handle.hasRef()).toBe(false)
    for (let extra = 0; extra < 40; extra++) keepTimerListWarm(80_000 + extra)
    expect(started.length).toBeLessThanOrEqual(16)
    for (const { handle } of started) clearInterval(handle)
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
    // The process ended on its own, long before the 60 s timer or the keeper's interval could fire.
    expect(performance.now() - started).toBeLessThan(20_000)
    const report = JSON.parse(stdout) as { data: unknown; resources: string[] }
    expect(report.data).toEqual({ items: [] })
    expect(report.resources).not.toContain('Timeout')
  })
})
