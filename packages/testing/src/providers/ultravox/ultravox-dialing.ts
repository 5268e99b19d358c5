import type { ScheduledCall, ScheduledCallBatch, ScheduledCallInput } from '@voicebatch/ultravox-types'
import { salt, uuidFrom } from '../../internal/deterministic.js'
import { DialedBatch, type DialedCall, type DialSnapshot } from '../../internal/dialed-batch.js'
import { iso, type ProviderSettings } from '../shared/provider-settings.js'

const CALL_ERRORS = [
  'The destination number is not reachable.',
  'Twilio rejected the call: the number is not a valid phone number.',
  'The call could not be created: the line was busy.',
]

/** A new batch's dialing: from its window's start (or now), until its window ends, paused if created so. */
export function dialUltravoxBatch(
  settings: ProviderSettings,
  batch: ScheduledCallBatch,
  created: number,
  now: Date,
): DialedBatch {
  const windowStart = batch.windowStart == null ? now.getTime() : Date.parse(batch.windowStart)
  return new DialedBatch({
    calls: batch.totalCount,
    pace: settings.dialing,
    startsAt: Math.max(windowStart, now.getTime()),
    closesAt: batch.windowEnd == null ? null : Date.parse(batch.windowEnd),
    paused: batch.paused === true,
    seed: [settings.seed, salt.ultravox, created],
  })
}

/**
 * The batch as its calls stand: `completedCount` counts calls created (SUCCESS) or errored, and
 * `endedAt` is set once none is left to place (the window closing expires the rest).
 */
export function dialedUltravoxBatch(batch: ScheduledCallBatch, snapshot: DialSnapshot): ScheduledCallBatch {
  const { counts } = snapshot
  return {
    ...batch,
    completedCount: counts.succeeded + counts.failed,
    endedAt: snapshot.endedAt === null ? null : iso(snapshot.endedAt),
  }
}

/** A created call as the scheduled-calls list shows it at the snapshot's time. */
export function dialedUltravoxCall(
  settings: ProviderSettings,
  batch: ScheduledCallBatch,
  input: ScheduledCallInput,
  call: DialedCall,
  index: number,
): ScheduledCall {
  const status =
    call.state === 'in_progress'
      ? 'PENDING'
      : call.state === 'succeeded'
        ? 'SUCCESS'
        : call.state === 'failed'
          ? 'ERROR'
          : call.state === 'expired'
            ? 'EXPIRED'
            : 'FUTURE'
  return {
    status,
    batchId: batch.batchId,
    callId:
      status === 'SUCCESS'
        ? uuidFrom(settings.seed, salt.call, Number.parseInt(batch.batchId.slice(-8), 16), index)
        : null,
    error: status === 'ERROR' ? (CALL_ERRORS[call.plan.reason % CALL_ERRORS.length] as string) : null,
    medium: input.medium ?? null,
    metadata: input.metadata ?? null,
    templateContext: input.templateContext ?? null,
    experimentalSettings: input.experimentalSettings ?? null,
  }
}
