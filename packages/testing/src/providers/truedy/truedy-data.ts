import type {
  BatchCallContact,
  BatchCallResponse,
  BatchCallStatus,
  CreateBatchCallContactInput,
  PhoneRotationStrategy,
} from '@voicebatch/truedy-types'
import {
  between,
  hash32,
  hex,
  hexFrom,
  pick,
  salt,
  shuffled,
  unit,
  uuidFrom,
} from '../../internal/deterministic.js'
import { LazyCollection, type Segment } from '../../internal/lazy-list.js'
import { ScrambledIds } from '../../internal/scrambled-ids.js'
import { DAY, iso, MINUTE, type ProviderSettings } from '../shared/provider-settings.js'

/** Every status appears in any 10 consecutive seeded batches. */
const STATUS_PATTERN: readonly BatchCallStatus[] = [
  'completed',
  'completed',
  'completed',
  'active',
  'active',
  'draft',
  'scheduled',
  'paused',
  'failed',
  'cancelled',
]

const THEMES = [
  'Q2 Outreach',
  'Re-engagement',
  'Renewal Reminder',
  'Payment Reminder',
  'Appointment Confirmation',
  'Feedback Survey',
  'Win-back',
  'Onboarding Welcome',
]
const FIRST_NAMES = [
  'Olivia',
  'James',
  'Sofia',
  'Lucas',
  'Amara',
  'Daniel',
  'Chloe',
  'Mohammed',
  'Grace',
  'Leo',
]
const ROTATIONS: readonly PhoneRotationStrategy[] = ['random', 'sequential', 'round_robin']

const SPACING = 40 * MINUTE

/**
 * A batch as this mock serves it: the spec's fields plus, with `offSpecStatuses`, the status
 * `running` and the fields real servers add.
 */
export type TruedyBatch = Omit<BatchCallResponse, 'status'> & {
  status: BatchCallStatus | 'running'
  [extra: string]: unknown
}

export interface TruedyBatchRecord {
  readonly batch: TruedyBatch
  readonly seededIndex?: number
  /** Seeded batches: the status they were generated with; their contacts follow it. */
  readonly seededStatus?: BatchCallStatus
  /** Created batches: their contacts. */
  readonly contacts?: readonly CreateBatchCallContactInput[]
}

/** `running` is how some servers say `active`. */
export function isStatus(batch: TruedyBatch, status: BatchCallStatus): boolean {
  return batch.status === status || (status === 'active' && batch.status === 'running')
}

/** Generates the seeded batches and contacts of one Truedy mock. */
export class TruedyData {
  readonly agentIds: readonly string[]
  readonly collection: LazyCollection<TruedyBatchRecord>
  readonly #settings: ProviderSettings
  readonly #ids: ScrambledIds
  readonly #pattern: readonly BatchCallStatus[]
  /** The pattern slot shown as `running` when off-spec statuses are on. */
  readonly #runningSlot: number

  constructor(settings: ProviderSettings) {
    this.#settings = settings
    const { seed } = settings
    this.agentIds =
      settings.agentIds ??
      [0, 1, 2].map((index) => `agt_${hex(hash32(seed, salt.truedy, salt.agent, index), 8)}`)
    if (this.agentIds.length === 0) throw new TypeError('agentIds must not be empty')
    if (settings.batches >= 2 ** 31) throw new RangeError('Too many seeded batches')
    this.#ids = new ScrambledIds('batch_', hash32(seed, salt.truedy, salt.batchId), settings.batches)
    this.#pattern = shuffled(STATUS_PATTERN, seed, salt.statusPattern)
    this.#runningSlot = this.#pattern.indexOf('active')
    this.collection = new LazyCollection({
      baseCount: settings.batches,
      period: STATUS_PATTERN.length,
      generate: (index) => this.#seededRecord(index),
    })
  }

  reset(): void {
    this.collection.reset()
    this.#ids.reset()
  }

  #batchId(index: number): string {
    return this.#ids.of(index)
  }

  seededIndex(batchId: string): number | undefined {
    return this.#ids.seededIndex(batchId)
  }

  newBatchId(): string {
    return this.#ids.next()
  }

  phoneNumberId(...parts: number[]): string {
    return `num_${uuidFrom(this.#settings.seed, salt.phone, ...parts)}`
  }

  #seededRecord(index: number): TruedyBatchRecord {
    const { anchor, seed, callsPerBatch: total } = this.#settings
    const random = (part: number) => hash32(seed, salt.batch, index, part)
    const slot = index % this.#pattern.length
    const status = this.#pattern[slot] as BatchCallStatus
    const created = anchor - (index + 1) * SPACING + Math.floor((unit(random(1)) * SPACING) / 2)
    const share = unit(random(2))
    const completed = {
      draft: 0,
      scheduled: 0,
      active: Math.floor(total * (0.2 + share * 0.5)),
      paused: Math.floor(total * (0.2 + share * 0.5)),
      completed: total,
      failed: Math.floor(total * share * 0.3),
      cancelled: Math.floor(total * (0.1 + share * 0.5)),
    }[status]
    const failedShare = 0.2 + unit(random(16)) * 0.3
    const failed = Math.min(completed, completed >= 2 ? Math.max(1, Math.floor(completed * failedShare)) : 0)
    // Failed calls take turns being voicemail, no answer and other failures, starting per batch.
    const turnsOf = (kind: number) => countResidue(failed, (kind - (index % 3) + 3) % 3)
    const voicemail = turnsOf(0)
    const noAnswer = turnsOf(1)
    const averageDuration = completed > 0 ? between(random(3), 45, 300) : 0
    const scheduled = status === 'scheduled' || (status !== 'draft' && random(4) % 3 === 0)
    const scheduledAt = !scheduled
      ? null
      : status === 'scheduled'
        ? anchor + between(random(5), 1, 14) * DAY
        : created + between(random(5), 5, 15) * MINUTE
    const batch: TruedyBatch = {
      id: this.#batchId(index),
      name: `${pick(THEMES, random(6))} Campaign ${index + 1}`,
      agent_id: pick(this.agentIds, random(7)),
      status,
      phone_number_ids: [
        this.phoneNumberId(index, 0),
        ...(random(8) % 3 === 0 ? [this.phoneNumberId(index, 1)] : []),
      ],
      phone_rotation_strategy: pick(ROTATIONS, random(9)),
      total_contacts: total,
      completed_contacts: completed,
      successful_contacts: completed - failed,
      failed_contacts: failed,
      voicemail_contacts: voicemail,
      no_answer_contacts: noAnswer,
      total_cost_usd: Math.round(completed * (averageDuration / 60) * 0.09 * 100) / 100,
      average_duration_seconds: averageDuration,
      schedule_type: scheduled ? 'scheduled' : 'immediate',
      scheduled_at: scheduledAt === null ? null : iso(scheduledAt),
      max_calls_per_day: random(10) % 2 === 0 ? null : between(random(11), 1, 10) * 100,
      created_at: iso(created),
      updated_at: status === 'draft' ? null : iso(created + between(random(12), 1, 18) * MINUTE),
    }
    if (this.#settings.offSpecStatuses && slot === this.#runningSlot) {
      Object.assign(batch, {
        status: 'running',
        from_number: `+1415555${String(between(random(13), 1000, 9999))}`,
        timezone: 'America/New_York',
        concurrency: between(random(14), 1, 10),
        retry_attempts: random(15) % 3,
        called: completed,
        completed: completed - failed,
        failed,
        pending: total - completed,
      })
    }
    return { batch, seededIndex: index, seededStatus: status }
  }

  /** The contacts of a seeded batch, in runs of one call status. */
  seededContactSegments(record: TruedyBatchRecord): Segment<string>[] {
    const { batch } = record
    const rest = batch.total_contacts ?? 0
    const completed = batch.completed_contacts ?? 0
    const failed = batch.failed_contacts ?? 0
    const voicemail = batch.voicemail_contacts ?? 0
    const noAnswer = batch.no_answer_contacts ?? 0
    const waiting = rest - completed
    const inProgress = record.seededStatus === 'active' ? Math.min(1, waiting) : 0
    const waitingStatus =
      record.seededStatus === 'active'
        ? 'queued'
        : record.seededStatus === 'cancelled'
          ? 'cancelled'
          : 'pending'
    return [
      { value: 'completed', count: completed - failed },
      { value: 'voicemail', count: voicemail },
      { value: 'no_answer', count: noAnswer },
      { value: 'failed', count: failed - voicemail - noAnswer },
      { value: 'in_progress', count: inProgress },
      { value: waitingStatus, count: waiting - inProgress },
    ]
  }

  seededContact(record: TruedyBatchRecord, index: number, callStatus: string): BatchCallContact {
    const { seed } = this.#settings
    const batchIndex = record.seededIndex ?? 0
    const random = (part: number) => hash32(seed, salt.call, batchIndex, index, part)
    const called = !['pending', 'queued', 'cancelled'].includes(callStatus)
    return {
      contact_id: `cnt_${hexFrom(10, seed, salt.name, batchIndex, index)}`,
      phone_number: `+1${between(random(1), 201, 989)}${String(between(random(2), 2_000_000, 9_999_999))}`,
      first_name: random(3) % 7 === 0 ? null : pick(FIRST_NAMES, random(4)),
      call_status: callStatus,
      call_id: called ? `call_${hexFrom(12, seed, salt.call, batchIndex, index)}` : null,
      called_at: called ? iso(Date.parse(record.batch.created_at) + (index + 1) * 2 * MINUTE) : null,
    }
  }
}

/** How many of 0 .. count-1 leave `residue` when divided by 3. */
function countResidue(count: number, residue: number): number {
  return count > residue ? Math.floor((count - 1 - residue) / 3) + 1 : 0
}
