import { createTruedyClient, type TruedyClient, type TruedyClientOptions } from '@voicebatch/truedy'
import { mapPageIterator } from '../map-page-iterator.js'
import { concatAsyncIterables } from '../merge-iterators.js'
import { isProviderClient, type ProviderAdapter } from '../provider-adapter.js'
import { withRequestIds } from '../request-ids.js'
import { requireBatch, requireBody } from '../require-batch.js'
import { pushableStatuses } from '../status-table.js'
import { normalizeTruedyBatch, normalizeTruedyCall } from './normalize-truedy.js'
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
    async getBatch({ id }, { signal }) {
      const result = await client.GET('/batch-calls/{batch_call_id}', {
        params: { path: { batch_call_id: id } },
        ...(signal === undefined ? {} : { signal }),
      })
      const data = await client.unwrapShape(result, (body) =>
        requireBatch(requireBody(body).data, 'data', 'id'),
      )
      return withRequestIds(normalizeTruedyBatch(data as never), [result.response])
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
