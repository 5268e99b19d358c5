/** A semver bump, as changesets spells it. */
export type Bump = 'major' | 'minor' | 'patch'

const RANK: Record<Bump, number> = { patch: 0, minor: 1, major: 2 }

export function isBump(value: unknown): value is Bump {
  return value === 'major' || value === 'minor' || value === 'patch'
}

/** The larger of two bumps. */
export function maxBump(a: Bump, b: Bump): Bump {
  return RANK[a] >= RANK[b] ? a : b
}

/** Sorts bumps largest first. */
export function compareBumpsDescending(a: Bump, b: Bump): number {
  return RANK[b] - RANK[a]
}
