import { createApiError } from '@voicebatch/core'
import { createTruedyClient, type TruedyClient, type TruedyClientOptions } from '@voicebatch/truedy'
import { mapPageIterator } from '../map-page-iterator.js'
import { concatAsyncIterables } from '../merge-iterators.js'
import { isProviderClient, type ProviderAdapter } from '../provider-adapter.js'
import { unwrapWithResponse, withRequestIds } from '../request-ids.js'
import { requireBatch, requireBody } from '../require-batch.js'
import { pushableStatuses } from '../status-table.js'
import { normalizeTruedyBatch, normalizeTruedyCall } from './normalize-truedy.js'
import { signalInit } from './signal-init.js'
import { truedyCapabilities } from './truedy-capabilities.js'
import { truedyCreateBody } from './truedy-create.js'
import { truedyServerStatuses } from './truedy-status.js'

/**
 * Truedy for `createVoiceBatchFrom`: a client created from `options` (a missing key throws here),
 * or the client given. The status filter goes to the server, the agent filter is local.
 */
export function truedyAdapter(options?: TruedyClientOptions | TruedyClient): ProviderAdapter<'truedy'> {
  const client = isProviderClient(options) ? (options as TruedyClient) : createTruedyClient(options)
  return {
    provider: 'truedy',
    client,
    batchSources({ statuses, agentId }) {
      const pushed = pushableStatuses(statuses)
      const serverStatuses = pushed === undefined ? [undefined] : truedyServerStatuses(pushed)
      if (serverStatuses.length === 0) return []
      return [
        {
          agentId: null,
          exact: (statuses === undefined || pushed !== undefined) && agentId === undefined,
          open: (options) =>
            concatAsyncIterables(
              serverStatuses.map((status) =>
                mapPageIterator(
                  client.paginate(
                    '/batch-calls',
                    { params: { query: status === undefined ? {} : { status } } },
                    options,
                  ),
                  (batch) => normalizeTruedyBatch(batch),
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
      const result = await client.GET('/batch-calls/{batch_call_id}', {
        params: { path: { batch_call_id: id } },
        ...signalInit(signal),
      })
      // A 2xx without a batch (empty, null, no data, no id): InvalidResponseError naming what is missing.
      const data = await client.unwrapShape(result, (body) =>
        requireBatch(requireBody(body).data, 'data', 'id'),
      )
      const { response } = result
      return { batch: withRequestIds(normalizeTruedyBatch(data as never), [response]), response }
    },
    capabilities: truedyCapabilities,
    // Truedy: 1..100.
    maxPageSize: 100,
    // Truedy's completed_contacts counts every contact called, failed ones included.
    finishedCalls: (batch) => batch.completedCalls,
    async createBatch(input, { signal }) {
      const body = truedyCreateBody(input)
      // The same key on every attempt: the client retries this POST, and Truedy creates one batch.
      const key = input.idempotencyKey ?? globalThis.crypto.randomUUID()
      const { data: envelope, response } = await unwrapWithResponse(
        client,
        client.POST('/batch-calls', { body, headers: { 'X-Idempotency-Key': key }, ...signalInit(signal) }),
      )
      return withRequestIds(normalizeTruedyBatch(envelope.data), [response])
    },
    async pauseBatch({ id }, { signal }) {
      const { data: envelope, response } = await unwrapWithResponse(
        client,
        client.POST('/batch-calls/{batch_call_id}/pause', {
          params: { path: { batch_call_id: id } },
          ...signalInit(signal),
        }),
      )
      return withRequestIds(normalizeTruedyBatch(envelope.data), [response])
    },
    async resumeBatch({ id }, { signal }) {
      // Truedy answers 201 here.
      const { data: envelope, response } = await unwrapWithResponse(
        client,
        client.POST('/batch-calls/{batch_call_id}/resume', {
          params: { path: { batch_call_id: id } },
          ...signalInit(signal),
        }),
      )
      return withRequestIds(normalizeTruedyBatch(envelope.data), [response])
    },
    async deleteBatch({ id }, { signal }) {
      const envelope = await client.unwrap(
        client.POST('/batch-calls/bulk-delete', { body: { ids: [id] }, ...signalInit(signal) }),
      )
      if (!envelope.data.deleted_ids.includes(id)) throw notDeleted(id)
    },
    listCalls({ id }, options) {
      const calls = client.paginate(
        '/batch-calls/{batch_call_id}/contacts',
        { params: { path: { batch_call_id: id } } },
        options,
      )
      return mapPageIterator(calls, (call) => normalizeTruedyCall(call, { batchId: id }))
    },
  }
}

/** Bulk delete answers 200 and lists an unknown ID in `failed_ids`: the facade says 404, like a GET would. */
function notDeleted(id: string): Error {
  return createApiError({
    provider: 'truedy',
    status: 404,
    code: 'not_found',
    message: `Batch call ${id} was not deleted (bulk-delete listed it in failed_ids)`,
    details: { failed_ids: [id] },
    requestId: null,
    headers: new Headers(),
    body: null,
  })
}
