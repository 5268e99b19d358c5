import { describe, expect, it } from 'vitest'
import { createHttpFetch, createPageIterator, type Pager, PaginationError } from '../src/index.js'
import { type LoopbackServer, sendJson, startServer } from './loopback-server.js'

interface Answer {
  items: number[]
  total: number | null
  hasMore: boolean
  /** Echoed as the page size the server "used": any JSON, trusted by nothing. */
  pageSize?: unknown
  next?: string | null
}

/**
 * A loopback list whose every answer comes from `answer(position, size)`; position is the first item
 * asked for. Page numbers count pages of the server's own size: the size asked for, at most `cap`.
 */
async function hostileServer(
  answer: (position: number, size: number) => Answer,
  cap = Number.POSITIVE_INFINITY,
): Promise<LoopbackServer> {
  return startServer((request, response) => {
    const url = new URL(request.url ?? '', 'http://x')
    const query = url.searchParams
    const size = Number(query.get('size'))
    const position =
      url.pathname === '/pages'
        ? (Number(query.get('page')) - 1) * Math.min(size, cap)
        : url.pathname === '/offset'
          ? Number(query.get('offset'))
          : Number((query.get('cursor') ?? 'c0').slice(1))
    sendJson(response, 200, answer(position, size))
  })
}

function pagersOf(server: LoopbackServer, start: { page?: number; offset?: number; cursor?: string } = {}) {
  const http = createHttpFetch({ provider: 'testprov', baseUrl: server.url, authHeaders: {}, secrets: [] })
  const get = async (path: string, query: Record<string, unknown>, signal: AbortSignal | undefined) => {
    const search = new URLSearchParams()
    for (const [name, value] of Object.entries(query))
      if (value !== undefined) search.set(name, String(value))
    const response = await http(new Request(`${server.url}${path}?${search}`, signal ? { signal } : {}))
    return { body: (await response.json()) as Answer, response }
  }
  const numbered = ({ body, response }: Awaited<ReturnType<typeof get>>) => ({
    items: body.items,
    total: body.total,
    hasMore: body.hasMore,
    pageSize: body.pageSize as number,
    response,
  })
  return {
    page: {
      kind: 'page',
      defaultPageSize: 10,
      start: start.page,
      fetchPage: async ({ page, pageSize, signal }) =>
        numbered(await get('/pages', { page, size: pageSize }, signal)),
    } satisfies Pager<number>,
    offset: {
      kind: 'offset',
      defaultPageSize: 10,
      start: start.offset,
      fetchPage: async ({ offset, pageSize, signal }) =>
        numbered(await get('/offset', { offset, size: pageSize }, signal)),
    } satisfies Pager<number>,
    cursor: {
      kind: 'cursor',
      start: start.cursor,
      async fetchPage({ cursor, pageSize, signal }) {
        const { body, response } = await get('/cursor', { cursor, size: pageSize ?? 10 }, signal)
        return { items: body.items, total: body.total, nextCursor: body.next ?? null, response }
      },
    } satisfies Pager<number>,
  }
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, index) => from + index)

/** An honest list of `total` items that serves at most `cap` per page, and says what the caller wants about its size. */
const capped =
  (total: number, cap: number, pageSize: unknown) =>
  (position: number, size: number): Answer => {
    const end = Math.min(total, position + Math.min(size, cap))
    return {
      items: range(position, end),
      total,
      hasMore: end < total,
      pageSize,
      next: end < total ? `c${end}` : null,
    }
  }

describe.each([1, 4])('with concurrency %i', (concurrency) => {
  describe.each(['page', 'offset', 'cursor'] as const)('%s pagination', (kind) => {
    it.each([
      ['a larger limit than it returned', 50],
      ['limit 0', 0],
      ['a non-numeric limit', '10'],
    ])('loses nothing when the server caps pages and echoes %s', async (_, echoed) => {
      const server = await hostileServer(capped(100, 20, echoed), 20)
      const items = await createPageIterator(pagersOf(server)[kind], { pageSize: 50, concurrency }).toArray()
      expect(items).toEqual(range(0, 100))
      expect(server.requests.length).toBeLessThanOrEqual(kind === 'page' ? 5 : 6)
    })

    it('stops with PaginationError when the server ignores the page parameter', async () => {
      const server = await hostileServer(() => ({
        items: range(0, 10),
        total: 100,
        hasMore: true,
        next: `c${Math.random()}`,
      }))
      const error = await createPageIterator(pagersOf(server)[kind], { pageSize: 10, concurrency })
        .toArray()
        .catch((caught: unknown) => caught)
      expect(PaginationError.isInstance(error)).toBe(true)
      expect((error as Error).message).toMatch(/same items as the page before/)
      expect(server.requests.length).toBeLessThanOrEqual(1 + concurrency)
    })

    it('stops with PaginationError when more pages are claimed past the known total', async () => {
      // New items forever, always "more", while the total says 30.
      const server = await hostileServer((position, size) => ({
        items: range(position, position + size),
        total: 30,
        hasMore: true,
        next: `c${position + size}`,
      }))
      const error = await createPageIterator(pagersOf(server)[kind], { pageSize: 10, concurrency })
        .toArray()
        .catch((caught: unknown) => caught)
      expect(PaginationError.isInstance(error)).toBe(true)
      expect((error as Error).message).toMatch(/total of 30/)
      expect(server.requests.length).toBeLessThanOrEqual(4 + concurrency)
    })
  })

  it('re-plans offsets when a page fetched ahead returns fewer items than planned', async () => {
    // Pages of 10, except the one at offset 30, which returns 4.
    const server = await hostileServer((position, size) => {
      const end = Math.min(100, position + (position === 30 ? 4 : size))
      return { items: range(position, end), total: 100, hasMore: end < 100 }
    })
    const items = await createPageIterator(pagersOf(server).offset, { pageSize: 10, concurrency }).toArray()
    expect(items).toEqual(range(0, 100))
  })
})

describe("a caller's starting position is honoured", () => {
  it.each([
    ['page', { page: 3 }, range(20, 45)],
    ['offset', { offset: 17 }, range(17, 45)],
    ['cursor', { cursor: 'c40' }, range(40, 45)],
  ] as const)('%s %o', async (kind, start, expected) => {
    const server = await hostileServer(capped(45, 10, 10))
    expect(await createPageIterator(pagersOf(server, start)[kind], { pageSize: 10 }).toArray()).toEqual(
      expected,
    )
    expect(
      await createPageIterator(pagersOf(server, start)[kind], { pageSize: 10, concurrency: 3 }).toArray(),
    ).toEqual(expected)
  })
})
