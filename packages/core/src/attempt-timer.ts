/** Timeouts from this long on share one coarse ticker; shorter ones get a timer each. */
export const COARSE_TIMEOUT_MS = 10_000
/** How often the shared ticker runs while a coarse timeout is running. */
const TICK_MS = 500

/** The timeout of one attempt: it aborts `controller` once `milliseconds` have passed. */
export interface AttemptTimer {
  readonly controller: AbortController
  readonly milliseconds: number
  /** Whether it fired (the abort was the timeout's, not the caller's). */
  timedOut: boolean
  /** Coarse: the tick it counts from (-1 until the first tick after it started). */
  startedAt: number
  /** Short timeouts: the timer of its own. */
  native: ReturnType<typeof setTimeout> | undefined
}

/** Coarse timeouts still running, checked on every tick. */
const running = new Set<AttemptTimer>()
/** The ticker's own clock: advanced by `TICK_MS` per tick, whatever the wall clock does. */
let clock = 0

interface Ticker {
  handle: ReturnType<typeof setTimeout> | undefined
  /** The `setTimeout` that armed it: a test that turns fake timers on or off gets a ticker of its own. */
  readonly setTimeout: typeof setTimeout
}

/** The live ticker; a replaced one finds itself stale on its next tick and stops. */
let ticker: Ticker | undefined

/**
 * Starts an attempt's timeout. A long one (the default 60 s) joins a shared ticker, as undici
 * does for its own timeouts: starting and stopping it is a Set insert and delete where a timer of
 * its own cost 1-3 µs of CPU per request over loopback (6-10 µs when Node rebuilt its timer list
 * between sequential calls). It fires between `milliseconds` and one second later, never earlier:
 * it counts from the first tick after it started, on a clock that only the ticker advances. The
 * ticker is ref'd only while a timeout is running, so it keeps a process alive no longer than a
 * timer of the attempt's own would, and it moves with fake timers.
 */
export function startAttemptTimer(controller: AbortController, milliseconds: number): AttemptTimer {
  const timer: AttemptTimer = { controller, milliseconds, timedOut: false, startedAt: -1, native: undefined }
  if (milliseconds < COARSE_TIMEOUT_MS) {
    timer.native = setTimeout(expire, milliseconds, timer)
    return timer
  }
  running.add(timer)
  // A ticker armed by another `setTimeout` (fake timers turned on or off since) never ticks here.
  if (ticker === undefined || ticker.setTimeout !== globalThis.setTimeout) startTicker()
  else if (running.size === 1) setTickerRef(true)
  return timer
}

/** Stops an attempt's timeout (it finished, or failed). */
export function stopAttemptTimer(timer: AttemptTimer): void {
  if (timer.native !== undefined) clearTimeout(timer.native)
  else if (running.delete(timer) && running.size === 0) setTickerRef(false)
}

function expire(timer: AttemptTimer): void {
  timer.timedOut = true
  timer.controller.abort()
}

function startTicker(): void {
  const fresh: Ticker = { handle: undefined, setTimeout: globalThis.setTimeout }
  ticker = fresh
  fresh.handle = setTimeout(tick, TICK_MS, fresh)
}

function setTickerRef(refed: boolean): void {
  const handle = ticker?.handle as { ref?: () => void; unref?: () => void } | undefined
  if (refed) handle?.ref?.()
  else if (typeof handle?.unref === 'function') handle.unref()
  else {
    // A timer that cannot be unref'd (a number: browsers, Deno, workerd) would hold the event loop
    // for one more tick after the last attempt: stop it, the next attempt starts another.
    clearTimeout(ticker?.handle)
    ticker = undefined
  }
}

function tick(current: Ticker): void {
  if (current !== ticker) return
  clock += TICK_MS
  for (const timer of running) {
    if (timer.startedAt < 0) timer.startedAt = clock
    else if (clock - timer.startedAt >= timer.milliseconds) {
      running.delete(timer)
      expire(timer)
    }
  }
  if (running.size === 0) {
    ticker = undefined
    return
  }
  const refresh = (current.handle as { refresh?: () => void } | undefined)?.refresh
  if (typeof refresh === 'function') refresh.call(current.handle)
  else current.handle = setTimeout(tick, TICK_MS, current)
}
