interface Pending<T> {
  index: number
  result?: IteratorResult<T>
  error?: unknown
  failed: boolean
}

export interface MergeOptions {
  /**
   * A source threw. Return to go on with the other sources (the failed one is dropped); throw to
   * stop everything.
   */
  onSourceError(index: number, error: unknown): void
  /** Called before open sources are closed (when the merge stops early): abort their requests here. */
  cancel(): void
}

/**
 * The values of several async iterables as they arrive: every source is pulled concurrently, one
 * value ahead at most, and each source's values keep their order.
 */
export async function* mergeAsyncIterables<T>(
  sources: readonly AsyncIterable<T>[],
  options: MergeOptions,
): AsyncGenerator<{ index: number; value: T }> {
  const iterators = sources.map((source) => source[Symbol.asyncIterator]())
  const pending = new Map<number, Promise<Pending<T>>>()
  // Sources neither finished nor failed: to be closed if the merge stops early.
  const open = new Set(iterators.keys())
  const pull = (index: number, iterator: AsyncIterator<T>) => {
    pending.set(
      index,
      iterator.next().then(
        (result) => ({ index, result, failed: false }),
        (error: unknown) => ({ index, error, failed: true }),
      ),
    )
  }
  iterators.forEach((iterator, index) => {
    pull(index, iterator)
  })
  try {
    while (pending.size > 0) {
      const settled = await Promise.race(pending.values())
      pending.delete(settled.index)
      if (settled.failed || settled.result === undefined || settled.result.done) {
        open.delete(settled.index)
        if (settled.failed) options.onSourceError(settled.index, settled.error)
        continue
      }
      yield { index: settled.index, value: settled.result.value }
      const iterator = iterators[settled.index]
      if (iterator !== undefined) pull(settled.index, iterator)
    }
  } finally {
    if (open.size > 0) {
      options.cancel()
      // A source's pending value settles (its requests are aborted) before it is asked to close.
      await Promise.allSettled(
        [...open].map(async (index) => {
          await pending.get(index)
          await iterators[index]?.return?.()
        }),
      )
    }
  }
}

/** The values of several async iterables, one after the other. */
export async function* concatAsyncIterables<T>(sources: readonly AsyncIterable<T>[]): AsyncGenerator<T> {
  for (const source of sources) yield* source
}
