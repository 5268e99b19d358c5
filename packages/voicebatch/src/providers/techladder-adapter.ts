import {
  createTechladderClient,
  type TechladderClient,
  type TechladderClientOptions,
} from '@voicebatch/techladder'
import { mapPageIterator } from '../map-page-iterator.js'
import { concatAsyncIterables } from '../merge-iterators.js'
import { isProviderClient, type ProviderAdapter } from '../provider-adapter.js'
import { unwrapWithResponse, withRequestIds } from '../request-ids.js'
import { requireBatch, requireBody } from '../require-batch.js'
import { pushableStatuses } from '../status-table.js'
import { normalizeTechladderBatch, normalizeTechladderCall } from './normalize-techladder.js'
import { signalInit } from './signal-init.js'
import { techladderCapabilities } from './techladder-capabilities.js'
import { techladderCreateBody } from './techladder-create.js'
import { techladderServerStatuses } from './techladder-status.js'

/**
 * Techladder for `createVoiceBatchFrom`: a client created from `options` (a missing key throws
 * here), or the client given. The status and agent filters go to the server.
 */
export function techladderAdapter(
  options?: TechladderClientOptions | TechladderClient,
): ProviderAdapter<'techladder'> {
  const client = isProviderClient(options) ? (options as TechladderClient) : createTechladderClient(options)
  return {
    provider: 'techladder',
    client,
    batchSources({ statuses, agentId }) {
      const pushed = pushableStatuses(statuses)
      const serverStatuses = pushed === undefined ? [undefined] : techladderServerStatuses(pushed)
      if (serverStatuses.length === 0) return []
      const agent = agentId === undefined ? {} : { agent_id: agentId }
      return [
        {
          agentId: null,
          exact: statuses === undefined || pushed !== undefined,
          open: (options) =>
            concatAsyncIterables(
              serverStatuses.map((status) =>
                mapPageIterator(
                  client.paginate(
                    '/call-batches',
                    { params: { query: { ...agent, ...(status === undefined ? {} : { status }) } } },
                    options,
                  ),
                  (batch) => normalizeTechladderBatch(batch),
                ).pages(),
              ),
            ),
        },
      ]
    },
    async getBatch(location, options) {
      return (await this.readBatch(location, options)).batch
    },
    async readBatch({ id }, { signal }) {
      const result = await client.GET('/call-batches/{batch_id}', {
        params: { path: { batch_id: id } },
        ...signalInit(signal),
      })
      // A 2xx without a batch (empty, null, no data, no id): InvalidResponseError naming what is missing.
      const data = await client.unwrapShape(result, (body) =>
        requireBatch(requireBody(body).data, 'data', 'schedule_id'),
      )
      const { response } = result
      return { batch: withRequestIds(normalizeTechladderBatch(data as never), [response]), response }
    },
    capabilities: techladderCapabilities,
    // Techladder: 1..100 on the batch list.
    maxPageSize: 100,
    finishedCalls: ({ completedCalls, failedCalls }) =>
      completedCalls === null ? null : completedCalls + (failedCalls ?? 0),
    async createBatch(input, { signal }) {
      const body = techladderCreateBody(input)
      const { data: created, response } = await unwrapWithResponse(
        client,
        client.POST('/call-batches', { body, ...signalInit(signal) }),
      )
      return withRequestIds(normalizeTechladderBatch(created.data), [response])
    },
    listCalls({ id }, options) {
      const calls = client.paginate(
        '/call-batches/{batch_id}/calls',
        { params: { path: { batch_id: id } } },
        options,
      )
      return mapPageIterator(calls, (call) => normalizeTechladderCall(call, { batchId: id }))
    },
  }
}
