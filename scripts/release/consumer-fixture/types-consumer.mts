import type { BatchCallResponse, CreateBatchCallRequestInput, paths } from '@voicebatch/truedy-types'
import { batchCallStatusValues, specInfo } from '@voicebatch/truedy-types'

type ListResponse = paths['/batch-calls']['get']['responses'][200]['content']['application/json']

export function firstStatus(list: ListResponse): BatchCallResponse['status'] | undefined {
  return list.data[0]?.status
}

export const request: CreateBatchCallRequestInput = { name: 'Q3 outreach', agent_id: 'agt_1' }
// @ts-expect-error a status the spec does not list
export const wrongStatus: BatchCallResponse['status'] = 'archived'
export const known: readonly string[] = batchCallStatusValues
export const version: string = specInfo.version
