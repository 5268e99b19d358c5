import type { TechladderClient } from '@voicebatch/techladder'
import type { TruedyClient } from '@voicebatch/truedy'
import type { UltravoxClient } from '@voicebatch/ultravox'
import { describe, expectTypeOf, it } from 'vitest'
import {
  type CallBatch,
  createVoiceBatch,
  createVoiceBatchFrom,
  type ProviderAdapter,
  techladderAdapter,
  truedyAdapter,
  ultravoxAdapter,
  type VoiceBatch,
  type VoiceBatchAdapters,
} from '../src/index.js'

declare const apiKey: string
declare const truedyClient: TruedyClient
declare const ultravoxClient: UltravoxClient

describe('createVoiceBatchFrom result type', () => {
  it('has only the clients of the adapters passed', () => {
    const vb = createVoiceBatchFrom({ truedy: truedyAdapter({ apiKey }) })
    expectTypeOf(vb.truedy).toEqualTypeOf<TruedyClient>()
    // @ts-expect-error only the Truedy adapter was passed
    vb.ultravox
    // @ts-expect-error only the Truedy adapter was passed
    vb.techladder
    expectTypeOf(vb).not.toHaveProperty('ultravox')
    expectTypeOf(vb.providers).toEqualTypeOf<readonly 'truedy'[]>()
    // @ts-expect-error Ultravox is not configured
    vb.listBatches({ providers: ['ultravox'] })
    // @ts-expect-error Ultravox is not configured
    vb.getBatch({ provider: 'ultravox', id: 'b' })
  })

  it('is the type createVoiceBatch gives for the same providers', () => {
    const from = createVoiceBatchFrom({
      truedy: truedyAdapter({ apiKey }),
      techladder: techladderAdapter({ apiKey }),
    })
    const configured = createVoiceBatch({ truedy: { apiKey }, techladder: { apiKey } })
    expectTypeOf(from.truedy).toEqualTypeOf(configured.truedy)
    expectTypeOf(from.techladder).toEqualTypeOf<TechladderClient>()
    expectTypeOf(from.providers).toEqualTypeOf(configured.providers)
    expectTypeOf(from.listBatches).toEqualTypeOf(configured.listBatches)
    expectTypeOf(from.getBatch).toEqualTypeOf(configured.getBatch)
    expectTypeOf(from.listCalls).toEqualTypeOf(configured.listCalls)
    expectTypeOf(from).toExtend<VoiceBatch<{ truedy: object; techladder: object }>>()
  })

  it('narrows items to the providers passed', async () => {
    const vb = createVoiceBatchFrom({
      truedy: truedyAdapter(truedyClient),
      ultravox: ultravoxAdapter(ultravoxClient, { agentIds: ['a'] }),
    })
    expectTypeOf(vb.ultravox).toEqualTypeOf<UltravoxClient>()
    for await (const batch of vb.listBatches()) {
      expectTypeOf(batch).toEqualTypeOf<CallBatch<'ultravox'> | CallBatch<'truedy'>>()
    }
    expectTypeOf(await vb.getBatch({ provider: 'truedy', id: 'b' })).toEqualTypeOf<CallBatch<'truedy'>>()
  })

  it('adapters at run time make the clients optional', () => {
    const adapters: VoiceBatchAdapters = {}
    const vb = createVoiceBatchFrom(adapters)
    expectTypeOf(vb.truedy).toEqualTypeOf<TruedyClient | undefined>()
    const maybe = createVoiceBatchFrom({ truedy: Math.random() > 0.5 ? truedyAdapter() : undefined })
    expectTypeOf(maybe.truedy).toEqualTypeOf<TruedyClient | undefined>()
  })

  it('takes each adapter under its own provider only', () => {
    expectTypeOf(truedyAdapter()).toEqualTypeOf<ProviderAdapter<'truedy'>>()
    // @ts-expect-error an Ultravox adapter is not a Truedy one
    createVoiceBatchFrom({ truedy: ultravoxAdapter() })
    // @ts-expect-error options are not an adapter
    createVoiceBatchFrom({ truedy: { apiKey } })
    // @ts-expect-error a Truedy client is not an Ultravox one
    ultravoxAdapter(truedyClient, { agentIds: ['a'] })
  })
})
