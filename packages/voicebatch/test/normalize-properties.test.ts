import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  batchStatuses,
  callStatuses,
  normalizeBatch,
  normalizeCall,
  type Provider,
  providers,
} from '../src/index.js'

/** A value of the field's type most of the time; sometimes missing, null or anything else. */
const field = <T>(arbitrary: fc.Arbitrary<T>) =>
  fc.oneof(
    { weight: 6, arbitrary },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.anything() },
  )

const timestamp = fc.oneof(
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
  fc.string(),
)
const count = fc.oneof(fc.nat(), fc.integer(), fc.double())
/** Known words, near misses, and arbitrary strings. */
const word = (known: readonly string[]) =>
  fc.oneof(
    fc.constantFrom(...known),
    fc.constantFrom(...known).map((value) => value.toUpperCase()),
    fc.constantFrom('running', 'constructor', '__proto__', 'toString', 'hasOwnProperty', ''),
    fc.string(),
  )

const batchShapes: Record<Provider, fc.Arbitrary<Record<string, unknown>>> = {
  ultravox: fc.record(
    {
      batchId: field(fc.uuid()),
      created: field(timestamp),
      windowStart: field(timestamp),
      windowEnd: field(timestamp),
      paused: field(fc.boolean()),
      totalCount: field(count),
      completedCount: field(count),
      endedAt: field(timestamp),
    },
    { requiredKeys: [] },
  ),
  techladder: fc.record(
    {
      schedule_id: field(fc.string()),
      agent_id: field(fc.string()),
      agent_name: field(fc.string()),
      status: field(word(['pending', 'active', 'completed', 'failed', 'cancelled'])),
      total_contacts: field(count),
      completed_contacts: field(count),
      failed_contacts: field(count),
      scheduled_at: field(timestamp),
      created_at: field(timestamp),
    },
    { requiredKeys: [] },
  ),
  truedy: fc.record(
    {
      id: field(fc.string()),
      name: field(fc.string()),
      agent_id: field(fc.string()),
      status: field(
        word(['draft', 'scheduled', 'active', 'running', 'paused', 'completed', 'failed', 'cancelled']),
      ),
      total_contacts: field(count),
      completed_contacts: field(count),
      failed_contacts: field(count),
      completed: field(count),
      failed: field(count),
      scheduled_at: field(timestamp),
      created_at: field(timestamp),
    },
    { requiredKeys: [] },
  ),
}

const callShapes: Record<Provider, fc.Arbitrary<Record<string, unknown>>> = {
  ultravox: fc.record(
    {
      status: field(word(['FUTURE', 'PENDING', 'SUCCESS', 'EXPIRED', 'ERROR'])),
      batchId: field(fc.uuid()),
      callId: field(fc.uuid()),
      error: field(fc.string()),
    },
    { requiredKeys: [] },
  ),
  techladder: fc.record(
    {
      call_id: field(fc.string()),
      external_id: field(fc.string()),
      status: field(word(['pending', 'queued', 'ringing', 'in_progress', 'completed', 'failed'])),
    },
    { requiredKeys: [] },
  ),
  truedy: fc.record(
    {
      contact_id: field(fc.string()),
      call_status: field(word(['pending', 'queued', 'ringing', 'in_progress', 'completed', 'failed'])),
      call_id: field(fc.string()),
    },
    { requiredKeys: [] },
  ),
}

const junk = fc.oneof(
  fc.anything({
    withNullPrototype: true,
    withMap: true,
    withSet: true,
    withDate: true,
    withTypedArray: true,
  }),
  fc.dictionary(fc.constantFrom('status', 'call_status', '__proto__', 'constructor', 'id'), fc.anything()),
)

const provider = fc.constantFrom(...providers)
const context = fc.option(
  fc.record({
    agentId: fc.option(fc.string()),
    now: fc.oneof(fc.date(), fc.integer(), fc.constant(Number.NaN)),
  }),
  { nil: undefined },
)

const statusField: Record<Provider, { batch: string | null; call: string }> = {
  ultravox: { batch: null, call: 'status' },
  techladder: { batch: 'status', call: 'status' },
  truedy: { batch: 'status', call: 'call_status' },
}

const ownField = (raw: unknown, key: string): unknown =>
  typeof raw === 'object' && raw !== null && Object.hasOwn(raw, key)
    ? (raw as Record<string, unknown>)[key]
    : undefined
const stringOrNull = (value: unknown) => value === null || typeof value === 'string'
const countOrNull = (value: unknown) =>
  value === null || (typeof value === 'number' && Number.isFinite(value) && value >= 0)

describe('normalizeBatch is total', () => {
  const shaped = provider.chain((name) => fc.tuple(fc.constant(name), fc.oneof(batchShapes[name], junk)))

  it('never throws, keeps raw as the same object, and returns the model', () => {
    fc.assert(
      fc.property(shaped, context, ([name, raw], ctx) => {
        const batch = normalizeBatch(name, raw as never, ctx as never)
        expect(batch.provider).toBe(name)
        expect(batch.raw).toBe(raw)
        expect(batchStatuses).toContain(batch.status)
        expect(typeof batch.id).toBe('string')
        expect(typeof batch.createdAt).toBe('string')
        for (const value of [batch.agentId, batch.name, batch.rawStatus, batch.scheduledAt, batch.endedAt]) {
          expect(stringOrNull(value)).toBe(true)
        }
        for (const value of [batch.totalCalls, batch.completedCalls, batch.failedCalls]) {
          expect(countOrNull(value)).toBe(true)
        }
      }),
      { numRuns: 2000 },
    )
  })

  it('unknown statuses become unknown and keep their word', () => {
    fc.assert(
      fc.property(fc.constantFrom<Provider>('techladder', 'truedy'), fc.string(), (name, rawStatus) => {
        const known =
          name === 'techladder'
            ? ['pending', 'active', 'completed', 'failed', 'cancelled']
            : ['draft', 'scheduled', 'active', 'running', 'paused', 'completed', 'failed', 'cancelled']
        fc.pre(!known.includes(rawStatus))
        const batch = normalizeBatch(name, { status: rawStatus } as never)
        expect(batch.status).toBe('unknown')
        expect(batch.rawStatus).toBe(rawStatus)
      }),
    )
  })

  it('keeps the status word as sent; a known status always comes from a word (Ultravox: derived, no word)', () => {
    fc.assert(
      fc.property(shaped, ([name, raw]) => {
        const batch = normalizeBatch(name, raw as never)
        const key = statusField[name].batch
        if (key === null) {
          expect(batch.rawStatus).toBeNull()
        } else {
          const word = ownField(raw, key)
          if (typeof word === 'string') expect(batch.rawStatus).toBe(word)
          if (batch.status !== 'unknown') expect(typeof word).toBe('string')
        }
      }),
      { numRuns: 1000 },
    )
  })

  it('does not throw on an unknown provider name or a throwing getter', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('no')
        },
        has() {
          throw new Error('no')
        },
        getOwnPropertyDescriptor() {
          throw new Error('no')
        },
      },
    )
    expect(normalizeBatch('truedy', hostile as never).status).toBe('unknown')
    expect(normalizeBatch('ultravox', hostile as never, { now: hostile as never }).raw).toBe(hostile)
    expect(normalizeBatch('ultravox', {} as never, hostile as never).agentId).toBeNull()
    expect(normalizeCall('truedy', hostile as never, hostile as never).batchId).toBe('')
    expect(normalizeBatch('vapi' as never, { status: 'live' } as never)).toMatchObject({
      status: 'unknown',
      rawStatus: 'live',
    })
    expect(normalizeCall('vapi' as never, null as never, { batchId: 'b' })).toMatchObject({
      status: 'unknown',
      batchId: 'b',
    })
  })
})

describe('normalizeCall is total', () => {
  const shaped = provider.chain((name) => fc.tuple(fc.constant(name), fc.oneof(callShapes[name], junk)))

  it('never throws, keeps raw, and maps unknown words to unknown with rawStatus', () => {
    fc.assert(
      fc.property(shaped, fc.option(fc.string(), { nil: undefined }), ([name, raw], batchId) => {
        const call = normalizeCall(name, raw as never, batchId === undefined ? undefined : { batchId })
        expect(call.provider).toBe(name)
        expect(call.raw).toBe(raw)
        expect(callStatuses).toContain(call.status)
        expect(typeof call.batchId).toBe('string')
        expect(stringOrNull(call.id)).toBe(true)
        const key = statusField[name].call
        const word = ownField(raw, key)
        if (typeof word === 'string') expect(call.rawStatus).toBe(word)
        if (call.status !== 'unknown') expect(typeof word).toBe('string')
      }),
      { numRuns: 2000 },
    )
  })
})
