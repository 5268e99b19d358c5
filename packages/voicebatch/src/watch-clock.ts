import { RequestAbortedError } from '@voicebatch/core'

/** Time as the watchers see it. Tests hand in a fake one (see `clockOf`); users never need to. */
export interface WatchClock {
  now(): number
  /** Resolves after `ms`, or rejects with `RequestAbortedError` as soon as `signal` aborts. */
  sleep(ms: number, signal: AbortSignal | undefined): Promise<void>
}

export function abortedError(signal: AbortSignal): RequestAbortedError {
  return new RequestAbortedError({ provider: null, message: 'Watching was aborted', cause: signal.reason })
}

export const realClock: WatchClock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(abortedError(signal))
        return
      }
      const onAbort = () => {
        clearTimeout(timer)
        reject(abortedError(signal as AbortSignal))
      }
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort)
        resolve()
      }, ms)
      signal?.addEventListener('abort', onAbort, { once: true })
    }),
}

/** The clock of a watch call: `realClock`, unless a test passed `{ clock }` (not part of the typed options). */
export function clockOf(options: object | undefined): WatchClock {
  const clock = (options as { clock?: WatchClock } | undefined)?.clock
  return clock ?? realClock
}
