import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  type AttemptEvent,
  type AttemptResultEvent,
  ConfigurationError,
  createAttemptLog,
  type RetryEvent,
} from '../src/index.js'
import { sendJson, startServer } from './loopback-server.js'
import { createTestClient, TEST_KEY } from './test-provider.js'

type Level = 'debug' | 'info' | 'warn' | 'error'

function recordingLogger() {
  const lines: { level: Level; line: string }[] = []
  const write = (level: Level) => (line: string) => {
    lines.push({ level, line })
  }
  const logger = { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') }
  return { logger, lines }
}

/** A server that echoes the key back: in the request id, the body and a header. */
function echoingServer(statuses: number[]) {
  return startServer((request, response, index) => {
    const status = statuses[index] ?? 200
    const echoed = String(request.headers['x-api-key'])
    sendJson(
      response,
      status,
      status < 400 ? { items: [], echoed } : { error: { code: 'busy', message: `busy for ${echoed}` } },
      { 'x-request-id': `req_${index}_${echoed}`, 'retry-after-ms': '5' },
    )
  })
}

afterEach(() => {
  vi.unstubAllEnvs()
  vi.restoreAllMocks()
})

describe('logger', () => {
  it('writes one redacted line per attempt: method, URL, status, attempt, duration, request id, retry delay and reason', async () => {
    const server = await echoingServer([503, 200])
    const { logger, lines } = recordingLogger()
    const client = createTestClient({ baseUrl: server.url, logger, logLevel: 'debug' })
    const { response } = await client.GET('/items', {
      params: { query: { page: 1 } },
      headers: { 'x-trace': TEST_KEY },
    })
    expect(response.status).toBe(200)
    expect(lines.map(({ level }) => level)).toEqual(['info', 'debug'])
    const [retried, final] = lines.map(({ line }) => line)
    expect(retried).toMatch(
      new RegExp(
        `^voicebatch testprov GET ${server.url}/items\\?page=1 status=503 attempt=1/3 duration_ms=[\\d.]+ request_id=req_0_\\[redacted\\] retry_in_ms=5 reason="status 503"$`,
      ),
    )
    expect(final).toMatch(/ status=200 attempt=2\/3 duration_ms=[\d.]+ request_id=req_1_\[redacted\]$/)
    for (const { line } of lines) expect(line).not.toContain(TEST_KEY)
  })

  it('redacts the key and credential-like query values in the URL', async () => {
    const server = await echoingServer([])
    const { logger, lines } = recordingLogger()
    const client = createTestClient({ baseUrl: server.url, logger, logLevel: 'debug' })
    const query = { page: 2, key: TEST_KEY, access_token: 'tok_abc123', signature: 'sig_xyz' }
    await client.GET('/items', { params: { query } as never })
    expect(lines).toHaveLength(1)
    const line = lines[0]?.line ?? ''
    expect(line).toContain(
      `${server.url}/items?page=2&key=[redacted]&access_token=[redacted]&signature=[redacted] status=200`,
    )
    for (const secret of [TEST_KEY, 'tok_abc123', 'sig_xyz']) expect(line).not.toContain(secret)
  })

  it('logs the last failing attempt as a warning and only what the level lets through', async () => {
    const server = await echoingServer([503, 503, 503])
    const { logger, lines } = recordingLogger()
    const client = createTestClient({ baseUrl: server.url, logger, logLevel: 'warn' })
    await expect(client.unwrap(client.GET('/items'))).rejects.toThrow(/busy/)
    expect(server.requests).toHaveLength(3)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatchObject({ level: 'warn' })
    expect(lines[0]?.line).toMatch(/ status=503 attempt=3\/3 /)
  })

  it('logs a timeout as an error line naming TimeoutError, with the retries as info lines', async () => {
    const server = await startServer(() => undefined)
    const { logger, lines } = recordingLogger()
    const client = createTestClient({ baseUrl: server.url, logger, logLevel: 'debug', timeoutMs: 30 })
    await expect(client.GET('/items', { maxRetries: 1 } as never)).rejects.toThrow(/timed out/)
    expect(lines.map(({ level }) => level)).toEqual(['info', 'error'])
    expect(lines[0]?.line).toMatch(
      / status=- attempt=1\/2 .* error="TimeoutError" retry_in_ms=\d+ reason="timeout"$/,
    )
    expect(lines[1]?.line).toMatch(/ status=- attempt=2\/2 .* error="TimeoutError"$/)
  })

  it('reads VOICEBATCH_LOG and writes to console when no logger is given', async () => {
    const server = await echoingServer([])
    vi.stubEnv('VOICEBATCH_LOG', 'debug')
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => undefined)
    const client = createTestClient({ baseUrl: server.url })
    await client.GET('/items')
    expect(debug).toHaveBeenCalledTimes(1)
    expect(String(debug.mock.calls[0]?.[0])).toMatch(/^voicebatch testprov GET .* status=200 attempt=1\/3/)
  })

  it('lets logLevel override VOICEBATCH_LOG, and silent turns logging off', async () => {
    const server = await echoingServer([])
    vi.stubEnv('VOICEBATCH_LOG', 'debug')
    const { logger, lines } = recordingLogger()
    await createTestClient({ baseUrl: server.url, logger, logLevel: 'silent' }).GET('/items')
    await createTestClient({ baseUrl: server.url, logger, logLevel: 'info' }).GET('/items')
    expect(lines).toEqual([])
    await createTestClient({ baseUrl: server.url, logger }).GET('/items')
    expect(lines).toHaveLength(1)
  })

  it('rejects a bad logger, logLevel or VOICEBATCH_LOG at creation', () => {
    expect(() => createTestClient({ logger: { info() {} } as never })).toThrow(
      /Invalid logger for testprov: .*missing debug, warn, error/,
    )
    expect(() => createTestClient({ logLevel: 'verbose' as never })).toThrow(ConfigurationError)
    expect(() => createTestClient({ logLevel: 'toString' as never })).toThrow(/Invalid logLevel "toString"/)
    expect(() => createTestClient({ onRetry: 'yes' as never })).toThrow(/Invalid onRetry for testprov/)
    vi.stubEnv('VOICEBATCH_LOG', 'loud')
    expect(() => createTestClient({})).toThrow(/Invalid VOICEBATCH_LOG "loud"/)
  })

  it('does no bookkeeping without a logger or hooks', () => {
    expect(createAttemptLog({ provider: 'p', secrets: [], logger: null, hooks: {} })).toBeNull()
  })
})

describe('attempt hooks', () => {
  it('calls onRequest, onResponse and onRetry for every attempt, in order, redacted', async () => {
    const server = await echoingServer([429, 200])
    const events: [string, AttemptEvent | AttemptResultEvent | RetryEvent][] = []
    const client = createTestClient({
      baseUrl: server.url,
      onRequest: (event) => events.push(['request', event]),
      onResponse: (event) => events.push(['response', event]),
      onRetry: (event) => events.push(['retry', event]),
    })
    await client.GET('/items', { params: { query: { page: 3 } } })
    expect(events.map(([name]) => name)).toEqual(['request', 'response', 'retry', 'request', 'response'])
    const common = { provider: 'testprov', method: 'GET', url: `${server.url}/items?page=3`, maxAttempts: 3 }
    expect(events[0]?.[1]).toEqual({ ...common, attempt: 1 })
    expect(events[2]?.[1]).toMatchObject({
      ...common,
      attempt: 1,
      status: 429,
      requestId: 'req_0_[redacted]',
      delayMs: 5,
      reason: 'status 429 (rate limited)',
      error: null,
    })
    expect(events[4]?.[1]).toMatchObject({
      ...common,
      attempt: 2,
      status: 200,
      requestId: 'req_1_[redacted]',
    })
    const last = events[4]?.[1] as AttemptResultEvent | undefined
    expect(last?.headers?.get('retry-after-ms')).toBe('5')
    expect(last?.durationMs).toBeGreaterThanOrEqual(0)
  })

  it('reports a POST without idempotency key as a single-attempt call', async () => {
    const server = await echoingServer([503])
    const seen: AttemptResultEvent[] = []
    const client = createTestClient({ baseUrl: server.url, onResponse: (event) => seen.push(event) })
    await client.POST('/items', { body: { name: 'x' } })
    expect(seen).toMatchObject([{ method: 'POST', attempt: 1, maxAttempts: 1, status: 503 }])
  })

  it('fails the call with the error a hook throws', async () => {
    const server = await echoingServer([])
    const client = createTestClient({
      baseUrl: server.url,
      onRequest: () => {
        throw new Error('hook says no')
      },
    })
    await expect(client.GET('/items')).rejects.toThrow('hook says no')
    expect(server.requests).toHaveLength(0)
  })
})
