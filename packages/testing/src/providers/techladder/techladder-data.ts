import type {
  BatchCall,
  CallBatch,
  CallBatchDetail,
  CallBatchStatus,
  CreateCallBatchContactInput,
  StartMode,
} from '@voicebatch/techladder-types'
import { between, hash32, hex, hexFrom, pick, salt, shuffled, unit } from '../../internal/deterministic.js'
import { LazyCollection, type Segment } from '../../internal/lazy-list.js'
import { ScrambledIds } from '../../internal/scrambled-ids.js'
import { HOUR, iso, MINUTE, type ProviderSettings } from '../shared/provider-settings.js'

/** Every status appears in any 10 consecutive seeded batches. */
const STATUS_PATTERN: readonly CallBatchStatus[] = [
  'completed',
  'completed',
  'completed',
  'completed',
  'active',
  'active',
  'pending',
  'pending',
  'failed',
  'cancelled',
]

const AGENT_NAMES = [
  'Customer Outreach Agent',
  'Appointment Reminder Agent',
  'Payment Follow-up Agent',
  'Feedback Survey Agent',
  'Lead Qualification Agent',
]
const VOICES = ['Aria (en-IN)', 'Kabir (hi-IN)', 'Maya (en-US)', 'Dev (en-IN)']
const FIRST_NAMES = [
  'Aarav',
  'Diya',
  'Ishaan',
  'Ananya',
  'Rohan',
  'Saanvi',
  'Vihaan',
  'Meera',
  'Arjun',
  'Kavya',
]
const LAST_NAMES = ['Sharma', 'Iyer', 'Patel', 'Reddy', 'Gupta', 'Nair', 'Singh', 'Das']

const SPACING = 40 * MINUTE

/** The contact IDs of seeded batches: `C000001`, `C000002`, ... */
export function seededExternalId(index: number): string {
  return `C${String(index + 1).padStart(6, '0')}`
}

export function seededCallIndex(externalId: string): number | undefined {
  const digits = /^C(\d{6,})$/.exec(externalId)?.[1]
  return digits === undefined ? undefined : Number(digits) - 1
}

export interface TechladderBatchRecord {
  readonly detail: CallBatchDetail
  readonly seededIndex?: number
  /** Created batches: the contacts sent in the request, after de-duplication. */
  readonly contacts?: readonly CreateCallBatchContactInput[]
}

interface Agent {
  readonly id: string
  readonly name: string
  readonly versionId: string
}

/** The fields of a list item, without the detail-only ones. */
export function listItem(detail: CallBatchDetail): CallBatch {
  return {
    schedule_id: detail.schedule_id,
    agent_id: detail.agent_id,
    agent_name: detail.agent_name,
    version_id: detail.version_id,
    status: detail.status,
    start_mode: detail.start_mode,
    total_contacts: detail.total_contacts,
    completed_contacts: detail.completed_contacts,
    failed_contacts: detail.failed_contacts,
    scheduled_at: detail.scheduled_at,
    created_at: detail.created_at,
  }
}

/** Generates the seeded batches and calls of one Techladder mock. */
export class TechladderData {
  readonly agents: readonly Agent[]
  readonly collection: LazyCollection<TechladderBatchRecord>
  readonly #settings: ProviderSettings
  readonly #ids: ScrambledIds
  readonly #pattern: readonly CallBatchStatus[]

  constructor(settings: ProviderSettings) {
    this.#settings = settings
    const { seed } = settings
    const ids =
      settings.agentIds ??
      [0, 1, 2].map((index) => `agt-${hex(hash32(seed, salt.techladder, salt.agent, index), 8)}`)
    if (ids.length === 0) throw new TypeError('agentIds must not be empty')
    this.agents = ids.map((id, index) => ({
      id,
      name: AGENT_NAMES[index % AGENT_NAMES.length] as string,
      versionId: `pmt-${hexFrom(10, seed, salt.version, index)}`,
    }))
    if (settings.batches >= 2 ** 31) throw new RangeError('Too many seeded batches')
    this.#ids = new ScrambledIds('sched_', hash32(seed, salt.techladder, salt.batchId), settings.batches)
    this.#pattern = shuffled(STATUS_PATTERN, seed, salt.statusPattern)
    const period = lcm(STATUS_PATTERN.length, this.agents.length)
    this.collection = new LazyCollection({
      baseCount: settings.batches,
      period,
      generate: (index) => ({ detail: this.#seededBatch(index), seededIndex: index }),
    })
  }

  reset(): void {
    this.collection.reset()
    this.#ids.reset()
  }

  batchId(index: number): string {
    return this.#ids.of(index)
  }

  /** The seeded index behind a `sched_` ID; undefined when it is not one. */
  seededIndex(batchId: string): number | undefined {
    return this.#ids.seededIndex(batchId)
  }

  newBatchId(): string {
    return this.#ids.next()
  }

  agentName(agentId: string): string {
    return this.agents.find((agent) => agent.id === agentId)?.name ?? 'Untitled Agent'
  }

  #counts(status: CallBatchStatus, index: number): { completed: number; failed: number } {
    const total = this.#settings.callsPerBatch
    const share = unit(hash32(this.#settings.seed, salt.call, index))
    const someFailed = (of: number) => Math.min(of, total >= 5 ? Math.max(1, Math.floor(of * 0.15)) : 0)
    switch (status) {
      case 'pending':
        return { completed: 0, failed: 0 }
      case 'active': {
        const done = Math.min(total - 1, Math.floor(total * (0.2 + share * 0.5)))
        const failed = someFailed(Math.max(0, done))
        return { completed: Math.max(0, done) - failed, failed }
      }
      case 'completed': {
        const failed = someFailed(total)
        return { completed: total - failed, failed }
      }
      case 'failed': {
        const failed = Math.min(total, Math.max(1, Math.floor(total * 0.3)))
        return { completed: Math.floor((total - failed) * share * 0.5), failed }
      }
      case 'cancelled': {
        const completed = Math.floor(total * (0.1 + share * 0.4))
        return { completed, failed: Math.min(total - completed, total >= 5 ? 1 : 0) }
      }
    }
  }

  #seededBatch(index: number): CallBatchDetail {
    const { anchor, seed, callsPerBatch } = this.#settings
    const random = (part: number) => hash32(seed, salt.batch, index, part)
    const status = this.#pattern[index % this.#pattern.length] as CallBatchStatus
    const agent = this.agents[index % this.agents.length] as Agent
    const created = anchor - (index + 1) * SPACING + Math.floor((unit(random(1)) * SPACING) / 2)
    const startMode: StartMode =
      status === 'pending'
        ? pick<StartMode>(['scheduled', 'manual'], random(2))
        : pick<StartMode>(['immediate', 'manual', 'scheduled'], random(2))
    let scheduledAt: number | null = null
    if (startMode === 'scheduled') {
      scheduledAt = status === 'pending' ? anchor + between(random(3), 1, 96) * HOUR : created + 5 * MINUTE
    }
    const startedAt = status === 'pending' ? null : (scheduledAt ?? created + 2 * MINUTE)
    const { completed, failed } = this.#counts(status, index)
    return {
      schedule_id: this.batchId(index),
      agent_id: agent.id,
      agent_name: agent.name,
      version_id: agent.versionId,
      status,
      start_mode: startMode,
      total_contacts: callsPerBatch,
      completed_contacts: completed,
      failed_contacts: failed,
      scheduled_at: scheduledAt === null ? null : iso(scheduledAt),
      created_at: iso(created),
      voice: random(4) % 5 === 0 ? null : pick(VOICES, random(5)),
      did_number: `9180${String(between(random(6), 10_000_000, 99_999_999))}`,
      pending_contacts: callsPerBatch - completed - failed,
      concurrency: between(random(7), 1, 10),
      recording_enabled: random(8) % 6 !== 0,
      started_at: startedAt === null ? null : iso(startedAt),
      updated_at: iso(startedAt === null ? created : startedAt + 7 * MINUTE),
    }
  }

  /** The calls of a seeded batch, in runs of one status. */
  seededCallSegments(record: TechladderBatchRecord): Segment<string>[] {
    const { detail } = record
    const rest = detail.total_contacts - detail.completed_contacts - detail.failed_contacts
    const inProgress = detail.status === 'active' ? Math.min(1, rest) : 0
    const restStatus: Record<CallBatchStatus, string> = {
      pending: 'pending',
      active: 'queued',
      completed: 'pending',
      failed: 'pending',
      cancelled: 'cancelled',
    }
    return [
      { value: 'completed', count: detail.completed_contacts },
      { value: 'failed', count: detail.failed_contacts },
      { value: 'in_progress', count: inProgress },
      { value: restStatus[detail.status], count: rest - inProgress },
    ]
  }

  seededCall(record: TechladderBatchRecord, index: number, status: string): BatchCall {
    const { seed } = this.#settings
    const batchIndex = record.seededIndex ?? 0
    const random = (part: number) => hash32(seed, salt.call, batchIndex, index, part)
    const placed = status === 'completed' || status === 'failed' || status === 'in_progress'
    const startedAt = Date.parse(record.detail.started_at ?? record.detail.created_at) + index * 3 * MINUTE
    const duration = status === 'completed' ? between(random(1), 20, 420) : status === 'failed' ? 0 : null
    return {
      call_id: placed ? `call_${hexFrom(12, seed, salt.call, batchIndex, index)}` : null,
      external_id: seededExternalId(index),
      phone_number: `91${between(random(2), 6, 9)}${String(between(random(3), 100_000_000, 999_999_999))}`,
      name: `${pick(FIRST_NAMES, random(4))} ${pick(LAST_NAMES, random(5))}`,
      status,
      duration_seconds: duration,
      started_at: placed ? iso(startedAt) : null,
      ended_at: duration === null ? null : iso(startedAt + duration * 1000),
      metadata: random(6) % 3 === 0 ? null : { source: pick(['crm', 'csv_upload', 'api'], random(7)) },
    }
  }
}

function lcm(a: number, b: number): number {
  const gcd = (x: number, y: number): number => (y === 0 ? x : gcd(y, x % y))
  return (a / gcd(a, b)) * b
}
