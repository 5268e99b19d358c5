import { ConfigurationError, PaginationError, RequestAbortedError } from './errors.js'
import { isRecord } from './is-record.js'
import { rejectUnknownKeys } from './validate-client-options.js'

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
  /**
   * The page size the server says it used, if it says. Informational only: pages and offsets
   * advance by the items received, never by what a server says.
   */
  pageSize?: number | undefined
}

/** How to fetch one page, by cursor, page number or offset: what {@link createPageIterator} drives. */
export type Pager<Item> =
  | {
      kind: 'cursor'
      /** The cursor of the first page (resuming a listing); default: none, the first page. */
      start?: string | undefined
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
      /** The first page to request, 1-based (resuming a listing); default 1. */
      start?: number | undefined
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
      /** The offset of the first page (resuming a listing); default 0. */
      start?: number | undefined
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
  const repeats = repeatDetector()
  let remaining = settings.limit
  let cursor = pager.start
  let pageNumber = 0
  // Counted from the first page only: a resumed listing does not know what came before.
  let received: number | null = cursor === undefined ? 0 : null
  while (true) {
    if (cursor !== undefined) remember(seen, cursor)
    const page = await settle(
      pager.fetchPage({ cursor, pageSize: settings.pageSize, signal }),
      settings.signal,
    )
    checkItems(page)
    const next = page.nextCursor || null // an empty cursor also means the end
    // Cursors are never quoted in messages: a hostile server could put a secret in one.
    pageNumber++
    const where = `page ${pageNumber}${cursor === undefined ? '' : ' (by cursor)'}`
    repeats.check(page.items, where)
    if (received !== null) received += page.items.length
    // Only a page we would go on from can be a loop.
    if (next !== null && remaining > page.items.length) {
      if (page.items.length === 0) throw new PaginationError(`Empty ${where} with a next cursor: stopping.`)
      if (seen.has(next))
        throw new PaginationError(`The next cursor of ${where} was already seen (a loop): stopping.`)
      checkTotal(received, page.total, where)
    }
    const items = take(page.items, remaining)
    remaining -= items.length
    yield { items, total: page.total, response: page.response }
    if (next === null || remaining <= 0) return
    cursor = next
  }
}

/**
 * Page- and offset-numbered pages. Offsets advance by the items each page returned, pages by one.
 * Once the first page tells the total, up to `concurrency` later pages are fetched ahead (bounded
 * by the total and the limit), and yielded in order; an offset page that returns another count
 * than planned drops the plan (pages fetched ahead are discarded) and goes on from what arrived.
 */
async function* numberedPages<Item>(
  pager: NumberedPager<Item>,
  settings: Settings,
  signal: AbortSignal,
): AsyncGenerator<Page<Item>> {
  const pageSize = settings.pageSize ?? pager.defaultPageSize
  const byPage = pager.kind === 'page'
  const request = (position: number) =>
    pager.kind === 'page'
      ? pager.fetchPage({ page: position, pageSize, signal })
      : pager.fetchPage({ offset: position, pageSize, signal })

  // Requests sent and not yet consumed, in order.
  let queue: Array<{ position: number; page: Promise<NumberedPage<Item>> }> = []
  const enqueue = (position: number) => {
    const page = request(position)
    page.catch(() => {}) // a prefetch nobody awaits (iteration ended) must not be an unhandled rejection
    queue.push({ position, page })
  }
  const repeats = repeatDetector()
  const start = pager.start ?? (byPage ? 1 : 0)
  let remaining = settings.limit
  // Items up to the end of the current page, counted from the first item (null: not known).
  let through: number | null = byPage ? (start === 1 ? 0 : null) : start
  let planned: { next: number; end: number; step: number } | undefined

  enqueue(start)
  for (let first = true; ; first = false) {
    const current = queue.shift()
    if (current === undefined) return
    const page = await settle(current.page, settings.signal)
    checkItems(page)
    const where = `${pager.kind} ${current.position}`
    if (page.items.length === 0 && page.hasMore) {
      throw new PaginationError(`Empty page at ${where} says more pages follow (hasMore): stopping.`)
    }
    repeats.check(page.items, where)
    if (byPage) {
      if (through !== null) through += page.items.length
    } else through = current.position + page.items.length
    const items = take(page.items, remaining)
    remaining -= items.length
    const more = page.hasMore === true && remaining > 0
    if (more) {
      checkTotal(through, page.total, where)
      if (first && settings.concurrency > 1 && page.total !== null) {
        // A page that says more follow is full: its length is the real page size.
        const step = page.items.length
        if (byPage) {
          const left = Math.min(page.total - current.position * step, remaining)
          planned = {
            next: current.position + 1,
            end: current.position + 1 + Math.ceil(left / step),
            step: 1,
          }
        } else {
          const from = current.position + step
          planned = { next: from, end: Math.min(page.total, from + remaining), step }
        }
      }
      // Offsets follow what arrived: a page of another length than planned makes the plan wrong.
      const expected = byPage ? current.position + 1 : current.position + page.items.length
      const head = queue[0]
      if (head !== undefined && head.position !== expected) {
        queue = []
        planned = undefined
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
    if (queue.length === 0) enqueue(byPage ? current.position + 1 : current.position + page.items.length)
  }
}

/** A page must carry an array of items, whatever fetchPage returned. */
function checkItems(page: Page<unknown>): void {
  if (!Array.isArray(page?.items)) throw new PaginationError('A page has no items array: stopping.')
}

/** More pages claimed once the items received already exceed the total the server gave: a loop. */
function checkTotal(received: number | null, total: number | null, where: string): void {
  if (received !== null && total !== null && received > total) {
    throw new PaginationError(
      `${where} says more pages follow, but ${received} items were already received of a total of ${total}: stopping.`,
    )
  }
}

/**
 * Notices a page that repeats the one before it (same length, same first and last item): what a
 * server that ignores ?page=, ?offset= or ?cursor= sends. Two small JSON texts per page.
 */
function repeatDetector() {
  let previous: string | undefined
  return {
    check(items: readonly unknown[], where: string): void {
      if (items.length === 0) return
      const fingerprint = `${items.length}:${stringify(items[0])}:${stringify(items[items.length - 1])}`
      if (fingerprint === previous) {
        throw new PaginationError(
          `${where} returned the same items as the page before it (does the server ignore the page parameter?): stopping.`,
        )
      }
      previous = fingerprint
    },
  }
}

function stringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value)
  } catch {
    return String(value)
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

const paginateOptionKeys = ['pageSize', 'limit', 'concurrency', 'signal']

function checkOptions(options: PaginateOptions): Settings {
  const given: unknown = options
  if (!isRecord(given)) throw new ConfigurationError('paginate options must be an object.')
  rejectUnknownKeys(given, paginateOptionKeys, 'paginate')
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
