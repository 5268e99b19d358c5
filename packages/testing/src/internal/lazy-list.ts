/** A read-only, random-access list whose items are built on demand. */
export interface ListView<T> {
  readonly total: number
  at(position: number): T
}

export function arrayView<T>(items: readonly T[]): ListView<T> {
  return {
    total: items.length,
    at: (position) => {
      const item = items[position]
      if (item === undefined) throw new RangeError(`position ${position} is outside the list`)
      return item
    },
  }
}

/** The items in [offset, offset + limit) of a view. */
export function slice<T>(view: ListView<T>, offset: number, limit: number): T[] {
  const end = Math.min(view.total, offset + limit)
  const items: T[] = []
  for (let position = offset; position < end; position++) items.push(view.at(position))
  return items
}

export interface Segment<Value> {
  readonly value: Value
  readonly count: number
}

/**
 * A list made of runs of items that share a value (e.g. a status): item `index` of the whole list
 * is `build(index, value)`. Filtering by value costs one step per run, not per item.
 */
export function segmentedView<Value, T>(
  segments: readonly Segment<Value>[],
  build: (index: number, value: Value) => T,
  keep: (value: Value) => boolean = () => true,
): ListView<T> {
  const runs: { start: number; count: number; value: Value }[] = []
  let start = 0
  for (const segment of segments) {
    if (segment.count > 0 && keep(segment.value))
      runs.push({ start, count: segment.count, value: segment.value })
    start += segment.count
  }
  const total = runs.reduce((sum, run) => sum + run.count, 0)
  return {
    total,
    at(position) {
      let remaining = position
      for (const run of runs) {
        if (remaining < run.count) return build(run.start + remaining, run.value)
        remaining -= run.count
      }
      throw new RangeError(`position ${position} is outside the list`)
    },
  }
}

export interface LazyCollectionOptions<T> {
  /** How many seeded items there are. */
  readonly baseCount: number
  /**
   * Every attribute a filter may look at repeats with this period: `generate(i)` and
   * `generate(i % period)` agree on them. That lets a filtered view find its k-th item in O(1).
   */
  readonly period: number
  readonly generate: (index: number) => T
}

/** Number of sorted values below `limit`. */
function countBelow(sorted: readonly number[], limit: number): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if ((sorted[middle] as number) < limit) low = middle + 1
    else high = middle
  }
  return low
}

/**
 * Seeded items generated from their index, plus a small map of changes over them: created items
 * (listed first, newest first), replaced items and deleted items. Memory grows with the changes only.
 */
export class LazyCollection<T> {
  readonly #options: LazyCollectionOptions<T>
  /** Replaced (an item) or deleted (null) seeded items. */
  readonly #overrides = new Map<number, T | null>()
  /** Created items by key, oldest first. */
  readonly #created = new Map<string, T>()

  constructor(options: LazyCollectionOptions<T>) {
    this.#options = options
  }

  get baseCount(): number {
    return this.#options.baseCount
  }

  /** The current state of seeded item `index`; undefined when deleted or out of range. */
  seeded(index: number): T | undefined {
    if (!Number.isInteger(index) || index < 0 || index >= this.#options.baseCount) return undefined
    const override = this.#overrides.get(index)
    if (override === null) return undefined
    return override ?? this.#options.generate(index)
  }

  replaceSeeded(index: number, item: T): void {
    this.#overrides.set(index, item)
  }

  deleteSeeded(index: number): void {
    this.#overrides.set(index, null)
  }

  createdItem(key: string): T | undefined {
    return this.#created.get(key)
  }

  /** Adds a created item, or replaces it in place when the key exists. */
  putCreated(key: string, item: T): void {
    this.#created.set(key, item)
  }

  deleteCreated(key: string): boolean {
    return this.#created.delete(key)
  }

  get createdCount(): number {
    return this.#created.size
  }

  reset(): void {
    this.#overrides.clear()
    this.#created.clear()
  }

  /** The items that pass `keep`: created ones newest first, then seeded ones in index order. */
  view(keep?: (item: T) => boolean): ListView<T> {
    const { baseCount, period, generate } = this.#options
    const created = [...this.#created.values()].reverse()
    const createdKept = keep ? created.filter(keep) : created

    const positions: number[] = []
    for (let index = 0; index < Math.min(period, baseCount); index++) {
      if (!keep || keep(generate(index))) positions.push(index)
    }
    const perPeriod = positions.length
    const seededMatchesBelow = (limit: number): number =>
      Math.floor(limit / period) * perPeriod + countBelow(positions, limit % period)
    const seededMatches = (index: number): boolean => positions.includes(index % period)

    // Changed items whose match differs from the seeded one: `dropped` matched and no longer does,
    // `added` did not match and now does.
    const dropped: number[] = []
    const added: number[] = []
    for (const [index, override] of this.#overrides) {
      const wasKept = seededMatches(index)
      const isKept = override !== null && (!keep || keep(override))
      if (wasKept && !isKept) dropped.push(index)
      if (!wasKept && isKept) added.push(index)
    }
    dropped.sort((a, b) => a - b)
    added.sort((a, b) => a - b)
    const keptBelow = (limit: number): number =>
      seededMatchesBelow(limit) - countBelow(dropped, limit) + countBelow(added, limit)
    const seededTotal = keptBelow(baseCount)

    const selectSeeded = (rank: number): number => {
      if (dropped.length === 0 && added.length === 0) {
        const cycle = Math.floor(rank / perPeriod)
        return cycle * period + (positions[rank % perPeriod] as number)
      }
      // The smallest index whose prefix [0, index] holds rank + 1 kept items.
      let low = 0
      let high = baseCount - 1
      while (low < high) {
        const middle = (low + high) >>> 1
        if (keptBelow(middle + 1) > rank) high = middle
        else low = middle + 1
      }
      return low
    }

    return {
      total: createdKept.length + seededTotal,
      at: (position) => {
        if (position < 0 || position >= createdKept.length + seededTotal) {
          throw new RangeError(`position ${position} is outside the list`)
        }
        const createdItem = createdKept[position]
        if (createdItem !== undefined) return createdItem
        const index = selectSeeded(position - createdKept.length)
        const item = this.seeded(index)
        if (item === undefined) throw new Error(`seeded item ${index} vanished`)
        return item
      },
    }
  }
}
