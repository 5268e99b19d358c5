/** What every bench scenario reports: figures (measurements) and targets (checked budgets). */

export interface Figure {
  /** Stable key in results.json, e.g. `stubbed.truedy.ours.median_us`. */
  id: string
  /** Words for the table, e.g. `truedy GET one batch: our client`. */
  label: string
  value: number
  /** `µs`, `req/s`, `items/s`, `MB`, `s`, `B`, `ms`, `count`, `x`. */
  unit: string
  /** How it was measured, when the label does not say it (p95, samples, page size...). */
  detail?: string
  /** Shown in the README table (bench/results.md), not only in the full console table. */
  readme?: boolean
}

export type Comparison = '<=' | '>=' | '<'

export interface Target {
  id: string
  label: string
  /** What was measured: a ratio (`x`) or an absolute value in `unit`. */
  measured: number
  unit: string
  comparison: Comparison
  limit: number
  met: boolean
  /**
   * The ratio the target is about: for a relative target the measured ratio itself (ours / baseline);
   * for an absolute one, measured / limit (the share of the budget used; null for a budget of 0).
   */
  ratio: number | null
  /** What `ratio` divides, e.g. `ours / bare openapi-fetch` or `of budget`. */
  ratioOf: string
  /** The measurement in words, e.g. `457 µs vs 226 µs`. */
  summary?: string
}

export interface ScenarioResult {
  figures: Figure[]
  targets: Target[]
  /** Anything a reader needs to interpret the numbers (skips, warnings, findings). */
  notes: string[]
}

export function emptyResult(): ScenarioResult {
  return { figures: [], targets: [], notes: [] }
}

/** A target on a ratio, e.g. ours / bare openapi-fetch <= 1.25. */
export function ratioTarget(
  id: string,
  label: string,
  ratio: number,
  comparison: Comparison,
  limit: number,
  ratioOf: string,
  summary?: string,
): Target {
  return {
    id,
    label,
    measured: ratio,
    unit: 'x',
    comparison,
    limit,
    met: compare(ratio, comparison, limit),
    ratio,
    ratioOf,
    ...(summary === undefined ? {} : { summary }),
  }
}

/** A target on an absolute value, e.g. heap growth < 16 MB. */
export function budgetTarget(
  id: string,
  label: string,
  measured: number,
  unit: string,
  comparison: Comparison,
  limit: number,
  summary?: string,
): Target {
  return {
    id,
    label,
    measured,
    unit,
    comparison,
    limit,
    met: compare(measured, comparison, limit),
    ratio: limit === 0 ? null : measured / limit,
    ratioOf: 'of budget',
    ...(summary === undefined ? {} : { summary }),
  }
}

function compare(value: number, comparison: Comparison, limit: number): boolean {
  if (!Number.isFinite(value)) return false
  switch (comparison) {
    case '<=':
      return value <= limit
    case '<':
      return value < limit
    case '>=':
      return value >= limit
  }
}

export const MB = 1024 * 1024
