/** What a batch object does not say about itself. */
export interface NormalizeBatchContext {
  /** Ultravox: the agent the batch was listed under (its batches do not name their agent). */
  agentId?: string | null | undefined
  /** The time Ultravox's derived status is judged at (a window that opens later is `scheduled`). Default: now. */
  now?: Date | number | undefined
}

/** What a call object does not say about itself. */
export interface NormalizeCallContext {
  /** The batch the call was listed under (Techladder calls and Truedy contacts do not name it). */
  batchId?: string | undefined
}
