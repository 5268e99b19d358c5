import type { TechladderClient } from '@voicebatch/techladder'
import type { TruedyClient } from '@voicebatch/truedy'
import type { UltravoxClient } from '@voicebatch/ultravox'
import { describe, expectTypeOf, it } from 'vitest'
import { type BatchCall, type CallBatch, createVoiceBatch, type VoiceBatchConfig } from '../src/index.js'

declare const apiKey: string

describe('createVoiceBatch result type', () => {
  it('has the clients of the configured providers only', () => {
    const vb = createVoiceBatch({ truedy: { apiKey }, techladder: { apiKey } })
    expectTypeOf(vb.truedy).toEqualTypeOf<TruedyClient>()
    expectTypeOf(vb.techladder).toEqualTypeOf<TechladderClient>()
    // @ts-expect-error Ultravox is not configured
    vb.ultravox
    expectTypeOf(vb.providers).toEqualTypeOf<readonly ('techladder' | 'truedy')[]>()

    const onlyUltravox = createVoiceBatch({ ultravox: { apiKey, agentIds: ['a'] } })
    expectTypeOf(onlyUltravox.ultravox).toEqualTypeOf<UltravoxClient>()
    // @ts-expect-error Truedy is not configured
    onlyUltravox.truedy
  })

  it('a config built at run time makes every client optional', () => {
    const config: VoiceBatchConfig = {}
    const vb = createVoiceBatch(config)
    expectTypeOf(vb.truedy).toEqualTypeOf<TruedyClient | undefined>()
    expectTypeOf(vb.ultravox).toEqualTypeOf<UltravoxClient | undefined>()
    const maybe = createVoiceBatch({
      truedy: Math.random() > 0.5 ? { apiKey } : undefined,
      techladder: { apiKey },
    })
    expectTypeOf(maybe.truedy).toEqualTypeOf<TruedyClient | undefined>()
    expectTypeOf(maybe.techladder).toEqualTypeOf<TechladderClient>()
  })

  it('listBatches accepts only configured providers and narrows its items', async () => {
    const vb = createVoiceBatch({ truedy: { apiKey }, techladder: { apiKey } })
    // @ts-expect-error Ultravox is not configured
    vb.listBatches({ providers: ['ultravox'] })
    // @ts-expect-error not a status
    vb.listBatches({ status: 'live' })
    expectTypeOf(vb.listBatches({ providers: ['truedy'] })).toHaveProperty('failures')
    for await (const batch of vb.listBatches({ providers: ['truedy'] })) {
      expectTypeOf(batch).toEqualTypeOf<CallBatch<'truedy'>>()
    }
    for await (const batch of vb.listBatches({ status: ['running', 'paused'] })) {
      expectTypeOf(batch).toEqualTypeOf<CallBatch<'techladder'> | CallBatch<'truedy'>>()
    }
  })

  it('getBatch and listCalls take a configured provider and return its model', async () => {
    const vb = createVoiceBatch({ truedy: { apiKey }, ultravox: { apiKey, agentIds: ['a'] } })
    expectTypeOf(await vb.getBatch({ provider: 'truedy', id: 'b' })).toEqualTypeOf<CallBatch<'truedy'>>()
    // @ts-expect-error Techladder is not configured
    await vb.getBatch({ provider: 'techladder', id: 'b' })
    for await (const call of vb.listCalls({ provider: 'ultravox', agentId: 'a', batchId: 'b' })) {
      expectTypeOf(call).toEqualTypeOf<BatchCall<'ultravox'>>()
      expectTypeOf(call.raw.status).toEqualTypeOf<'FUTURE' | 'PENDING' | 'SUCCESS' | 'EXPIRED' | 'ERROR'>()
    }
  })
})
