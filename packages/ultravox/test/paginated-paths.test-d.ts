import type { PageIterator } from '@voicebatch/core'
import { describe, expectTypeOf, test } from 'vitest'
import { createUltravoxClient, type Invoice, type UltravoxPaginatedPath } from '../src/index.js'

/** Every GET of Ultravox's published document that answers a `Paginated…List` (cursor pagination). */
type PublishedPaginatedPaths =
  | '/api/accounts/me/billing/invoices'
  | '/api/agents'
  | '/api/agents/{agent_id}/calls'
  | '/api/agents/{agent_id}/scheduled_batches'
  | '/api/agents/{agent_id}/scheduled_batches/{batch_id}/created_calls'
  | '/api/agents/{agent_id}/scheduled_batches/{batch_id}/scheduled_calls'
  | '/api/api_keys'
  | '/api/call_throttles'
  | '/api/calls'
  | '/api/calls/{call_id}/events'
  | '/api/calls/{call_id}/messages'
  | '/api/calls/{call_id}/stages'
  | '/api/calls/{call_id}/stages/{call_stage_id}/messages'
  | '/api/corpora'
  | '/api/corpora/{corpus_id}/sources'
  | '/api/corpora/{corpus_id}/sources/{source_id}/documents'
  | '/api/deleted_calls'
  | '/api/models'
  | '/api/sip/registrations'
  | '/api/tools'
  | '/api/tools/{tool_id}/history'
  | '/api/voices'
  | '/api/webhooks'

const client = createUltravoxClient({ apiKey: 'k' })

describe('paginate on the whole Ultravox API', () => {
  test('accepts every paginated GET and nothing else', () => {
    expectTypeOf<UltravoxPaginatedPath>().toEqualTypeOf<PublishedPaginatedPaths>()
  })

  test('a page whose next/previous are readOnly (billing invoices) is paginated, items typed', () => {
    expectTypeOf(client.paginate('/api/accounts/me/billing/invoices')).toEqualTypeOf<PageIterator<Invoice>>()
  })

  test('non-paginated paths stay type errors', () => {
    // @ts-expect-error one account, not a page
    void client.paginate('/api/accounts/me')
    // @ts-expect-error a plain array, not a page
    void client.paginate('/api/accounts')
    // @ts-expect-error no GET at all
    void client.paginate('/api/calls/{call_id}/send_data_message', { params: { path: { call_id: 'c' } } })
  })
})
