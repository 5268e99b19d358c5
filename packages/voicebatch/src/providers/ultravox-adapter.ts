import { ConfigurationError } from '@voicebatch/core'
import { createUltravoxClient, type UltravoxClient } from '@voicebatch/ultravox'
import type { CallBatch } from '../call-batch.js'
import { mapPageIterator } from '../map-page-iterator.js'
import {
  type BatchLocation,
  isProviderClient,
  type ProviderAdapter,
  type RequestOptions,
} from '../provider-adapter.js'
import { unwrapWithResponse, withRequestIds } from '../request-ids.js'
import { requireBatch, requireBody } from '../require-batch.js'
import { pushableStatuses } from '../status-table.js'
import type { UltravoxConfig } from '../voicebatch-config.js'
import { normalizeUltravoxBatch, normalizeUltravoxCall } from './normalize-ultravox.js'
import { signalInit } from './signal-init.js'
import { ultravoxCapabilities } from './ultravox-capabilities.js'
import { ultravoxCreateBody } from './ultravox-create.js'
import { ultravoxDerivedStatuses } from './ultravox-status.js'

/** Options of `ultravoxAdapter` besides the client's own. */
export interface UltravoxAdapterOptions {
  /** The agents whose batches `listBatches` lists (Ultravox lists batches per agent). */
  agentIds?: readonly string[] | undefined
}

/**
 * Ultravox for `createVoiceBatchFrom`: a client created from `config` (a missing key throws
 * here), or the client given, with the agents to list. Ultravox lists batches per agent and its
 * list takes no filter: statuses are checked locally, and `agentId` lists that agent instead.
 */
export function ultravoxAdapter(config?: UltravoxConfig): ProviderAdapter<'ultravox'>
export function ultravoxAdapter(
  client: UltravoxClient,
  options?: UltravoxAdapterOptions,
): ProviderAdapter<'ultravox'>
export function ultravoxAdapter(
  configOrClient: UltravoxConfig | UltravoxClient = {},
  options: UltravoxAdapterOptions = {},
): ProviderAdapter<'ultravox'> {
  let client: UltravoxClient
  let agentIds: readonly string[]
  if (isProviderClient(configOrClient)) {
    client = configOrClient as UltravoxClient
    agentIds = checkAgentIds(options.agentIds)
  } else {
    const { agentIds: configured, ...clientOptions } = configOrClient as UltravoxConfig
    agentIds = checkAgentIds(configured)
    client = createUltravoxClient(clientOptions)
  }

  /** The agent a batch belongs to: the one given, else the only configured one. */
  const agentOf = (agentId: string | undefined): string => {
    if (agentId !== undefined) {
      if (typeof agentId !== 'string' || agentId === '') {
        throw new ConfigurationError('Invalid agentId: expected a non-empty string.')
      }
      return agentId
    }
    const [only, ...others] = agentIds
    if (only !== undefined && others.length === 0) return only
    throw new ConfigurationError(
      agentIds.length === 0
        ? 'ultravox batches belong to an agent: pass { agentId }, or configure { ultravox: { agentIds } } with one agent.'
        : `ultravox batches belong to an agent and ${agentIds.length} are configured: pass { agentId }.`,
    )
  }

  /** Ultravox pauses and resumes by PATCH `{ paused }`. */
  const setPaused = async (
    { id, agentId }: BatchLocation,
    paused: boolean,
    { signal }: RequestOptions,
  ): Promise<CallBatch<'ultravox'>> => {
    const agent = agentOf(agentId)
    const { data: batch, response } = await unwrapWithResponse(
      client,
      client.PATCH('/api/agents/{agent_id}/scheduled_batches/{batch_id}', {
        params: { path: { agent_id: agent, batch_id: id } },
        body: { paused },
        ...signalInit(signal),
      }),
    )
    return withRequestIds(normalizeUltravoxBatch(batch, { agentId: agent }), [response])
  }

  return {
    provider: 'ultravox',
    client,
    batchSources({ statuses, agentId }) {
      const agents = agentId === undefined ? agentIds : [agentId]
      if (agents.length === 0) {
        throw new ConfigurationError(
          'ultravox lists batches per agent: configure { ultravox: { agentIds } } in createVoiceBatch (or ultravoxAdapter({ agentIds })) or pass { agentId } to listBatches.',
        )
      }
      const pushed = pushableStatuses(statuses)
      if (pushed !== undefined && !ultravoxDerivedStatuses.some((status) => pushed.has(status))) return []
      return agents.map((agent) => ({
        agentId: agent,
        exact: statuses === undefined,
        open: (options) =>
          mapPageIterator(
            client.paginate(
              '/api/agents/{agent_id}/scheduled_batches',
              { params: { path: { agent_id: agent } } },
              options,
            ),
            (batch) => normalizeUltravoxBatch(batch, { agentId: agent }),
          ).pages(),
      }))
    },
    async getBatch(location, options) {
      return (await this.readBatch(location, options)).batch
    },
    async readBatch({ id, agentId }, { signal }) {
      const agent = agentOf(agentId)
      const result = await client.GET('/api/agents/{agent_id}/scheduled_batches/{batch_id}', {
        params: { path: { agent_id: agent, batch_id: id } },
        ...signalInit(signal),
      })
      // A 2xx without a batch (empty, null, no id): InvalidResponseError naming what is missing.
      const data = await client.unwrapShape(result, (body) =>
        requireBatch(requireBody(body), 'the body', 'batchId'),
      )
      const { response } = result
      return {
        batch: withRequestIds(normalizeUltravoxBatch(data as never, { agentId: agent }), [response]),
        response,
      }
    },
    capabilities: ultravoxCapabilities,
    // Ultravox documents no maximum: a server that serves fewer still pages on with its cursor.
    maxPageSize: 1000,
    finishedCalls: (batch) => batch.completedCalls,
    async createBatch(input, { signal }) {
      const agent = agentOf(input.agentId)
      const body = ultravoxCreateBody(input)
      // No idempotency key: a POST is never retried, so a batch is never created twice.
      const { data: batch, response } = await unwrapWithResponse(
        client,
        client.POST('/api/agents/{agent_id}/scheduled_batches', {
          params: { path: { agent_id: agent } },
          body,
          ...signalInit(signal),
        }),
      )
      return withRequestIds(normalizeUltravoxBatch(batch, { agentId: agent }), [response])
    },
    pauseBatch: (location, options) => setPaused(location, true, options),
    resumeBatch: (location, options) => setPaused(location, false, options),
    async deleteBatch({ id, agentId }, { signal }) {
      await client.unwrap(
        client.DELETE('/api/agents/{agent_id}/scheduled_batches/{batch_id}', {
          params: { path: { agent_id: agentOf(agentId), batch_id: id } },
          ...signalInit(signal),
        }),
      )
    },
    listCalls({ id, agentId }, options) {
      const calls = client.paginate(
        '/api/agents/{agent_id}/scheduled_batches/{batch_id}/scheduled_calls',
        { params: { path: { agent_id: agentOf(agentId), batch_id: id } } },
        options,
      )
      return mapPageIterator(calls, (call) => normalizeUltravoxCall(call, { batchId: id }))
    },
  }
}

function checkAgentIds(agentIds: unknown): readonly string[] {
  if (agentIds === undefined) return []
  if (!Array.isArray(agentIds) || agentIds.some((agentId) => typeof agentId !== 'string' || agentId === '')) {
    throw new ConfigurationError('Invalid ultravox agentIds: expected an array of non-empty strings.')
  }
  return Object.freeze([...new Set(agentIds as string[])])
}
