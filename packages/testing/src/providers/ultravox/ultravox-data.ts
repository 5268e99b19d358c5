import type {
  ScheduledCall,
  ScheduledCallBatch,
  ScheduledCallInput,
  ScheduledCallStatusEnum,
} from '@voicebatch/ultravox-types'
import {
  between,
  hash32,
  hex,
  hexFrom,
  pick,
  salt,
  scramble32,
  shuffled,
  unit,
  unscramble32,
  uuidFrom,
  uuidWithTail,
} from '../../internal/deterministic.js'
import { LazyCollection, type Segment } from '../../internal/lazy-list.js'
import { DAY, HOUR, iso, MINUTE, type ProviderSettings } from '../shared/provider-settings.js'

/** Ultravox batches have no status: these are the states their fields imply. */
export type UltravoxBatchState = 'ended' | 'running' | 'paused' | 'scheduled'

/** Every state appears in any 8 consecutive seeded batches. */
const STATE_PATTERN: readonly UltravoxBatchState[] = [
  'ended',
  'ended',
  'ended',
  'running',
  'running',
  'ended',
  'paused',
  'scheduled',
]

export const DEFAULT_ULTRAVOX_AGENT_IDS: readonly string[] = [
  '3c90c3cc-0d44-4b50-8888-8dd25736052a',
  '7f1d2a9e-4b6c-4e3a-9d1f-5a8b2c7e6f40',
]

/** Django's `uuid` path converter: lowercase only. */
export const UUID_PATTERN: RegExp = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

const SPACING = 40 * MINUTE

export interface UltravoxBatchRecord {
  readonly batch: ScheduledCallBatch
  readonly agentIndex: number
  /** Seeded batches: their global index, from which their calls are generated. */
  readonly seededIndex?: number
  readonly state?: UltravoxBatchState
  /** Created batches: the calls sent in the request. */
  readonly calls?: readonly ScheduledCallInput[]
}

interface CallCounts {
  readonly success: number
  readonly error: number
  readonly pending: number
  readonly future: number
  readonly expired: number
}

/** Generates the seeded agents, batches and calls of one Ultravox mock. */
export class UltravoxData {
  readonly agentIds: readonly string[]
  readonly collections: readonly LazyCollection<UltravoxBatchRecord>[]
  readonly #settings: ProviderSettings
  readonly #idKey: number
  readonly #pattern: readonly UltravoxBatchState[]
  #createdCount = 0

  constructor(settings: ProviderSettings) {
    this.#settings = settings
    this.agentIds = settings.agentIds ?? DEFAULT_ULTRAVOX_AGENT_IDS
    for (const agentId of this.agentIds) {
      if (!UUID_PATTERN.test(agentId))
        throw new TypeError(`Ultravox agent IDs are lowercase UUIDs: ${agentId}`)
    }
    if (this.agentIds.length * settings.batches >= 2 ** 32) throw new RangeError('Too many seeded batches')
    this.#idKey = hash32(settings.seed, salt.ultravox, salt.batchId)
    this.#pattern = shuffled(STATE_PATTERN, settings.seed, salt.statusPattern)
    this.collections = this.agentIds.map(
      (_, agentIndex) =>
        new LazyCollection<UltravoxBatchRecord>({
          baseCount: settings.batches,
          period: STATE_PATTERN.length,
          generate: (index) => this.#seededBatch(agentIndex * settings.batches + index),
        }),
    )
  }

  reset(): void {
    for (const collection of this.collections) collection.reset()
    this.#createdCount = 0
  }

  #seededBatchId(globalIndex: number): string {
    return uuidWithTail(scramble32(globalIndex, this.#idKey), this.#settings.seed, salt.batchId)
  }

  /** The seeded position of a batch ID, or undefined when it is not a seeded ID. */
  locateSeeded(batchId: string): { agentIndex: number; index: number } | undefined {
    const { batches } = this.#settings
    if (batches === 0) return undefined
    const tail = Number.parseInt(batchId.slice(-8), 16)
    if (Number.isNaN(tail)) return undefined
    const globalIndex = unscramble32(tail, this.#idKey)
    if (globalIndex >= this.agentIds.length * batches) return undefined
    if (this.#seededBatchId(globalIndex) !== batchId) return undefined
    return { agentIndex: Math.floor(globalIndex / batches), index: globalIndex % batches }
  }

  newBatchId(): string {
    this.#createdCount += 1
    return uuidFrom(this.#settings.seed, salt.batchId, 0xc4ea7ed, this.#createdCount)
  }

  #seededBatch(globalIndex: number): UltravoxBatchRecord {
    const { batches, anchor, seed, callsPerBatch } = this.#settings
    const agentIndex = Math.floor(globalIndex / batches)
    const index = globalIndex % batches
    const random = (part: number) => hash32(seed, salt.batch, globalIndex, part)
    const state = this.#pattern[index % this.#pattern.length] as UltravoxBatchState
    const created = anchor - (index + 1) * SPACING + Math.floor((unit(random(1)) * SPACING) / 2)
    const counts = this.#seededCounts(state, globalIndex, true)

    let windowStart: number | null = created + MINUTE
    let windowEnd: number | null
    let endedAt: number | null = null
    switch (state) {
      case 'ended':
        windowEnd = created + 10 * MINUTE
        endedAt = created + 12 * MINUTE
        break
      case 'running':
        if (random(2) % 3 === 0) windowStart = null
        windowEnd = anchor + between(random(3), 1, 5) * DAY
        break
      case 'paused':
        windowEnd = anchor + between(random(3), 2, 7) * DAY
        break
      case 'scheduled':
        windowStart = anchor + between(random(4), 1, 72) * HOUR
        windowEnd = windowStart + 8 * HOUR
        break
    }
    const batch: ScheduledCallBatch = {
      batchId: this.#seededBatchId(globalIndex),
      created: iso(created),
      windowStart: windowStart === null ? null : iso(windowStart),
      windowEnd: iso(windowEnd),
      throttle: random(5) % 4 === 0 ? 'outbound-default' : null,
      webhookUrl: null,
      webhookSecret: null,
      paused: state === 'paused',
      totalCount: callsPerBatch,
      completedCount: counts.success + counts.error,
      endedAt: endedAt === null ? null : iso(endedAt),
    }
    return { batch, agentIndex, seededIndex: globalIndex, state }
  }

  /** How the calls of a seeded batch split by status. `beforeWindow`: its window has not opened. */
  #seededCounts(state: UltravoxBatchState, globalIndex: number, beforeWindow: boolean): CallCounts {
    const total = this.#settings.callsPerBatch
    const share = unit(hash32(this.#settings.seed, salt.call, globalIndex))
    const errorsOf = (done: number) => Math.min(done, total >= 3 ? Math.max(1, Math.floor(total * 0.05)) : 0)
    switch (state) {
      case 'ended': {
        const expired = total >= 4 ? Math.max(1, Math.floor(total * 0.03)) : 0
        const error = errorsOf(total - expired)
        return { success: total - expired - error, error, pending: 0, future: 0, expired }
      }
      case 'running':
      case 'paused': {
        const done = Math.floor(total * (0.2 + share * 0.5))
        const error = errorsOf(done)
        const pending = state === 'running' ? Math.min(1, total - done) : 0
        return { success: done - error, error, pending, future: total - done - pending, expired: 0 }
      }
      case 'scheduled': {
        const pending = beforeWindow ? 0 : Math.min(1, total)
        return { success: 0, error: 0, pending, future: total - pending, expired: 0 }
      }
    }
  }

  /** The calls of a seeded batch, in runs of one status. */
  seededCallSegments(record: UltravoxBatchRecord, now: Date): Segment<ScheduledCallStatusEnum>[] {
    const { state, seededIndex } = record
    if (state === undefined || seededIndex === undefined) return []
    const windowStart = record.batch.windowStart
    const beforeWindow = windowStart != null && Date.parse(windowStart) > now.getTime()
    const counts = this.#seededCounts(state, seededIndex, beforeWindow)
    return [
      { value: 'SUCCESS', count: counts.success },
      { value: 'ERROR', count: counts.error },
      { value: 'PENDING', count: counts.pending },
      { value: 'FUTURE', count: counts.future },
      { value: 'EXPIRED', count: counts.expired },
    ]
  }

  seededCall(record: UltravoxBatchRecord, index: number, status: ScheduledCallStatusEnum): ScheduledCall {
    const globalIndex = record.seededIndex ?? 0
    const { seed } = this.#settings
    const random = (part: number) => hash32(seed, salt.call, globalIndex, index, part)
    return {
      status,
      batchId: record.batch.batchId,
      callId: status === 'SUCCESS' ? uuidFrom(seed, salt.call, globalIndex, index) : null,
      error: status === 'ERROR' ? pick(CALL_ERRORS, random(1)) : null,
      medium: {
        twilio: {
          outgoing: { to: `+1415${String(between(random(2), 2_000_000, 9_999_999))}`, from: '+14155550100' },
        },
      },
      metadata: { customerId: `cus_${hexFrom(10, seed, salt.name, globalIndex, index)}` },
      templateContext: { customerName: pick(FIRST_NAMES, random(3)), accountSuffix: hex(random(4), 4) },
      experimentalSettings: null,
    }
  }
}

const CALL_ERRORS = [
  'The destination number is not reachable.',
  'Twilio rejected the call: the number is not a valid phone number.',
  'The call could not be created: the agent was deleted.',
]

const FIRST_NAMES = [
  'Ava',
  'Noah',
  'Mia',
  'Liam',
  'Zoe',
  'Ethan',
  'Priya',
  'Mateo',
  'Aiko',
  'Omar',
  'Lena',
  'Kofi',
]
