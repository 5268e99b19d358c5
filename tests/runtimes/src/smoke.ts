import { NotFoundError, type RetryEvent, TimeoutError } from '@voicebatch/core'
import { createTruedyClient } from '@voicebatch/truedy'
import { createUltravoxClient } from '@voicebatch/ultravox'
import { createVoiceBatch } from 'voicebatch'
import { hangAgent, retryAgent, type SmokeCheck, type SmokeConfig, type SmokeReport } from './smoke-config.js'

/**
 * The smoke suite, in web-standard JavaScript only: the same bundle runs in Node, Bun, Deno,
 * workerd and a browser page. Checks run one after another (the harness queued one fault for
 * the retry check and one for the timeout check); each reports instead of throwing.
 */
export async function runSmoke(config: SmokeConfig): Promise<SmokeReport> {
  const logLines: string[] = []
  const write = (line: string) => {
    logLines.push(line)
  }
  const logger = { debug: write, info: write, warn: write, error: write }
  const logging = { logger, logLevel: 'debug' as const }
  const checks: SmokeCheck[] = []
  const check = async (name: string, body: () => Promise<string>) => {
    try {
      checks.push({ name, ok: true, detail: await body() })
    } catch (error) {
      checks.push({
        name,
        ok: false,
        detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      })
    }
  }
  const expect = (condition: boolean, message: string) => {
    if (!condition) throw new Error(message)
  }

  // Only client options: clients refuse unknown keys such as the config's `url`.
  const connect = ({ url, apiKey }: { url: string; apiKey: string }) => ({ baseUrl: url, apiKey, ...logging })
  const truedy = createTruedyClient(connect(config.truedy))

  await check('create a client and GET', async () => {
    const { data, response } = await truedy.GET('/batch-calls', { params: { query: { limit: 2 } } })
    expect(response.status === 200, `status ${response.status}`)
    expect(data?.data.length === 2, `got ${data?.data.length} batches`)
    return `200, ${data?.data.length} batches`
  })

  await check('paginate', async () => {
    const batches = await truedy.paginate('/batch-calls', {}, { pageSize: 5 }).toArray()
    const ids = new Set(batches.map((batch) => batch.id))
    expect(batches.length === config.batches, `got ${batches.length} of ${config.batches}`)
    expect(ids.size === batches.length, 'duplicate ids')
    return `${batches.length} batches in pages of 5`
  })

  await check('typed error', async () => {
    try {
      await truedy.unwrap(
        truedy.GET('/batch-calls/{batch_call_id}', { params: { path: { batch_call_id: 'bc_missing' } } }),
      )
    } catch (error) {
      expect(NotFoundError.isInstance(error), `not a NotFoundError: ${String(error)}`)
      const notFound = error as NotFoundError
      expect(notFound.status === 404 && notFound.provider === 'truedy', `status ${notFound.status}`)
      return `NotFoundError 404, request id ${notFound.requestId ?? 'none'}`
    }
    throw new Error('no error thrown')
  })

  await check('retry after 503', async () => {
    const retries: RetryEvent[] = []
    const ultravox = createUltravoxClient({
      ...connect(config.ultravox),
      onRetry: (event) => retries.push(event),
    })
    const { response } = await ultravox.GET('/api/agents/{agent_id}/scheduled_batches', {
      params: { path: { agent_id: retryAgent(config) } },
    })
    expect(response.status === 200, `final status ${response.status}`)
    expect(
      retries.length === 1 && retries[0]?.status === 503,
      `retries: ${JSON.stringify(retries.map((r) => r.status))}`,
    )
    return `503, retried after ${retries[0]?.delayMs} ms, then 200`
  })

  await check('timeout', async () => {
    const ultravox = createUltravoxClient({
      ...connect(config.ultravox),
      timeoutMs: 300,
      maxRetries: 0,
    })
    const started = Date.now()
    try {
      await ultravox.GET('/api/agents/{agent_id}/scheduled_batches', {
        params: { path: { agent_id: hangAgent(config) } },
      })
    } catch (error) {
      expect(TimeoutError.isInstance(error), `not a TimeoutError: ${String(error)}`)
      return `TimeoutError after ${Date.now() - started} ms`
    }
    throw new Error('no error thrown')
  })

  await check('facade lists two providers', async () => {
    const vb = createVoiceBatch({
      truedy: connect(config.truedy),
      techladder: connect(config.techladder),
    })
    const batches = await vb.listBatches().toArray()
    const count = (provider: string) => batches.filter((batch) => batch.provider === provider).length
    expect(
      count('truedy') === config.batches && count('techladder') === config.batches,
      `counts ${count('truedy')}/${count('techladder')}`,
    )
    const tagged = batches.filter(
      (batch) => batch.provider === 'truedy' && (batch.requestIds?.length ?? 0) > 0,
    )
    expect(tagged.length === config.batches, `${tagged.length} truedy batches carry a request id`)
    return `${batches.length} batches from truedy and techladder`
  })

  return { runtime: describeRuntime(), checks, logLines }
}

function describeRuntime(): string {
  const node = (globalThis as { process?: { versions?: { node?: string; bun?: string } } }).process?.versions
  const agent = (globalThis as { navigator?: { userAgent?: string } }).navigator?.userAgent
  if (node?.bun) return `Bun/${node.bun}`
  if (agent) return agent
  return node?.node ? `Node.js/${node.node}` : 'unknown'
}
