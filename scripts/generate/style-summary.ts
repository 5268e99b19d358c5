import type { ValidatedSpec } from './validate-spec.ts'

/**
 * One line of style findings for a published document: counts per `redocly lint` rule, largest first.
 * Null when there are none (a strict spec never gets here with findings).
 */
export function styleSummary(spec: ValidatedSpec): string | null {
  if (spec.findings.total === 0) return null
  const rules = Object.entries(spec.findings.counts)
    .sort(([a, countA], [b, countB]) => countB - countA || (a < b ? -1 : 1))
    .map(([rule, count]) => `${rule} ${count}`)
    .join(', ')
  return `${spec.name.padEnd(12)} style findings (published document, not fatal; \`redocly lint\` rule names): ${spec.findings.total}: ${rules}`
}
