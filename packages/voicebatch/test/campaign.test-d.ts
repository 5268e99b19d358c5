import { describe, expectTypeOf, it } from 'vitest'
import { type CallBatch, createVoiceBatch, type Provider } from '../src/index.js'

declare const apiKey: string
const vb = createVoiceBatch({
  ultravox: { apiKey, agentIds: ['a'] },
  techladder: { apiKey },
  truedy: { apiKey },
})
const contacts = [{ phone: '+15551234567' }]

describe('campaign operations are typed per provider', () => {
  it('an operation a provider lacks is a type error when the provider is known', () => {
    // @ts-expect-error Techladder cannot pause a batch
    vb.pauseBatch({ provider: 'techladder', id: 'sched_1' })
    // @ts-expect-error Techladder cannot delete a batch
    vb.deleteBatch({ provider: 'techladder', id: 'sched_1' })
    // @ts-expect-error no provider documents a cancel
    vb.cancelBatch({ provider: 'truedy', id: 'b' })
    expectTypeOf(vb.pauseBatch({ provider: 'truedy', id: 'b' })).toEqualTypeOf<Promise<CallBatch<'truedy'>>>()
    expectTypeOf(vb.resumeBatch({ provider: 'ultravox', id: 'b' })).toEqualTypeOf<
      Promise<CallBatch<'ultravox'>>
    >()
    const provider = 'techladder' as Provider
    // Not known statically: type-checks, and throws UnsupportedOperationError at run time.
    vb.pauseBatch({ provider, id: 'x' })
  })

  it('createBatch takes each provider its own options', () => {
    vb.createBatch({
      provider: 'techladder',
      agentId: 'agt',
      contacts,
      options: { versionId: 'pmt', concurrency: 2 },
    })
    // @ts-expect-error versionId is required
    vb.createBatch({ provider: 'techladder', agentId: 'agt', contacts, options: { voice: 'x' } })
    vb.createBatch({
      provider: 'techladder',
      agentId: 'agt',
      contacts,
      // @ts-expect-error phoneNumberIds is a Truedy option, not a Techladder one
      options: { versionId: 'p', phoneNumberIds: [] },
    })
    vb.createBatch({
      provider: 'truedy',
      agentId: 'a',
      name: 'n',
      contacts,
      options: { phoneNumberIds: ['num'] },
      idempotencyKey: 'k',
    })
    // @ts-expect-error Truedy batches need a name
    vb.createBatch({ provider: 'truedy', agentId: 'a', contacts, options: { phoneNumberIds: ['num'] } })
    vb.createBatch({
      provider: 'truedy',
      agentId: 'a',
      name: 'n',
      contacts,
      // @ts-expect-error workingDays are 1..7
      options: { phoneNumberIds: ['n'], workingDays: [8] },
    })
    vb.createBatch({
      provider: 'ultravox',
      contacts,
      options: { medium: 'twilio', fromNumber: '+1' },
      // @ts-expect-error Ultravox takes no idempotency key
      idempotencyKey: 'k',
    })
    // @ts-expect-error webRtc is not a medium that dials a phone
    vb.createBatch({ provider: 'ultravox', contacts, options: { medium: 'webRtc', fromNumber: '+1' } })
    expectTypeOf(
      vb.createBatch({ provider: 'ultravox', contacts, options: { medium: 'twilio', fromNumber: '+1' } }),
    ).toEqualTypeOf<Promise<CallBatch<'ultravox'>>>()
    expectTypeOf(vb.capabilities('techladder').pause).toEqualTypeOf<false>()
  })

  it('a provider that is not configured is a type error', () => {
    const only = createVoiceBatch({ truedy: { apiKey } })
    // @ts-expect-error Ultravox is not configured
    only.pauseBatch({ provider: 'ultravox', id: 'b' })
    // @ts-expect-error Ultravox is not configured
    only.watchBatch({ provider: 'ultravox', id: 'b' })
  })
})
