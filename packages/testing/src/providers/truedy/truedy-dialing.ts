import type { BatchCallContact, CreateBatchCallContactInput } from '@voicebatch/truedy-types'
import { hexFrom, salt } from '../../internal/deterministic.js'
import { DialedBatch, type DialedCall, type DialSnapshot } from '../../internal/dialed-batch.js'
import { iso, type ProviderSettings } from '../shared/provider-settings.js'
import type { TruedyBatch } from './truedy-data.js'

/** Failed calls take turns being voicemail, no answer and other failures, as the batch counters split them. */
const FAILURES = ['voicemail', 'no_answer', 'failed'] as const

/** A new batch's dialing: `active` starts now, `scheduled` at `scheduled_at`, a draft when it is scheduled. */
export function dialTruedyBatch(
  settings: ProviderSettings,
  batch: TruedyBatch,
  created: number,
): DialedBatch {
  const startsAt =
    batch.status === 'active'
      ? Date.parse(batch.created_at)
      : batch.status === 'scheduled' && batch.scheduled_at != null
        ? Date.parse(batch.scheduled_at)
        : null
  return new DialedBatch({
    calls: batch.total_contacts ?? 0,
    pace: settings.dialing,
    startsAt,
    seed: [settings.seed, salt.truedy, created],
  })
}

/** The batch as its calls stand: scheduled becomes active when it starts, completed when every contact was called. */
export function dialedTruedyBatch(batch: TruedyBatch, snapshot: DialSnapshot): TruedyBatch {
  const { counts, calls } = snapshot
  const failures = calls.filter((call) => call.state === 'failed')
  const kind = (name: (typeof FAILURES)[number]) =>
    failures.filter((call) => FAILURES[call.plan.reason % FAILURES.length] === name).length
  const ended = calls.filter((call) => call.state === 'succeeded')
  const seconds = ended.reduce((sum, call) => sum + ((call.endedAt ?? 0) - (call.startedAt ?? 0)) / 1000, 0)
  const average = ended.length === 0 ? 0 : Math.round(seconds / ended.length)
  let { status } = batch
  if (status === 'scheduled' && snapshot.started) status = 'active'
  if ((status === 'active' || status === 'running') && snapshot.finished) status = 'completed'
  const events = calls.flatMap((call) => [call.startedAt ?? 0, call.endedAt ?? 0])
  const lastEvent = Math.max(0, ...events)
  return {
    ...batch,
    status,
    completed_contacts: counts.succeeded + counts.failed,
    successful_contacts: counts.succeeded,
    failed_contacts: counts.failed,
    voicemail_contacts: kind('voicemail'),
    no_answer_contacts: kind('no_answer'),
    average_duration_seconds: average,
    total_cost_usd: Math.round((seconds / 60) * 0.09 * 100) / 100,
    updated_at:
      lastEvent > Date.parse(batch.updated_at ?? batch.created_at)
        ? iso(lastEvent)
        : (batch.updated_at ?? null),
  }
}

/** A created contact at the snapshot's time. */
export function dialedTruedyContact(
  settings: ProviderSettings,
  batch: TruedyBatch,
  contact: CreateBatchCallContactInput,
  call: DialedCall,
  index: number,
): BatchCallContact {
  const key = Number.parseInt(batch.id.slice(-8), 16)
  const status =
    call.state === 'failed'
      ? FAILURES[call.plan.reason % FAILURES.length]
      : {
          waiting: 'pending',
          queued: 'queued',
          in_progress: 'in_progress',
          succeeded: 'completed',
          expired: 'failed',
        }[call.state]
  return {
    contact_id: `cnt_${hexFrom(10, settings.seed, salt.name, key, index, 1)}`,
    phone_number: contact.phone_number,
    first_name: contact.first_name ?? null,
    call_status: status as string,
    call_id: call.startedAt === null ? null : `call_${hexFrom(12, settings.seed, salt.truedy, key, index)}`,
    called_at: call.startedAt === null ? null : iso(call.startedAt),
  }
}
