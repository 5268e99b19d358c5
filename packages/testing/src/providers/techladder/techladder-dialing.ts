import type { BatchCall, CallBatchDetail, CreateCallBatchContactInput } from '@voicebatch/techladder-types'
import { hexFrom, salt } from '../../internal/deterministic.js'
import { DialedBatch, type DialedCall, type DialSnapshot } from '../../internal/dialed-batch.js'
import { iso, type ProviderSettings } from '../shared/provider-settings.js'

/**
 * A new batch's dialing: `immediate` starts now, `scheduled` at its start time, `manual` never
 * (it is started from Techladder's dashboard, which no API reaches). Its own `concurrency` counts.
 */
export function dialTechladderBatch(
  settings: ProviderSettings,
  detail: CallBatchDetail,
  created: number,
): DialedBatch {
  const startsAt =
    detail.start_mode === 'immediate'
      ? Date.parse(detail.created_at)
      : detail.start_mode === 'scheduled' && detail.scheduled_at != null
        ? Date.parse(detail.scheduled_at)
        : null
  return new DialedBatch({
    calls: detail.total_contacts,
    pace: settings.dialing,
    concurrency: detail.concurrency ?? undefined,
    startsAt,
    seed: [settings.seed, salt.techladder, created],
  })
}

/** The batch as its calls stand: pending, then active, then completed (failed when every call failed). */
export function dialedTechladderBatch(
  detail: CallBatchDetail,
  snapshot: DialSnapshot,
  dialed: DialedBatch,
): CallBatchDetail {
  const { counts } = snapshot
  const startsAt = dialed.timeline.startsAt
  const events = snapshot.calls.flatMap((call) => [call.startedAt ?? 0, call.endedAt ?? 0])
  const lastEvent = Math.max(Date.parse(detail.created_at), snapshot.started ? (startsAt ?? 0) : 0, ...events)
  return {
    ...detail,
    status: snapshot.finished
      ? counts.succeeded === 0 && counts.failed > 0
        ? 'failed'
        : 'completed'
      : snapshot.started
        ? 'active'
        : 'pending',
    completed_contacts: counts.succeeded,
    failed_contacts: counts.failed,
    pending_contacts: detail.total_contacts - counts.succeeded - counts.failed,
    started_at: snapshot.started && startsAt !== null ? iso(startsAt) : null,
    updated_at: iso(lastEvent),
  }
}

/** A created contact's call at the snapshot's time. */
export function dialedTechladderCall(
  settings: ProviderSettings,
  detail: CallBatchDetail,
  contact: CreateCallBatchContactInput,
  call: DialedCall,
  index: number,
): BatchCall {
  const status = {
    waiting: 'pending',
    queued: 'queued',
    in_progress: 'in_progress',
    succeeded: 'completed',
    failed: 'failed',
    expired: 'failed',
  }[call.state]
  const placed = call.startedAt !== null
  return {
    call_id: placed
      ? `call_${hexFrom(12, settings.seed, salt.techladder, Number.parseInt(detail.schedule_id.slice(-8), 16), index)}`
      : null,
    external_id: contact.contact_id,
    phone_number: contact.phone_number,
    name: contact.name ?? null,
    status,
    duration_seconds:
      call.endedAt !== null && call.startedAt !== null
        ? call.state === 'failed'
          ? 0
          : Math.round((call.endedAt - call.startedAt) / 1000)
        : null,
    started_at: call.startedAt === null ? null : iso(call.startedAt),
    ended_at: call.endedAt === null ? null : iso(call.endedAt),
    metadata: contact.metadata ?? null,
  }
}
