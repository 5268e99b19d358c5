import { type ListView, slice } from '../../internal/lazy-list.js'
import type { MockRequest, MockResponse, RequestContext } from '../provider-mock.js'

export const DEFAULT_PAGE_SIZE = 100
export const MAX_PAGE_SIZE = 1000

/** Opaque like Django REST framework's cursors: base64 of `o=<offset>`. */
export function encodeCursor(offset: number): string {
  return Buffer.from(`o=${offset}`, 'utf8').toString('base64')
}

export function decodeCursor(cursor: string): number | undefined {
  const decoded = Buffer.from(cursor, 'base64').toString('utf8')
  const offset = /^o=(\d{1,15})$/.exec(decoded)?.[1]
  return offset === undefined ? undefined : Number(offset)
}

/** Like DRF: a missing, non-numeric or non-positive pageSize means the default; larger ones are capped. */
export function pageSizeOf(raw: string | undefined): number {
  if (raw === undefined || !/^\d+$/.test(raw)) return DEFAULT_PAGE_SIZE
  const size = Number(raw)
  if (size <= 0) return DEFAULT_PAGE_SIZE
  return Math.min(size, MAX_PAGE_SIZE)
}

function pageUrl(request: MockRequest, origin: string, cursor: string | undefined): string {
  const url = new URL(request.pathname, origin)
  for (const [name, value] of Object.entries(request.query)) {
    if (name !== 'cursor') url.searchParams.set(name, value)
  }
  if (cursor !== undefined) url.searchParams.set('cursor', cursor)
  return url.toString()
}

/** One `{next, previous, results, total}` page, or 404 `Invalid cursor` like DRF. */
export function cursorPage<T>(
  request: MockRequest,
  context: RequestContext,
  view: ListView<T>,
): MockResponse {
  const rawCursor = request.query.cursor
  const offset = rawCursor === undefined ? 0 : decodeCursor(rawCursor)
  if (offset === undefined) return { status: 404, body: { detail: 'Invalid cursor' } }
  const pageSize = pageSizeOf(request.query.pageSize)
  const results = slice(view, offset, pageSize)
  const nextOffset = offset + results.length
  let next = nextOffset < view.total ? pageUrl(request, context.origin, encodeCursor(nextOffset)) : null
  const previousOffset = Math.max(0, offset - pageSize)
  const previous =
    offset === 0
      ? null
      : pageUrl(request, context.origin, previousOffset === 0 ? undefined : encodeCursor(previousOffset))

  if (rawCursor !== undefined) {
    const stuck = context.takePageFault(['stuck-cursor'])
    if (stuck) next = pageUrl(request, context.origin, rawCursor)
  }
  if (next !== null) {
    const moved = context.takePageFault(['next-url-host'])
    if (moved?.kind === 'next-url-host') {
      const url = new URL(next)
      const other = new URL(moved.host.includes('://') ? moved.host : `http://${moved.host}`)
      next = new URL(url.pathname + url.search, other.origin).toString()
    }
  }
  return { status: 200, body: { next, previous, results, total: view.total } }
}
