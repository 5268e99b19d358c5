import { describe, expect, it } from 'vitest'
import { NotFoundError, type Provider, UnsupportedOperationError } from '../src/index.js'
import { campaignFacade, createInputs, posts, useDialingServers } from './support/campaign-servers.js'
import type { MockServers } from './support/mock-servers.js'

let servers: MockServers
useDialingServers((started) => {
  servers = started.servers
})

describe('pause, resume and delete through each provider endpoint', () => {
  it('ultravox: PATCH paused, DELETE', async () => {
    const vb = campaignFacade(servers)
    const batch = await vb.createBatch(createInputs(2).ultravox)
    expect((await vb.pauseBatch({ provider: 'ultravox', id: batch.id })).status).toBe('paused')
    expect((await vb.resumeBatch({ provider: 'ultravox', id: batch.id })).status).toBe('running')
    await vb.deleteBatch({ provider: 'ultravox', id: batch.id })
    const sent = posts(servers.ultravox).map((request) => [request.method, request.body])
    expect(sent.slice(1)).toEqual([
      ['PATCH', { paused: true }],
      ['PATCH', { paused: false }],
      ['DELETE', undefined],
    ])
    await expect(vb.getBatch({ provider: 'ultravox', id: batch.id })).rejects.toSatisfy(
      NotFoundError.isInstance,
    )
  })

  it('truedy: POST pause, resume (201), bulk-delete; an unknown ID is NotFoundError', async () => {
    const vb = campaignFacade(servers)
    const batch = await vb.createBatch(createInputs(2).truedy)
    expect((await vb.pauseBatch({ provider: 'truedy', id: batch.id })).status).toBe('paused')
    expect((await vb.resumeBatch({ provider: 'truedy', id: batch.id })).status).toBe('running')
    await vb.deleteBatch({ provider: 'truedy', id: batch.id })
    expect(posts(servers.truedy).map((request) => request.path.split('/').slice(-1)[0])).toEqual([
      'batch-calls',
      'pause',
      'resume',
      'bulk-delete',
    ])
    await expect(vb.deleteBatch({ provider: 'truedy', id: batch.id })).rejects.toSatisfy(
      NotFoundError.isInstance,
    )
  })
})

describe('operations a provider lacks', () => {
  it('throw UnsupportedOperationError before any request', async () => {
    const vb = campaignFacade(servers)
    const runtime = (provider: Provider) => ({ provider, id: 'sched_00000000' })
    const attempts: Array<[string, () => Promise<unknown>]> = [
      ['techladder pause', () => vb.pauseBatch(runtime('techladder'))],
      ['techladder resume', () => vb.resumeBatch(runtime('techladder'))],
      ['techladder delete', () => vb.deleteBatch(runtime('techladder'))],
      ...(['ultravox', 'techladder', 'truedy'] as const).map((provider): [string, () => Promise<unknown>] => [
        `${provider} cancel`,
        () => vb.cancelBatch(runtime(provider)),
      ]),
    ]
    for (const [name, attempt] of attempts) {
      const error = await attempt().catch((caught: unknown) => caught)
      expect(UnsupportedOperationError.isInstance(error), name).toBe(true)
      expect((error as UnsupportedOperationError).message).toContain("See vb.capabilities('")
    }
    for (const server of Object.values(servers)) expect(server.requests).toEqual([])
  })

  it('capabilities say so in advance', () => {
    const vb = campaignFacade(servers)
    expect(vb.capabilities('techladder')).toMatchObject({
      create: true,
      pause: false,
      delete: false,
      maxContacts: 10_000,
    })
    expect(vb.capabilities('truedy')).toMatchObject({
      pause: true,
      resume: true,
      delete: true,
      schedule: true,
      idempotencyKey: true,
    })
    expect(vb.capabilities('ultravox')).toMatchObject({
      pause: true,
      delete: true,
      cancel: false,
      scheduleEnd: true,
    })
  })
})
