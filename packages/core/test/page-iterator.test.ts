import { describe, expect, it } from 'vitest'
import {
  createHttpFetch,
  createPageIterator,
  type NumberedPage,
  type Pager,
  PaginationError,
  RequestAbortedError,
} from '../src/index.js'
import { type LoopbackServer, sendJson, sleep, startServer } from './loopback-server.js'

interface ServerOptions {
  /** Delay before answering, per request. */
  delay?: (query: URLSearchParams) => number
  /** The server never returns more than this many items per page. */
  cap?: number
  /** Whether the server says which page size it used. */
  reportSize?: boolean
  /** Overrides the next cursor. */
  nextCursor?: (cursor: string | null) => string | null
  /** Overrides what a page contains. */
  page?: (start: number, size: number) => { items: number[]; hasMore: boolean } | undefined
}

/** A loopback API with one list of `total` numbers behind cursor, page and offset pagination. */
async function listServer(total: number, options: ServerOptions = {}): Promise<LoopbackServer> {
  return startServer(async (request, response) => {
    const url = new URL(request.url ?? '', 'http://x')
    const query = url.searchParams
    const size = Math.min(Number(query.get('size') ?? 10), options.cap ?? Number.POSITIVE_INFINITY)
    const delay = options.delay?.(query) ?? 0
    if (delay > 0) await sleep(delay)
    const start =
      url.pathname === '/cursor'
        ? Number((query.get('cursor') ?? 'c0').slice(1))
        : url.pathname === '/pages'
          ? (Number(query.get('page')) - 1) * size
          : Number(query.get('offset'))
    const page = options.page?.(start, size) ?? {
      items: Array.from({ length: Math.max(0, Math.min(size, total - start)) }, (_, index) => start + index),
      hasMore: start + size < total,
    }
    const next = page.hasMore ? `c${start + size}` : null
    sendJson(response, 200, {
      items: page.items,
      total,
      hasMore: page.hasMore,
      next: options.nextCursor ? options.nextCursor(query.get('cursor')) : next,
      ...(options.reportSize ? { pageSize: size } : {}),
    })
  })
}

function pagers(server: LoopbackServer) {
  const http = createHttpFetch({ provider: 'testprov', baseUrl: server.url, authHeaders: {}, secrets: [] })
  const get = async (
    path: string,
    query: Record<string, string | number | undefined>,
    signal?: AbortSignal,
  ) => {
    const search = new URLSearchParams()
    for (const [name, value] of Object.entries(query))
      if (value !== undefined) search.set(name, String(value))
    const response = await http(new Request(`${server.url}${path}?${search}`, signal ? { signal } : {}))
    const body = (await response.json()) as {
      items: number[]
      total: number
      hasMore: boolean
      next: string | null
      pageSize?: number
    }
    return { body, response }
  }
  const numbered = ({ body, response }: Awaited<ReturnType<typeof get>>): NumberedPage<number> => ({
    items: body.items,
    total: body.total,
    hasMore: body.hasMore,
    pageSize: body.pageSize,
    response,
  })
  return {
    cursor: {
      kind: 'cursor',
      async fetchPage({ cursor, pageSize, signal }) {
        const { body, response } = await get('/cursor', { cursor, size: pageSize }, signal)
        return { items: body.items, total: null, nextCursor: body.next, response }
      },
    } satisfies Pager<number>,
    page: {
      kind: 'page',
      defaultPageSize: 10,
      fetchPage: async ({ page, pageSize, signal }) =>
        numbered(await get('/pages', { page, size: pageSize }, signal)),
    } satisfies Pager<number>,
    offset: {
      kind: 'offset',
      defaultPageSize: 10,
      fetchPage: async ({ offset, pageSize, signal }) =>
        numbered(await get('/offset', { offset, size: pageSize }, signal)),
    } satisfies Pager<number>,
  }
}

const range = (count: number) => Array.from({ length: count }, (_, index) => index)
const queries = (server: LoopbackServer) => server.requests.map((request) => request.url)

describe.each(['cursor', 'page', 'offset'] as const)('%s pagination', (kind) => {
  it('returns every item, in order, with one request per page', async () => {
    const server = await listServer(23)
    const items = await createPageIterator<number>(pagers(server)[kind], { pageSize: 5 }).toArray()
    expect(items).toEqual(range(23))
    expect(server.requests).toHaveLength(5)
  })

  it('yields pages, trimmed to the limit', async () => {
    const server = await listServer(23)
    const sizes: number[] = []
    for await (const page of createPageIterator<number>(pagers(server)[kind], {
      pageSize: 5,
      limit: 12,
    }).pages()) {
      sizes.push(page.items.length)
      expect(page.response.status).toBe(200)
    }
    expect(sizes).toEqual([5, 5, 2])
    expect(server.requests).toHaveLength(3)
  })

  it('is lazy, and requests no page beyond the limit', async () => {
    const server = await listServer(100)
    const iterator = createPageIterator<number>(pagers(server)[kind], { pageSize: 5, limit: 10 })
    await sleep(20)
    expect(server.requests).toHaveLength(0)
    expect(await iterator.toArray()).toEqual(range(10))
    expect(server.requests).toHaveLength(2)
    expect(await iterator.toArray({ limit: 3 })).toEqual(range(3))
    expect(server.requests).toHaveLength(3)
    expect(await iterator.toArray({ limit: 0 })).toEqual([])
    expect(server.requests).toHaveLength(3)
  })

  it('makes no further request after an early break', async () => {
    const server = await listServer(100)
    const seen: number[] = []
    for await (const item of createPageIterator<number>(pagers(server)[kind], { pageSize: 5 })) {
      seen.push(item)
      if (seen.length === 6) break
    }
    await sleep(30)
    expect(seen).toEqual(range(6))
    expect(server.requests).toHaveLength(2)
  })

  it('stops with RequestAbortedError when the signal aborts', async () => {
    const firstPage = (query: URLSearchParams) =>
      !query.has('cursor') && (query.get('page') ?? '1') === '1' && (query.get('offset') ?? '0') === '0'
    const server = await listServer(100, { delay: (query) => (firstPage(query) ? 0 : 5000) })
    const controller = new AbortController()
    const seen: number[] = []
    const started = performance.now()
    const run = async () => {
      for await (const item of createPageIterator<number>(pagers(server)[kind], {
        pageSize: 5,
        signal: controller.signal,
      })) {
        seen.push(item)
        if (item === 4) setTimeout(() => controller.abort(), 20)
      }
    }
    await expect(run()).rejects.toSatisfy(RequestAbortedError.isInstance)
    expect(seen).toEqual(range(5))
    expect(performance.now() - started).toBeLessThan(2000)
  })

  it('passes errors from fetchPage through unchanged', async () => {
    const failure = new Error('boom')
    const server = await listServer(100)
    const pager = pagers(server)[kind]
    let calls = 0
    const failing = {
      ...pager,
      fetchPage: (args: never) => (++calls === 2 ? Promise.reject(failure) : pager.fetchPage(args)),
    } as Pager<number>
    await expect(createPageIterator(failing, { pageSize: 5 }).toArray()).rejects.toBe(failure)
  })
})

describe('page sizes', () => {
  it('sends the default page size for page and offset pagers, none for cursors unless asked', async () => {
    const server = await listServer(3)
    const { cursor, page, offset } = pagers(server)
    await createPageIterator(cursor).toArray()
    await createPageIterator(page).toArray()
    await createPageIterator(offset).toArray()
    await createPageIterator(cursor, { pageSize: 7 }).toArray()
    expect(queries(server)).toEqual([
      '/cursor',
      '/pages?page=1&size=10',
      '/offset?offset=0&size=10',
      '/cursor?size=7',
    ])
  })

  it('keeps its own page size whatever size the server says it used', async () => {
    const server = await listServer(23, { cap: 4, reportSize: true })
    expect(await createPageIterator(pagers(server).page, { pageSize: 10 }).toArray()).toEqual(range(23))
    expect(queries(server)).toEqual([1, 2, 3, 4, 5, 6].map((page) => `/pages?page=${page}&size=10`))
  })

  it('advances offsets by what a page returned when the server caps silently', async () => {
    const server = await listServer(23, { cap: 4 })
    expect(await createPageIterator(pagers(server).offset, { pageSize: 10 }).toArray()).toEqual(range(23))
    expect(server.requests).toHaveLength(6)
  })
})

describe('concurrency', () => {
  it.each(['page', 'offset'] as const)(
    'fetches %s pages ahead in parallel and yields them in order',
    async (kind) => {
      const server = await listServer(200, { delay: () => Math.random() * 30 })
      const items = await createPageIterator<number>(pagers(server)[kind], {
        pageSize: 10,
        concurrency: 4,
      }).toArray()
      expect(items).toEqual(range(200))
      expect(server.requests).toHaveLength(20)
      expect(server.maxInFlight).toBeGreaterThan(1)
      expect(server.maxInFlight).toBeLessThanOrEqual(4)
    },
  )

  it('plans with the server-reported page size', async () => {
    const server = await listServer(23, { cap: 4, reportSize: true })
    const items = await createPageIterator<number>(pagers(server).page, {
      pageSize: 10,
      concurrency: 3,
    }).toArray()
    expect(items).toEqual(range(23))
    expect(server.requests).toHaveLength(6)
  })

  it('never fetches ahead past the limit', async () => {
    const server = await listServer(200, { delay: () => 5 })
    const iterator = createPageIterator<number>(pagers(server).page, {
      pageSize: 10,
      concurrency: 8,
      limit: 25,
    })
    expect(await iterator.toArray()).toEqual(range(25))
    expect(server.requests).toHaveLength(3)
  })

  it('aborts the pages in flight on an early break', async () => {
    const server = await listServer(200, { delay: (query) => (query.get('page') === '1' ? 0 : 400) })
    for await (const item of createPageIterator<number>(pagers(server).page, {
      pageSize: 10,
      concurrency: 3,
    })) {
      expect(item).toBe(0)
      await sleep(50) // the consumer at work: pages 2 to 4 reach the server meanwhile
      break
    }
    expect(server.requests).toHaveLength(4)
    const started = performance.now()
    await Promise.all(server.requests.map((request) => request.closed))
    expect(performance.now() - started).toBeLessThan(300) // cancelled, not answered after 400 ms
    await sleep(30)
    expect(server.requests).toHaveLength(4)
  })

  it('continues one page at a time when the total grew beyond the plan', async () => {
    // The first page says 20 items; the list really has 30.
    const server = await listServer(30)
    const base = pagers(server).page
    const pager: Pager<number> = {
      ...base,
      fetchPage: async (args: Parameters<typeof base.fetchPage>[0]) => ({
        ...(await base.fetchPage(args)),
        total: 20,
      }),
    }
    expect(await createPageIterator(pager, { pageSize: 10, concurrency: 4 }).toArray()).toEqual(range(30))
    expect(server.requests).toHaveLength(3)
  })

  it('is ignored by cursor pagers', async () => {
    const server = await listServer(50, { delay: () => 5 })
    expect(
      await createPageIterator(pagers(server).cursor, { pageSize: 10, concurrency: 4 }).toArray(),
    ).toEqual(range(50))
    expect(server.maxInFlight).toBe(1)
  })
})

describe('loops', () => {
  it('stops on a repeated cursor', async () => {
    const server = await listServer(100, { nextCursor: () => 'c5' })
    const error = await createPageIterator(pagers(server).cursor, { pageSize: 5 })
      .toArray()
      .catch((caught: unknown) => caught)
    expect(PaginationError.isInstance(error)).toBe(true)
    expect((error as Error).message).toContain('was already seen (a loop)')
    expect((error as Error).message).not.toContain('c5')
    expect(server.requests).toHaveLength(2)
  })

  it('stops on a cursor cycle', async () => {
    const server = await listServer(100, { nextCursor: (cursor) => (cursor === 'c5' ? 'c10' : 'c5') })
    await expect(createPageIterator(pagers(server).cursor, { pageSize: 5 }).toArray()).rejects.toSatisfy(
      PaginationError.isInstance,
    )
    expect(server.requests).toHaveLength(3)
  })

  it('stops on an empty cursor page that has a next cursor', async () => {
    const server = await listServer(100, {
      page: (start) => (start >= 5 ? { items: [], hasMore: true } : undefined),
    })
    const error = await createPageIterator(pagers(server).cursor, { pageSize: 5 })
      .toArray()
      .catch((caught: unknown) => caught)
    expect(PaginationError.isInstance(error)).toBe(true)
    expect((error as Error).message).toContain('Empty page')
    expect(server.requests).toHaveLength(2)
  })

  it.each(['page', 'offset'] as const)('stops on an empty %s page that says hasMore', async (kind) => {
    const server = await listServer(100, {
      page: (start) => (start >= 5 ? { items: [], hasMore: true } : undefined),
    })
    const error = await createPageIterator(pagers(server)[kind], { pageSize: 5 })
      .toArray()
      .catch((caught: unknown) => caught)
    expect(PaginationError.isInstance(error)).toBe(true)
    expect((error as Error).message).toMatch(/Empty page .*hasMore/)
    expect(server.requests).toHaveLength(2)
  })
})

describe('scale', () => {
  it('streams 100k items without keeping pages', async () => {
    const response = new Response(null)
    const pager: Pager<number> = {
      kind: 'offset',
      defaultPageSize: 1000,
      fetchPage: async ({ offset, pageSize }) => ({
        items: Array.from({ length: Math.min(pageSize, 100_000 - offset) }, (_, index) => offset + index),
        total: 100_000,
        hasMore: offset + pageSize < 100_000,
        response,
      }),
    }
    let count = 0
    let sum = 0
    for await (const item of createPageIterator(pager, { concurrency: 4 })) {
      count++
      sum += item
    }
    expect(count).toBe(100_000)
    expect(sum).toBe((100_000 * 99_999) / 2)
  })

  it('rejects bad options', () => {
    const pager = {
      kind: 'cursor',
      fetchPage: async () => ({ items: [], total: null, nextCursor: null, response: new Response() }),
    } as const
    for (const options of [{ pageSize: 0 }, { limit: -1 }, { limit: 1.5 }, { concurrency: 0 }]) {
      expect(() => createPageIterator(pager, options)).toThrow(/Invalid/)
    }
  })
})
