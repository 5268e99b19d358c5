import { hex, scramble32, unscramble32 } from './deterministic.js'

/**
 * IDs such as `sched_1a2b3c4d`: the index of a batch scrambled into 8 hex digits behind a prefix,
 * so seeded IDs look random yet map back to their index without any stored state. Indexes at or
 * past the seeded count belong to batches created through the API.
 */
export class ScrambledIds {
  #created = 0
  readonly #pattern: RegExp

  constructor(
    private readonly prefix: string,
    private readonly key: number,
    private readonly seeded: number,
  ) {
    this.#pattern = new RegExp(`^${prefix}([0-9a-f]{8})$`)
  }

  of(index: number): string {
    return `${this.prefix}${hex(scramble32(index, this.key), 8)}`
  }

  /** The seeded index behind an ID; undefined when it is not a seeded one. */
  seededIndex(id: string): number | undefined {
    const digits = this.#pattern.exec(id)?.[1]
    if (digits === undefined) return undefined
    const index = unscramble32(Number.parseInt(digits, 16), this.key)
    return index < this.seeded ? index : undefined
  }

  /** The ID for the next batch created through the API. */
  next(): string {
    this.#created += 1
    return this.of(this.seeded + this.#created - 1)
  }

  reset(): void {
    this.#created = 0
  }
}
