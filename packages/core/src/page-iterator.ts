import { ConfigurationError, PaginationError, RequestAbortedError } from './errors.js'

/** One page of a paginated list: its items and the response that carried them. */
export interface Page<Item> {
  items: Item[]
  /** Total number of items, when the server says. */
  total: number | null
  response: Response
}

/** A page of a cursor-paginated API. */
export interface CursorPage<Item> extends Page<Item> {
  /** Null when this is the last page. */
  nextCursor: string | null
}

/** A page of a page-numbered or offset-paginated API. */
export interface NumberedPage<Item> extends Page<Item> {
  hasMore: boolean
  /** The page size the server says it used, if it says. */
  pageSize?: number | undefined
}

/** How to fetch one page, by cursor, page number or offset: what {@link createPageIterator} drives. */
export type Pager<Item> =
  | {
      kind: 'cursor'
      /** Fetches the page at `cursor` (undefined: the first page). */
      fetchPage(args: {
        cursor: string | undefined
        pageSize: number | undefined
        signal: AbortSignal | undefined
      }): Promise<CursorPage<Item>>
    }
  | {
      kind: 'page'
      defaultPageSize: number
      /** `page` is 1-based. */
      fetchPage(args: {
        page: number
        pageSize: number
        signal: AbortSignal | undefined
      }): Promise<NumberedPage<Item>>
    }
  | {
      kind: 'offset'
      defaultPageSize: number
      /** Fetches the page that starts at item `offset` (0-based). */
      fetchPage(args: {
        offset: number
        pageSize: number
        signal: AbortSignal | undefined
      }): Promise<NumberedPage<Item>>
    }

/** How far and how fast to paginate. */
export interface PaginateOptions {
  pageSize?: number | undefined
  /** Most items to return; no page beyond them is requested. */
  limit?: number | undefined
  /** Page requests in flight at once, for page- and offset-paginated APIs once the total is known (default 1). */
  concurrency?: number | undefined
  signal?: AbortSignal | undefined
}

/** The items of every page, lazily: iterate it, or walk `pages()`, or collect with `toArray()`. */
export interface PageIterator<Item> extends AsyncIterable<Item> {
  /** The pages themselves, with their totals and responses. */
  pages(): AsyncIterable<Page<Item>>
  /** Every item (at most `limit`, when given) in one array. */
  toArray(options?: { limit?: number | undefined }): Promise<Item[]>
}

interface Settings {
  pageSize: number | undefined
  limit: number
  concurrency: number
  signal: AbortSignal | undefined
}

type NumberedPager<Item> = Exclude<Pager<Item>, { kind: 'cursor' }>

/**
 * Items across pages as an async iterable. Lazy: nothing is requested until iteration starts,
 * and each iteration starts again from the first page.
 */
export function createPageIterator<Item>(
  pager: Pager<Item>,
  options: PaginateOptions = {},
): PageIterator<Item> {
  const settings = checkOptions(options)
  const pages = (limit: number) => paginate(pager, { ...settings, limit })

  return {
    async *[Symbol.asyncIterator]() {
      for await (const page of pages(settings.limit)) yield* page.items
    },
    pages: () => pages(settings.limit),
    async toArray({ limit } = {}) {
      const items: Item[] = []
      for await (const page of pages(limit === undefined ? settings.limit : checkLimit(limit))) {
        for (const item of page.items) items.push(item)
      }
      return items
    },
  }
}

async function* paginate<Item>(pager: Pager<Item>, settings: Settings): AsyncGenerator<Page<Item>> {
  if (settings.limit === 0) return
  // Our own controller, so pages still in flight can be cancelled when iteration stops early.
  const controller = new AbortController()
  const onCallerAbort = () => controller.abort(settings.signal?.reason)
  settings.signal?.addEventListener('abort', onCallerAbort, { once: true })
  try {
    if (pager.kind === 'cursor') yield* cursorPages(pager, settings, controller.signal)
    else yield* numberedPages(pager, settings, controller.signal)
  } finally {
    settings.signal?.removeEventListener('abort', onCallerAbort)
    controller.abort()
  }
}

/** Cursors kept for loop detection: enough for any real cycle, bounded so memory stays flat. */
const REMEMBERED_CURSORS = 1_000

function remember(seen: Set<string>, cursor: string): void {
  seen.add(cursor)
  if (seen.size > REMEMBERED_CURSORS) {
    const oldest = seen.values().next().value
    if (oldest !== undefined) seen.delete(oldest)
  }
}

async function* cursorPages<Item>(
  pager: Extract<Pager<Item>, { kind: 'cursor' }>,
  settings: Settings,
  signal: AbortSignal,
): AsyncGenerator<Page<Item>> {
  const seen = new Set<string>()
  let remaining = settings.limit
  let cursor: string | undefined
  while (true) {
    if (cursor !== undefined) remember(seen, cursor)
    const page = await settle(
      pager.fetchPage({ cursor, pageSize: settings.pageSize, signal }),
      settings.signal,
    )
    const next = page.nextCursor || null // an empty cursor also means the end
    // Only a page we would go on from can be a loop.
    if (next !== null && remaining > page.items.length) {
      if (page.items.length === 0)
        throw new PaginationError(`Empty page with a next cursor (${next}): stopping.`)
      if (seen.has(next)) throw new PaginationError(`Cursor ${next} was already seen: stopping.`)
    }
    const items = take(page.items, remaining)
    remaining -= items.length
    yield { items, total: page.total, response: page.response }
    if (next === null || remaining <= 0) return
    cursor = next
  }
}

/**
 * Page- and offset-numbered pages. Once the first page tells the total, up to `concurrency`
 * later pages are fetched ahead (bounded by the total and the limit), and yielded in order.
 */
async function* numberedPages<Item>(
  pager: NumberedPager<Item>,
  settings: Settings,
  signal: AbortSignal,
): AsyncGenerator<Page<Item>> {
  let pageSize = settings.pageSize ?? pager.defaultPageSize
  const request = (position: number) =>
    pager.kind === 'page'
      ? pager.fetchPage({ page: position, pageSize, signal })
      : pager.fetchPage({ offset: position, pageSize, signal })

  // Requests sent and not yet consumed, in order.
  const queue: Array<{ position: number; page: Promise<NumberedPage<Item>> }> = []
  const enqueue = (position: number) => {
    const page = request(position)
    page.catch(() => {}) // a prefetch nobody awaits (iteration ended) must not be an unhandled rejection
    queue.push({ position, page })
  }
  let remaining = settings.limit
  let planned: { next: number; end: number; step: number } | undefined

  enqueue(pager.kind === 'page' ? 1 : 0)
  for (let first = true; ; first = false) {
    const current = queue.shift()
    if (current === undefined) return
    const page = await settle(current.page, settings.signal)
    if (page.items.length === 0 && page.hasMore) {
      throw new PaginationError(
        `Empty page at ${pager.kind} ${current.position} says more pages follow (hasMore): stopping.`,
      )
    }
    const items = take(page.items, remaining)
    remaining -= items.length
    const more = page.hasMore && remaining > 0
    if (more) {
      if (page.pageSize !== undefined) pageSize = page.pageSize
      if (first && settings.concurrency > 1 && page.total !== null) {
        // A page that says more follow is full: its length is the real page size.
        const step = page.pageSize ?? page.items.length
        const stopAt = Math.min(page.total, settings.limit)
        planned =
          pager.kind === 'page'
            ? { next: 2, end: Math.ceil(stopAt / step) + 1, step: 1 }
            : { next: step, end: stopAt, step }
      }
      // Fetch ahead while the consumer works on this page.
      while (planned !== undefined && queue.length < settings.concurrency && planned.next < planned.end) {
        enqueue(planned.next)
        planned.next += planned.step
      }
    }
    yield { items, total: page.total, response: page.response }
    if (!more) return
    // Beyond the plan (or without one), one page at a time, only once the consumer asks.
    if (queue.length === 0) enqueue(current.position + (pager.kind === 'page' ? 1 : page.items.length))
  }
}

function take<Item>(items: Item[], count: number): Item[] {
  return items.length <= count ? items : items.slice(0, count)
}

/** Awaits a page, but gives up at once when the caller's signal aborts (even if fetchPage ignores it). */
async function settle<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise
  const abortedError = () =>
    new RequestAbortedError({ provider: null, message: 'Pagination was aborted', cause: signal.reason })
  if (signal.aborted) throw abortedError()
  let onAbort: (() => void) | undefined
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(abortedError())
    signal.addEventListener('abort', onAbort, { once: true })
  })
  try {
    return await Promise.race([promise, aborted])
  } catch (error) {
    if (signal.aborted && !RequestAbortedError.isInstance(error)) throw abortedError()
    throw error
  } finally {
    if (onAbort) signal.removeEventListener('abort', onAbort)
  }
}

function checkOptions(options: PaginateOptions): Settings {
  const positive = (name: string, value: number | undefined) => {
    if (value === undefined || (Number.isInteger(value) && value > 0)) return value
    throw new ConfigurationError(`Invalid ${name} ${value}: expected an integer > 0.`)
  }
  return {
    pageSize: positive('pageSize', options.pageSize),
    limit: options.limit === undefined ? Number.POSITIVE_INFINITY : checkLimit(options.limit),
    concurrency: positive('concurrency', options.concurrency) ?? 1,
    signal: options.signal,
  }
}

function checkLimit(limit: number): number {
  if ((Number.isInteger(limit) && limit >= 0) || limit === Number.POSITIVE_INFINITY) return limit
  throw new ConfigurationError(`Invalid limit ${limit}: expected an integer >= 0.`)
}
