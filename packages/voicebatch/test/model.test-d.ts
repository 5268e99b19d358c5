import type {
  CallBatchDetail,
  BatchCall as TechladderBatchCall,
  CallBatch as TechladderCallBatch,
} from '@voicebatch/techladder'
import type { BatchCallContact, BatchCallResponse } from '@voicebatch/truedy'
import type { ScheduledCall, ScheduledCallBatch } from '@voicebatch/ultravox'
import { describe, expectTypeOf, it } from 'vitest'
import {
  type BatchCall,
  type BatchStatus,
  type CallBatch,
  type CallStatus,
  normalizeBatch,
  normalizeCall,
  type Provider,
} from '../src/index.js'

describe('normalized model', () => {
  it('raw is each provider’s generated type', () => {
    expectTypeOf<CallBatch<'truedy'>['raw']>().toEqualTypeOf<BatchCallResponse>()
    expectTypeOf<CallBatch<'ultravox'>['raw']>().toEqualTypeOf<ScheduledCallBatch>()
    expectTypeOf<CallBatch<'techladder'>['raw']>().toEqualTypeOf<TechladderCallBatch>()
    expectTypeOf<CallBatchDetail>().toExtend<CallBatch<'techladder'>['raw']>()
    expectTypeOf<BatchCall<'truedy'>['raw']>().toEqualTypeOf<BatchCallContact>()
    expectTypeOf<BatchCall<'ultravox'>['raw']>().toEqualTypeOf<ScheduledCall>()
    expectTypeOf<BatchCall<'techladder'>['raw']>().toEqualTypeOf<TechladderBatchCall>()
  })

  it('narrowing on provider narrows raw', () => {
    const show = (batch: CallBatch) => {
      if (batch.provider === 'truedy') {
        expectTypeOf(batch.raw).toEqualTypeOf<BatchCallResponse>()
        expectTypeOf(batch.raw.name).toBeString()
      } else if (batch.provider === 'ultravox') {
        expectTypeOf(batch.raw).toEqualTypeOf<ScheduledCallBatch>()
        // @ts-expect-error Ultravox batches have no name
        batch.raw.name
      } else {
        expectTypeOf(batch.provider).toEqualTypeOf<'techladder'>()
        expectTypeOf(batch.raw.schedule_id).toBeString()
      }
    }
    const call = (value: BatchCall) => {
      switch (value.provider) {
        case 'ultravox':
          return expectTypeOf(value.raw.callId).toEqualTypeOf<string | null>()
        case 'truedy':
          return expectTypeOf(value.raw.call_status).toBeString()
        case 'techladder':
          return expectTypeOf(value.raw.external_id).toBeString()
      }
    }
    expectTypeOf(show).toBeFunction()
    expectTypeOf(call).toBeFunction()
  })

  it('CallBatch is a union over providers; the fields are the DESIGN.md ones', () => {
    expectTypeOf<CallBatch['provider']>().toEqualTypeOf<Provider>()
    expectTypeOf<CallBatch['status']>().toEqualTypeOf<BatchStatus>()
    expectTypeOf<CallBatch['rawStatus']>().toEqualTypeOf<string | null>()
    expectTypeOf<CallBatch['totalCalls']>().toEqualTypeOf<number | null>()
    expectTypeOf<CallBatch['createdAt']>().toEqualTypeOf<string>()
    expectTypeOf<BatchCall['status']>().toEqualTypeOf<CallStatus>()
    expectTypeOf<BatchCall['id']>().toEqualTypeOf<string | null>()
    expectTypeOf<CallBatch<'truedy' | 'ultravox'>>().toEqualTypeOf<
      CallBatch<'truedy'> | CallBatch<'ultravox'>
    >()
  })

  it('normalizeBatch / normalizeCall take the provider’s raw type and keep the provider', () => {
    const raw = {} as BatchCallResponse
    expectTypeOf(normalizeBatch('truedy', raw)).toEqualTypeOf<CallBatch<'truedy'>>()
    expectTypeOf(normalizeCall('ultravox', {} as ScheduledCall)).toEqualTypeOf<BatchCall<'ultravox'>>()
    // @ts-expect-error a Truedy batch is not an Ultravox one
    normalizeBatch('ultravox', raw)
    // @ts-expect-error not a provider
    normalizeBatch('vapi', raw)
  })
})
