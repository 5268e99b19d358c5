import { ConfigurationError, type Page, type PaginateOptions } from '@voicebatch/core'
import { techladderServerStatuses, truedyServerStatuses, ultravoxDerivedStatuses } from './batch-status.js'
import { type BatchStatus, batchStatuses, type CallBatch } from './call-batch.js'
import { type FacadeState, requireClient } from './facade-state.js'
import { concatAsyncIterables } from './merge-iterators.js'
import type { Provider } from './provider.js'

/** One stream of batch pages: a provider, or for Ultravox one agent. */
export interface BatchSource {
  provider: Provider
  agentId: string | null
  /** The server applied every filter: its totals hold and `limit` can be passed down. */
  exact: boolean
  /** The filter every normalized batch is checked against (always: servers may not filter as documented). */
  keep(batch: CallBatch): boolean
  open(options: PaginateOptions): AsyncIterable<Page<unknown>>
}

export interface BatchFilter {
  providers: readonly Provider[]
  statuses: ReadonlySet<BatchStatus> | undefined
  agentId: string | undefined
}

/**
 * The requests that list `filter`'s batches. Filters go to the server where its API takes them
 * (Techladder: status and agent; Truedy: status), one request per server status when several map
 * to the asked ones, none when no server status can match; the rest is filtered locally.
 */
export function planBatchSources(state: FacadeState, filter: BatchFilter): BatchSource[] {
  const { statuses, agentId } = filter
  const keep = (batch: CallBatch) =>
    (statuses === undefined || statuses.has(batch.status)) &&
    (agentId === undefined || batch.agentId === agentId)
  // `unknown` is anything outside the server's words: only a local filter can find it.
  const pushable = statuses !== undefined && !statuses.has('unknown')
  const sources: BatchSource[] = []

  for (const provider of filter.providers) {
    switch (provider) {
      case 'ultravox': {
        const client = requireClient(state, 'ultravox')
        const agentIds = agentId === undefined ? state.agentIds : [agentId]
        if (agentIds.length === 0) {
          throw new ConfigurationError(
            'ultravox lists batches per agent: configure { ultravox: { agentIds } } in createVoiceBatch or pass { agentId } to listBatches.',
          )
        }
        if (pushable && !ultravoxDerivedStatuses.some((status) => statuses.has(status))) break
        for (const agent of agentIds) {
          sources.push({
            provider,
            agentId: agent,
            exact: statuses === undefined,
            keep,
            open: (options) =>
              client
                .paginate(
                  '/api/agents/{agent_id}/scheduled_batches',
                  { params: { path: { agent_id: agent } } },
                  options,
                )
                .pages(),
          })
        }
        break
      }
      case 'techladder': {
        const client = requireClient(state, 'techladder')
        const serverStatuses = pushable ? techladderServerStatuses(statuses) : [undefined]
        if (serverStatuses.length === 0) break
        const agent = agentId === undefined ? {} : { agent_id: agentId }
        sources.push({
          provider,
          agentId: null,
          exact: statuses === undefined || pushable,
          keep,
          open: (options) =>
            concatAsyncIterables(
              serverStatuses.map((status) =>
                client
                  .paginate(
                    '/call-batches',
                    { params: { query: { ...agent, ...(status === undefined ? {} : { status }) } } },
                    options,
                  )
                  .pages(),
              ),
            ),
        })
        break
      }
      case 'truedy': {
        const client = requireClient(state, 'truedy')
        const serverStatuses = pushable ? truedyServerStatuses(statuses) : [undefined]
        if (serverStatuses.length === 0) break
        sources.push({
          provider,
          agentId: null,
          exact: (statuses === undefined || pushable) && agentId === undefined,
          keep,
          open: (options) =>
            concatAsyncIterables(
              serverStatuses.map((status) =>
                client
                  .paginate(
                    '/batch-calls',
                    { params: { query: status === undefined ? {} : { status } } },
                    options,
                  )
                  .pages(),
              ),
            ),
        })
        break
      }
      default:
        requireClient(state, provider)
    }
  }
  return sources
}

/** The `status` option as a set; a `ConfigurationError` for a word outside `BatchStatus`. */
export function statusSet(
  status: BatchStatus | readonly BatchStatus[] | undefined,
): Set<BatchStatus> | undefined {
  if (status === undefined) return undefined
  const list: readonly unknown[] = Array.isArray(status) ? status : [status]
  for (const value of list) {
    if (!batchStatuses.includes(value as BatchStatus)) {
      throw new ConfigurationError(
        `Invalid status ${JSON.stringify(value)}: expected one of ${batchStatuses.join(', ')}.`,
      )
    }
  }
  return new Set(list as BatchStatus[])
}
