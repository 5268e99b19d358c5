import { type MockServer, startMockServer } from '@voicebatch/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hangAgent, retryAgent, type SmokeConfig } from '../src/smoke-config.js'
import { type Bundles, buildBundles } from './support/build-bundles.js'
import { chromium } from './support/chromium-runtime.js'
import { bun, deno, machineNodeRuntime, node24 } from './support/command-line-runtimes.js'
import type { Runtime, RuntimeSession } from './support/runtime.js'
import { workerd } from './support/workerd-runtime.js'

const BATCHES = 12
const runtimes: Runtime[] = [machineNodeRuntime, node24, bun, deno, workerd, chromium]
const checkNames = [
  'create a client and GET',
  'paginate',
  'typed error',
  'retry after 503',
  'timeout',
  'facade lists two providers',
]

let bundles: Bundles
let mocks: { truedy: MockServer; techladder: MockServer; ultravox: MockServer }
let config: SmokeConfig

beforeAll(async () => {
  bundles = await buildBundles()
  const start = (provider: MockServer['provider']) =>
    startMockServer({ provider, batches: BATCHES, cors: true })
  const [truedy, techladder, ultravox] = await Promise.all([
    start('truedy'),
    start('techladder'),
    start('ultravox'),
  ])
  mocks = { truedy, techladder, ultravox }
  config = {
    truedy: { url: truedy.url, apiKey: truedy.apiKey },
    techladder: { url: techladder.url, apiKey: techladder.apiKey },
    ultravox: { url: ultravox.url, apiKey: ultravox.apiKey, agentIds: [...ultravox.agentIds] },
    batches: BATCHES,
  }
}, 60_000)

afterAll(async () => {
  if (mocks) await Promise.all(Object.values(mocks).map((mock) => mock.close()))
})

/** Fresh data and the two faults the suite expects: one 503 (then a retry), one hung request. */
function prepareMocks(): { retryPath: string; hangPath: string } {
  for (const mock of Object.values(mocks)) mock.reset()
  const retryPath = `/api/agents/${retryAgent(config)}/scheduled_batches`
  const hangPath = `/api/agents/${hangAgent(config)}/scheduled_batches`
  mocks.ultravox.inject(
    {
      kind: 'status',
      status: 503,
      headers: { 'retry-after': '0' },
      match: { method: 'GET', path: retryPath },
    },
    { kind: 'hang', match: { method: 'GET', path: hangPath } },
  )
  return { retryPath, hangPath }
}

describe('the smoke suite in real runtimes', () => {
  for (const runtime of runtimes) {
    it(runtime.name, async (context) => {
      const session = await runtime.start(bundles)
      if (typeof session === 'string') {
        console.warn(`SKIPPED ${runtime.name}: ${session}`)
        context.skip(`${runtime.name} cannot start here: ${session}`)
        return
      }
      try {
        await runOnce(runtime, session)
        // Again in the same session: workerd serves it as a second request to the same isolate, where
        // module state (the shared timeout ticker, idle attempt controllers) must not carry objects
        // of the first request into the second.
        await runOnce(runtime, session)
      } finally {
        await session.close()
      }
    }, 120_000)
  }
})

async function runOnce(runtime: Runtime, session: RuntimeSession): Promise<void> {
  const { retryPath } = prepareMocks()
  const report = await session.run(config)
  console.log(
    `${runtime.name} (${report.runtime}):\n${report.checks.map((check) => `  ${check.ok ? '✓' : '✗'} ${check.name}: ${check.detail}`).join('\n')}`,
  )
  expect(report.checks.map((check) => check.name)).toEqual(checkNames)
  for (const check of report.checks) expect(check, check.name).toMatchObject({ ok: true })
  expect(mocks.ultravox.requests.filter((request) => request.path === retryPath)).toHaveLength(2)

  // Logged, one line per attempt, and never a key, although the mocks echo keys nowhere we could miss.
  expect(report.logLines.length).toBeGreaterThanOrEqual(mocks.truedy.requests.length)
  expect(
    report.logLines.some((line) => /status=503 attempt=1\/3 .*retry_in_ms=0 reason="status 503"/.test(line)),
  ).toBe(true)
  expect(report.logLines.some((line) => /error="TimeoutError"/.test(line))).toBe(true)
  for (const line of report.logLines) {
    for (const mock of Object.values(mocks)) expect(line).not.toContain(mock.apiKey)
  }
}
