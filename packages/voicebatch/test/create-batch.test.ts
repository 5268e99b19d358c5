import { describe, expect, it } from 'vitest'
import { ConfigurationError, InternalServerError } from '../src/index.js'
import {
  campaignFacade,
  contacts,
  createInputs,
  posts,
  useDialingServers,
} from './support/campaign-servers.js'
import type { MockServers } from './support/mock-servers.js'

let servers: MockServers
useDialingServers((started) => {
  servers = started.servers
})

describe('createBatch maps one input to each provider', () => {
  it('ultravox: one scheduled call per contact, through the medium, with a window', async () => {
    // The window opens later than now (the real clock: Ultravox's status is derived at read time).
    const vb = campaignFacade(servers)
    const batch = await vb.createBatch({
      ...createInputs(2).ultravox,
      schedule: { startAt: '2099-06-01T10:00:00Z', endAt: new Date('2099-06-01T18:00:00Z') },
    })
    expect(batch).toMatchObject({
      provider: 'ultravox',
      status: 'scheduled',
      totalCalls: 2,
      completedCalls: 0,
    })
    expect(batch.agentId).toBe(servers.ultravox.agentIds[0])
    const [request] = posts(servers.ultravox)
    expect(request?.body).toEqual({
      windowStart: '2099-06-01T10:00:00.000Z',
      windowEnd: '2099-06-01T18:00:00.000Z',
      calls: [0, 1].map((index) => ({
        medium: { twilio: { outgoing: { to: `+1415555${1000 + index}`, from: '+14155550100' } } },
        templateContext: { name: `Ada Lovelace ${index + 1}`, plan: index % 2 === 0 ? 'pro' : 'basic' },
        metadata: { externalId: `C${index + 1}` },
      })),
    })
  })

  it('techladder: IDs in agent_name/version_name, phones without +, a scheduled start in local time', async () => {
    const vb = campaignFacade(servers)
    const batch = await vb.createBatch({
      ...createInputs(2).techladder,
      schedule: { startAt: '2026-06-01T10:00:00Z', timezone: 'Asia/Kolkata' },
    })
    expect(batch).toMatchObject({
      provider: 'techladder',
      status: 'scheduled',
      rawStatus: 'pending',
      totalCalls: 2,
      scheduledAt: '2026-06-01T10:00:00.000Z',
    })
    expect(posts(servers.techladder)[0]?.body).toEqual({
      agent_name: 'agt-57949b14',
      version_name: 'pmt-667ddf271b',
      voice: 'Aria (en-IN)',
      concurrency: 2,
      start_mode: 'scheduled',
      schedule_date: '2026-06-01',
      schedule_time: '15:30',
      schedule_timezone: 'Asia/Kolkata (UTC+5:30)',
      metadata: { name: 'Renewals' },
      contacts: [0, 1].map((index) => ({
        contact_id: `C${index + 1}`,
        phone_number: `1415555${1000 + index}`,
        name: `Ada Lovelace ${index + 1}`,
        metadata: { plan: index % 2 === 0 ? 'pro' : 'basic' },
      })),
    })
  })

  it('truedy: manual contacts with first/last names and custom fields; starts at once without a schedule', async () => {
    const vb = campaignFacade(servers)
    const batch = await vb.createBatch(createInputs(2).truedy)
    expect(batch).toMatchObject({ provider: 'truedy', name: 'Renewals', status: 'running', totalCalls: 2 })
    const [request] = posts(servers.truedy)
    expect(request?.body).toEqual({
      name: 'Renewals',
      agent_id: 'agt_f9447372',
      phone_number_ids: ['num_1'],
      contact_source: 'manual',
      contacts: [0, 1].map((index) => ({
        phone_number: `+1415555${1000 + index}`,
        first_name: 'Ada',
        last_name: `Lovelace ${index + 1}`,
        custom_fields: { plan: index % 2 === 0 ? 'pro' : 'basic', external_id: `C${index + 1}` },
      })),
      schedule_type: 'immediate',
      working_days: [1, 2, 3, 4, 5],
    })
    expect(request?.headers['x-idempotency-key']).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    )
  })
})

describe('createBatch retries only what is safe', () => {
  it('truedy: the same idempotency key on every attempt, so a failed POST is retried and one batch is made', async () => {
    const vb = campaignFacade(servers, 2)
    servers.truedy.inject({ kind: 'status', status: 503, match: { method: 'POST' } })
    const batch = await vb.createBatch({ ...createInputs(1).truedy, idempotencyKey: 'campaign-42' })
    const attempts = posts(servers.truedy)
    expect(attempts.map((request) => request.headers['x-idempotency-key'])).toEqual([
      'campaign-42',
      'campaign-42',
    ])
    expect(attempts[0]?.fault).toBe('status')
    const again = await vb.createBatch({ ...createInputs(1).truedy, idempotencyKey: 'campaign-42' })
    expect(again.id).toBe(batch.id)
  })

  it('ultravox and techladder: a create is sent once, never retried', async () => {
    const vb = campaignFacade(servers, 2)
    for (const provider of ['ultravox', 'techladder'] as const) {
      servers[provider].inject({ kind: 'status', status: 503, match: { method: 'POST' } })
      const input = createInputs(1)[provider]
      await expect(vb.createBatch(input)).rejects.toSatisfy(InternalServerError.isInstance)
      expect(posts(servers[provider])).toHaveLength(1)
    }
  })
})

describe('createBatch checks everything before sending', () => {
  const cases: Array<[string, () => Promise<unknown>, RegExp]> = [
    [
      'a phone that is not E.164, naming the contact',
      () =>
        vb().createBatch({ ...createInputs(3).truedy, contacts: [...contacts(2), { phone: '555-0100' }] }),
      /contacts\[2\]\.phone "555-0100" is not an E\.164 number/,
    ],
    [
      'more contacts than Techladder takes',
      () => vb().createBatch({ ...createInputs(1).techladder, contacts: contacts(10_001) }),
      /techladder takes at most 10,000 contacts per batch; got 10,001/,
    ],
    [
      'a schedule that ends before it starts',
      () =>
        vb().createBatch({
          ...createInputs(1).ultravox,
          schedule: { startAt: '2026-06-01T10:00:00Z', endAt: '2026-06-01T09:00:00Z' },
        }),
      /schedule\.endAt \(2026-06-01T09:00:00\.000Z\) must be after schedule\.startAt/,
    ],
    [
      'a schedule end where the provider has none',
      () =>
        vb().createBatch({
          ...createInputs(1).truedy,
          schedule: { startAt: '2026-06-01T10:00:00Z', endAt: '2026-06-01T11:00:00Z' },
        }),
      /truedy schedules have no end/,
    ],
    [
      'an unknown time zone',
      () =>
        vb().createBatch({
          ...createInputs(1).truedy,
          schedule: { startAt: '2026-06-01T10:00:00Z', timezone: 'Mars/Olympus' },
        }),
      /schedule\.timezone "Mars\/Olympus" is not an IANA time zone/,
    ],
    [
      'a missing Techladder versionId',
      // @ts-expect-error versionId is required
      () => vb().createBatch({ ...createInputs(1).techladder, options: { voice: 'Aria' } }),
      /techladder needs options\.versionId/,
    ],
    [
      'missing Truedy phone number IDs',
      // @ts-expect-error phoneNumberIds is required
      () => vb().createBatch({ ...createInputs(1).truedy, options: {} }),
      /truedy needs options\.phoneNumberIds/,
    ],
    [
      'a missing Ultravox from-number',
      // @ts-expect-error fromNumber is required
      () => vb().createBatch({ ...createInputs(1).ultravox, options: { medium: 'twilio' } }),
      /ultravox needs options\.fromNumber/,
    ],
    [
      'an idempotency key where the provider takes none',
      // @ts-expect-error Ultravox takes no idempotency key
      () => vb().createBatch({ ...createInputs(1).ultravox, idempotencyKey: 'k' }),
      /ultravox takes no idempotency key/,
    ],
    [
      'no contacts',
      () => vb().createBatch({ ...createInputs(1).truedy, contacts: [] }),
      /contacts must be a non-empty array/,
    ],
  ]
  const vb = () => campaignFacade(servers)

  it.each(cases)('%s: ConfigurationError, nothing sent', async (_name, run, message) => {
    const error = await run().catch((caught: unknown) => caught)
    expect(ConfigurationError.isInstance(error)).toBe(true)
    expect((error as Error).message).toMatch(message)
    for (const server of Object.values(servers)) expect(server.requests).toEqual([])
  })
})
