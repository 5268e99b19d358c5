import type { SpecDocument } from './temp-spec-repo.ts'

/** A complete operation, valid under the repository's Redocly rules. */
export function cancelOperation(): SpecDocument {
  return {
    tags: ['Batch Calls'],
    summary: 'Cancel Batch Call',
    description: 'Stop a campaign for good.',
    operationId: 'cancel_batch_call',
    responses: {
      '200': {
        description: 'The cancelled batch call',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/BatchCallEnvelope' } } },
      },
      '404': { $ref: '#/components/responses/NotFound' },
    },
  }
}

export interface SpecCase {
  /** Short, for test names. */
  name: string
  mutate: (document: SpecDocument) => void
  bump: 'major' | 'minor' | 'patch'
  /** Lines the changeset summary must contain, as written (without the first `- `). */
  line: string
}

const schemas = (document: SpecDocument) => document.components.schemas

/** One spec change per kind, on specs/truedy.yaml, with the bump it must get and a line it must produce. */
export const TRUEDY_CASES: SpecCase[] = [
  {
    name: 'removed operation',
    // With the request schema only it used: truedy.yaml is strict, and an unused component fails it.
    mutate: (document) => {
      delete document.paths['/batch-calls/{batch_call_id}'].patch
      delete schemas(document).UpdateBatchCallRequest
    },
    bump: 'major',
    line: 'removed PATCH /batch-calls/{batch_call_id} (breaking)',
  },
  {
    name: 'removed response property',
    mutate: (document) => delete schemas(document).BatchCallResponse.properties.total_cost_usd,
    bump: 'major',
    line: 'GET /batch-calls: response 200: removed field `data[].total_cost_usd` (schema `BatchCallResponse`) (breaking)',
  },
  {
    name: 'removed request property (our rule: redocly rates it patch)',
    mutate: (document) => delete schemas(document).BatchCallSettings.properties.retry_failed,
    bump: 'major',
    line: 'POST /batch-calls: request body: removed field `retry_failed` (schema `BatchCallSettings`) (breaking)',
  },
  {
    name: 'newly required property',
    mutate: (document) => schemas(document).CreateBatchCallContact.required.push('email'),
    bump: 'major',
    line: 'POST /batch-calls: request body: field `contacts[].email` now required (schema `CreateBatchCallContact`) (breaking)',
  },
  {
    name: 'newly required parameter',
    mutate: (document) => {
      document.paths['/batch-calls'].get.parameters[0].required = true
    },
    bump: 'major',
    line: 'GET /batch-calls: query parameter `status` now required (breaking)',
  },
  {
    name: 'narrowed type',
    mutate: (document) => {
      schemas(document).ScheduleBatchCallRequest.properties.scheduled_at.type = 'string'
    },
    bump: 'major',
    line: 'POST /batch-calls/{batch_call_id}/schedule: request body: field `scheduled_at`: type changed from `string | null` to `string` (schema `ScheduleBatchCallRequest`) (breaking)',
  },
  {
    name: 'removed enum value',
    mutate: (document) => {
      schemas(document).BatchCallStatus.enum = schemas(document).BatchCallStatus.enum.filter(
        (value: string) => value !== 'draft',
      )
    },
    bump: 'major',
    line: 'GET /batch-calls: query parameter `status`: enum loses `draft` (schema `BatchCallStatus`) (breaking)',
  },
  {
    name: 'path replaced by one of the same shape (redocly pairs them as a rename)',
    mutate: (document) => {
      delete document.paths['/batch-calls/{batch_call_id}/pause']
      document.paths['/batch-calls/{batch_call_id}/cancel'] = {
        parameters: [{ $ref: '#/components/parameters/BatchCallId' }],
        post: cancelOperation(),
      }
    },
    bump: 'major',
    line: 'removed POST /batch-calls/{batch_call_id}/pause (breaking)\n- new operation under `/batch-calls`: POST /batch-calls/{batch_call_id}/cancel',
  },
  {
    name: 'added operation',
    mutate: (document) => {
      document.paths['/batch-calls/{batch_call_id}/cancel'] = {
        parameters: [{ $ref: '#/components/parameters/BatchCallId' }],
        post: cancelOperation(),
      }
    },
    bump: 'minor',
    line: 'new operation under `/batch-calls`: POST /batch-calls/{batch_call_id}/cancel',
  },
  {
    name: 'added optional property',
    mutate: (document) => {
      schemas(document).BatchCallResponse.properties.notes = { type: 'string', description: 'Free text' }
    },
    bump: 'minor',
    line: 'GET /batch-calls: response 200: new field `data[].notes` (schema `BatchCallResponse`)',
  },
  {
    name: 'added optional parameter',
    mutate: (document) => {
      document.paths['/batch-calls'].get.parameters.push({
        name: 'agent_id',
        in: 'query',
        required: false,
        description: 'Only the campaigns of this agent',
        schema: { type: 'string' },
      })
    },
    bump: 'minor',
    line: 'GET /batch-calls: new query parameter `agent_id`',
  },
  {
    name: 'added enum value (open enums: minor, redocly says major)',
    mutate: (document) => schemas(document).BatchCallStatus.enum.push('archived'),
    bump: 'minor',
    line: 'GET /batch-calls: query parameter `status`: enum gains `archived` (schema `BatchCallStatus`)',
  },
  {
    name: 'narrowed response type (safe for consumers: minor, redocly says patch)',
    mutate: (document) => {
      schemas(document).BatchCallResponse.properties.updated_at.type = 'string'
    },
    bump: 'minor',
    line: 'GET /batch-calls: response 200: field `data[].updated_at`: type changed from `string | null` to `string` (schema `BatchCallResponse`)',
  },
  {
    name: 'description only',
    mutate: (document) => {
      document.paths['/batch-calls'].get.description = 'Retrieve every batch calling campaign.'
      schemas(document).BatchCallResponse.properties.name.description = 'The campaign name'
    },
    bump: 'patch',
    line: 'GET /batch-calls: description changed',
  },
  {
    name: 'tag description only (redocly says minor)',
    mutate: (document) => {
      document.tags[0].description = 'Campaigns.'
    },
    bump: 'patch',
    line: 'tag descriptions changed',
  },
]
