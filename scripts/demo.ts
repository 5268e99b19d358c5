/**
 * `pnpm demo`: runs a campaign on each provider's loopback mock server (no keys, no network):
 * creates a batch of a few dozen contacts on each, follows all three with live progress bars,
 * pauses and resumes one on the way, then prints the outcomes. Ends by itself in about 15 s.
 * `pnpm demo --live`: the same against the real APIs (see demo/campaign-inputs.ts for the variables).
 */

import {
  type BatchCall,
  type CallBatch,
  createVoiceBatch,
  type Provider,
  providers as providerOrder,
} from 'voicebatch'
import { liveCampaigns, mockCampaigns } from './demo/campaign-inputs.ts'
import { liveProviders } from './demo/live-providers.ts'
import { type DemoProviders, mockProviders } from './demo/mock-providers.ts'
import { progressDisplay } from './demo/progress-display.ts'
import { textTable } from './demo/text-table.ts'

const live = process.argv.includes('--live')
const CONTACTS = 30

async function main(): Promise<number> {
  const demo: DemoProviders = live ? liveProviders() : await mockProviders()
  try {
    console.log(`voicebatch demo: ${demo.describe}\n`)
    const vb = createVoiceBatch(demo.config)
    const configured = providerOrder.filter((provider) => vb.providers.includes(provider))
    if (configured.length === 0) {
      console.error('No provider configured: see scripts/demo/live-providers.ts for the variables.')
      return 1
    }
    const inputs = live
      ? liveCampaigns(configured)
      : mockCampaigns(CONTACTS, demo.config.ultravox?.agentIds?.[0] ?? '')
    const batches = await Promise.all(inputs.map((input) => vb.createBatch(input)))
    const display = progressDisplay()
    for (const [index, batch] of batches.entries()) {
      const name = inputs[index]?.name ?? batch.id
      display.add(batch.id, `${batch.provider.padEnd(10)} ${name.padEnd(18)}`, batch.totalCalls ?? 0)
    }

    // One to pause and resume on the way: a provider that can.
    const pausable = batches.find((batch) => vb.capabilities(batch.provider).pause)
    const pauseResume = pausable && pauseThenResume(vb, pausable, (text) => display.note(text))
    const interval = live ? { intervalMs: 5_000 } : { intervalMs: 250, maxIntervalMs: 1_000 }
    const finals = await Promise.all(
      batches.map(async (batch) => {
        let last = batch
        const ref = { provider: batch.provider, id: batch.id, agentId: batch.agentId ?? undefined }
        for await (const progress of vb.watchBatch(ref, interval)) {
          display.update(batch.id, progress)
          last = progress.batch
        }
        return last
      }),
    )
    await pauseResume
    display.stop()
    console.log(`\nOutcomes:\n`)
    console.log(await outcomeTable(vb, finals))
    return 0
  } finally {
    await demo.close()
  }
}

async function pauseThenResume(
  vb: ReturnType<typeof createVoiceBatch>,
  batch: CallBatch,
  note: (text: string) => void,
): Promise<void> {
  const ref = { provider: batch.provider as Provider, id: batch.id, agentId: batch.agentId ?? undefined }
  await sleep(live ? 30_000 : 2_500)
  await vb.pauseBatch(ref as never)
  note(`paused ${batch.provider} batch ${batch.id}`)
  await sleep(live ? 30_000 : 2_000)
  await vb.resumeBatch(ref as never)
  note(`resumed ${batch.provider} batch ${batch.id}`)
}

async function outcomeTable(vb: ReturnType<typeof createVoiceBatch>, batches: readonly CallBatch[]) {
  const rows = await Promise.all(
    batches.map(async (batch) => {
      const calls: BatchCall[] = await vb
        .listCalls({ provider: batch.provider, batchId: batch.id, agentId: batch.agentId ?? undefined })
        .toArray()
      const count = (status: BatchCall['status']) => calls.filter((call) => call.status === status).length
      return [
        batch.provider,
        batch.id,
        batch.rawStatus === null || batch.rawStatus === batch.status
          ? batch.status
          : `${batch.status} (${batch.rawStatus})`,
        String(batch.totalCalls ?? '-'),
        String(count('completed')),
        String(count('failed')),
        String(count('expired')),
      ]
    }),
  )
  const headers = ['PROVIDER', 'BATCH', 'STATUS', 'CALLS', 'COMPLETED', 'FAILED', 'EXPIRED']
  return textTable(
    headers.map((header) => ({ header })),
    rows,
  )
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
