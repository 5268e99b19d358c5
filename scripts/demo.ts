/**
 * `pnpm demo`: the voicebatch facade over three loopback mock servers (no keys, no network).
 * `pnpm demo --live`: the same against the real APIs whose keys are in the environment.
 */

import {
  type BatchCall,
  batchStatuses,
  type CallBatch,
  createVoiceBatch,
  type ProviderFailure,
  providers as providerOrder,
} from 'voicebatch'
import { liveProviders } from './demo/live-providers.ts'
import { type DemoProviders, mockProviders } from './demo/mock-providers.ts'
import { progress, shortDate, textTable } from './demo/text-table.ts'

const live = process.argv.includes('--live')
/** Real accounts may hold thousands of batches: the live table shows the first ones. */
const LIVE_LIMIT = 50

async function main(): Promise<number> {
  let demo: DemoProviders
  if (live) {
    const found = liveProviders()
    for (const skipped of found.skipped) console.log(`Skipping ${skipped}.`)
    if (Object.keys(found.config).length === 0) {
      console.error(
        'No provider to talk to: set ULTRAVOX_API_KEY with ULTRAVOX_AGENT_IDS, TECHLADDER_API_KEY or TRUEDY_API_KEY.',
      )
      return 1
    }
    demo = found
  } else {
    demo = await mockProviders()
  }
  try {
    console.log(`voicebatch demo: ${demo.describe}\n`)
    const vb = createVoiceBatch(demo.config)

    const failures: ProviderFailure[] = []
    const batches = await vb
      .listBatches({
        onError: (failure) => failures.push(failure),
        ...(live ? { limit: LIVE_LIMIT } : {}),
      })
      .toArray()
    // Providers answer concurrently; group them for reading, each in its own order.
    batches.sort((a, b) => providerOrder.indexOf(a.provider) - providerOrder.indexOf(b.provider))
    printBatches(batches)
    for (const { provider, agentId, error } of failures) {
      console.log(
        `! ${provider}${agentId ? ` (agent ${agentId})` : ''} failed: ${error.name}: ${error.message}`,
      )
    }

    const chosen = batches.find((batch) => batch.status === 'running') ?? batches[0]
    if (chosen !== undefined) await printCalls(vb, chosen)
    return failures.length === 0 ? 0 : 1
  } finally {
    await demo.close()
  }
}

function printBatches(batches: readonly CallBatch[]): void {
  const rows = batches.map((batch) => [
    batch.provider,
    batch.id,
    truncate(batch.name ?? '-', 36),
    statusText(batch),
    progress(batch.completedCalls, batch.totalCalls),
    shortDate(batch.createdAt),
  ])
  const columns = ['PROVIDER', 'BATCH', 'NAME', 'STATUS', 'PROGRESS', 'CREATED (UTC)'].map((header) => ({
    header,
  }))
  console.log(textTable(columns, rows))
  const summary = batchStatuses
    .map((status) => [status, batches.filter((batch) => batch.status === status).length] as const)
    .filter(([, count]) => count > 0)
    .map(([status, count]) => `${count} ${status}`)
  console.log(`\n${batches.length} batches${summary.length > 0 ? `: ${summary.join(', ')}` : ''}.`)
  console.log(`STATUS is the normalized status; the provider's own word follows where it differs.\n`)
}

async function printCalls(vb: ReturnType<typeof createVoiceBatch>, batch: CallBatch): Promise<void> {
  const calls = await vb
    .listCalls({ provider: batch.provider, batchId: batch.id, agentId: batch.agentId ?? undefined })
    .toArray({ limit: 20 })
  console.log(`Calls of ${batch.provider} batch ${batch.id} (${batch.status}):\n`)
  console.log(
    textTable(
      [{ header: 'CALL' }, { header: 'STATUS' }],
      calls.map((call) => [call.id ?? '-', statusText(call)]),
    ),
  )
}

/** `running (active)`: the normalized status, and the provider's word when it is another. */
function statusText({ status, rawStatus }: Pick<CallBatch | BatchCall, 'status' | 'rawStatus'>): string {
  return rawStatus === null || rawStatus === status ? status : `${status} (${rawStatus})`
}

function truncate(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 3)}...`
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
