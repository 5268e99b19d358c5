import { describe, expect, it } from 'vitest'
import {
  campaignFacade,
  createInputs,
  type FakeClock,
  useDialingServers,
} from './support/campaign-servers.js'
import type { MockServers } from './support/mock-servers.js'

let servers: MockServers
let clock: FakeClock
useDialingServers((started) => {
  ;({ servers, clock } = started)
})

describe('listCalls: normalized outcomes', () => {
  it('phone, times, duration and error where each provider gives them', async () => {
    const vb = campaignFacade(servers)
    const inputs = createInputs(4)
    const batches = await Promise.all([
      vb.createBatch(inputs.ultravox),
      vb.createBatch(inputs.techladder),
      vb.createBatch(inputs.truedy),
    ])
    clock.advance(10 * 60_000)
    const [ultravox, techladder, truedy] = await Promise.all(
      batches.map((batch) => vb.listCalls({ provider: batch.provider, batchId: batch.id }).toArray()),
    )
    const phones = inputs.truedy.contacts.map((contact) => contact.phone)
    for (const calls of [ultravox, techladder, truedy]) {
      expect(calls?.map((call) => call.phone)).toEqual(phones)
      expect(calls?.every((call) => call.status === 'completed' || call.status === 'failed')).toBe(true)
    }
    for (const call of ultravox ?? []) expect(call.error !== null).toBe(call.status === 'failed')
    for (const call of techladder ?? []) {
      expect(Date.parse(call.endedAt as string)).toBeGreaterThan(Date.parse(call.startedAt as string))
      expect(call.durationSeconds).toBeTypeOf('number')
    }
    for (const call of truedy ?? []) expect(call.startedAt).not.toBeNull()
  })
})
