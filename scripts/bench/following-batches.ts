/**
 * 7. Following 1,000 batches: `watchBatches` over the three providers' mock servers (in this
 * process, on one fake clock), 1,000 batches created through the API and dialing. Counts the
 * list requests each interval costs, per provider (per Ultravox agent), against the pages a
 * list needs at the provider's largest page size, and against one read per batch.
 */
import { createVoiceBatch } from '../../packages/voicebatch/dist/index.mjs'
import { budgetTarget, emptyResult, type ScenarioResult } from './scenario.ts'
import { type MockServerOptions, startMockServer } from './workspace-packages.ts'

const SPLIT = { ultravox: 200, techladder: 300, truedy: 300 } // Ultravox: 200 on each of 2 agents
const INTERVAL_MS = 10_000
const MAX_ROUNDS = 40
const PAGE_SIZES = { ultravox: 1000, techladder: 100, truedy: 100 }

export async function followingBatches(): Promise<ScenarioResult> {
  const result = emptyResult()
  let time = Date.parse('2026-06-01T09:00:00Z')
  const common: Partial<MockServerOptions> = {
    batches: 0,
    now: () => new Date(time),
    dialing: { callDurationMs: 60_000, concurrency: 2, failureRate: 0.1 },
  }
  const [ultravox, techladder, truedy] = await Promise.all([
    startMockServer({ ...common, provider: 'ultravox' }),
    startMockServer({ ...common, provider: 'techladder' }),
    startMockServer({ ...common, provider: 'truedy' }),
  ])
  const servers = { ultravox, techladder, truedy }
  try {
    const vb = createVoiceBatch({
      ultravox: { baseUrl: ultravox.url, apiKey: ultravox.apiKey, agentIds: [...ultravox.agentIds] },
      techladder: { baseUrl: techladder.url, apiKey: techladder.apiKey },
      truedy: { baseUrl: truedy.url, apiKey: truedy.apiKey },
    })
    const contacts = [0, 1, 2].map((index) => ({ phone: `+1415555${1000 + index}` }))
    const creates: Promise<unknown>[] = []
    for (const agentId of ultravox.agentIds) {
      for (let index = 0; index < SPLIT.ultravox; index++) {
        creates.push(
          vb.createBatch({
            provider: 'ultravox',
            agentId,
            contacts,
            options: { medium: 'twilio', fromNumber: '+14155550100' },
          }),
        )
      }
    }
    for (let index = 0; index < SPLIT.techladder; index++) {
      creates.push(
        vb.createBatch({
          provider: 'techladder',
          agentId: 'agt-1',
          contacts,
          options: { versionId: 'pmt-1' },
        }),
      )
    }
    for (let index = 0; index < SPLIT.truedy; index++) {
      creates.push(
        vb.createBatch({
          provider: 'truedy',
          agentId: 'agt_1',
          name: `B${index}`,
          contacts,
          options: { phoneNumberIds: ['num_1'] },
        }),
      )
    }
    await Promise.all(creates)
    const total = creates.length
    for (const server of Object.values(servers)) server.requests.length = 0

    const listRequests = () =>
      Object.fromEntries(
        Object.entries(servers).map(([name, server]) => [
          name,
          server.requests.filter(
            (request) => request.method === 'GET' && /batch(es|-calls)$/.test(request.path),
          ).length,
        ]),
      ) as Record<keyof typeof servers, number>
    const rounds: Array<Record<keyof typeof servers, number>> = []
    let previous = listRequests()
    const clock = {
      now: () => time,
      async sleep(ms: number) {
        const now = listRequests()
        rounds.push({
          ultravox: now.ultravox - previous.ultravox,
          techladder: now.techladder - previous.techladder,
          truedy: now.truedy - previous.truedy,
        })
        previous = now
        time += ms
      },
    }
    const done = new Set<string>()
    const started = process.hrtime.bigint()
    for await (const progress of vb.watchBatches({ status: 'running' }, {
      intervalMs: INTERVAL_MS,
      clock,
    } as never)) {
      if (progress.done) done.add(`${progress.batch.provider}:${progress.batch.id}`)
      if (done.size === total || rounds.length >= MAX_ROUNDS) break
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9
    const reads = Object.values(servers).reduce(
      (sum, server) =>
        sum +
        server.requests.filter(
          (request) => request.method === 'GET' && !/batch(es|-calls)$/.test(request.path),
        ).length,
      0,
    )
    const first = rounds[0] ?? { ultravox: 0, techladder: 0, truedy: 0 }
    const perRound = first.ultravox + first.techladder + first.truedy
    const needed =
      ultravox.agentIds.length * Math.ceil(SPLIT.ultravox / PAGE_SIZES.ultravox) +
      Math.ceil(SPLIT.techladder / PAGE_SIZES.techladder) +
      Math.ceil(SPLIT.truedy / PAGE_SIZES.truedy)
    const worst = Math.max(...rounds.map((round) => round.ultravox + round.techladder + round.truedy))
    result.figures.push(
      {
        id: 'following.batches',
        label: 'following: batches followed (all dialing)',
        value: total,
        unit: 'count',
        readme: true,
      },
      {
        id: 'following.list_requests_per_interval',
        label: 'following 1,000 batches: list requests per interval',
        value: perRound,
        unit: 'count',
        detail: `ultravox ${first.ultravox} (${ultravox.agentIds.length} agents × ${SPLIT.ultravox}), techladder ${first.techladder} (${SPLIT.techladder} at 100 a page), truedy ${first.truedy} (${SPLIT.truedy} at 100 a page); one read per batch would be ${total}`,
        readme: true,
      },
      {
        id: 'following.rounds',
        label: 'following: intervals until every batch ended',
        value: rounds.length,
        unit: 'count',
      },
      {
        id: 'following.final_reads',
        label: 'following: single reads (a batch the server stopped listing, read once for its end)',
        value: reads,
        unit: 'count',
      },
      {
        id: 'following.wall_s',
        label: 'following: wall time of the watch (fake clock)',
        value: seconds,
        unit: 's',
      },
    )
    result.targets.push(
      budgetTarget(
        'following.requests_per_interval',
        'following 1,000 batches: list requests per interval (pages at the largest page size)',
        worst,
        'count',
        '<=',
        needed,
        `${worst} at most per interval vs ${needed} pages needed (one per Ultravox agent, ceil(n/100) for Techladder and Truedy) and ${total} per-batch reads`,
      ),
    )
    result.notes.push(
      `Following 1,000 batches cost ${perRound} list requests per interval (${needed} pages are the minimum at the providers' page sizes; one read per batch would be ${total}), plus one read for each batch the server stopped listing when it ended (${reads} in all; Ultravox lists every batch, so its ends come from the list), over ${rounds.length} intervals of ${INTERVAL_MS / 1000} s of fake time.`,
    )
  } finally {
    await Promise.all(Object.values(servers).map((server) => server.close()))
  }
  return result
}
