import type { PageIterator } from '@voicebatch/core'
import { checkLimit } from './check-limit.js'
import { withRequestIds } from './request-ids.js'

/** The same pages, each item mapped and tagged with the request id of the page it came from. */
export function mapPageIterator<Item, Mapped extends object>(
  iterator: PageIterator<Item>,
  map: (item: Item) => Mapped,
): PageIterator<Mapped> {
  async function* pages() {
    for await (const page of iterator.pages()) {
      yield { ...page, items: page.items.map((item) => withRequestIds(map(item), [page.response])) }
    }
  }
  return {
    async *[Symbol.asyncIterator]() {
      for await (const page of pages()) yield* page.items
    },
    pages,
    async toArray(options = {}) {
      const limit = checkLimit(options.limit ?? Number.POSITIVE_INFINITY)
      const items: Mapped[] = []
      if (limit === 0) return items
      for await (const page of pages()) {
        for (const item of page.items) {
          items.push(item)
          if (items.length === limit) return items
        }
      }
      return items
    },
  }
}
