import type { PageIterator } from '@voicebatch/core'

/** The same pages, each item mapped. */
export function mapPageIterator<Item, Mapped>(
  iterator: PageIterator<Item>,
  map: (item: Item) => Mapped,
): PageIterator<Mapped> {
  return {
    async *[Symbol.asyncIterator]() {
      for await (const item of iterator) yield map(item)
    },
    async *pages() {
      for await (const page of iterator.pages()) yield { ...page, items: page.items.map(map) }
    },
    async toArray(options) {
      return (await iterator.toArray(options)).map(map)
    },
  }
}
