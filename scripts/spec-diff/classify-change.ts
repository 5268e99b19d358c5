import { type Bump, maxBump } from './bump.ts'
import { pointerSegments } from './json-pointer.ts'
import type { RedoclyChange } from './redocly-diff-report.ts'

/**
 * The bump one change implies for a generated types package. `redocly diff` rates changes for API
 * consumers and is right for most of them; these rules correct it where a types package differs
 * (each one was checked on real spec pairs, see scripts/test/spec-diff.test.ts):
 *
 * 1. Open enums: a value added to an enum is `minor`, in requests and responses alike (redocly: `major`
 *    when the enum is reachable from a response). Providers add statuses over time (Truedy already
 *    sends `running`, outside its enum) and the facade maps unknown values to `unknown` instead of
 *    throwing; consumers that switch over a response enum must keep a default branch.
 * 2. Removed fields are `major` wherever they were (redocly: `patch` for a request body field): a
 *    request object literal that still sets the field no longer type-checks, and the server no
 *    longer honours it.
 * 3. Documentation only (`description`, `summary`, `title`, `example(s)`, `externalDocs`, `deprecated`,
 *    `x-*` extensions, `info`, tags) is `patch` (redocly: `minor` for a changed tag description,
 *    which it sees as one tag removed and another added).
 * 4. Validation keywords with no effect on the generated types (`minLength`, `pattern`, `format`, ...)
 *    are `patch`: the types a consumer compiles against are the same (redocly: up to `major`).
 * 5. A removed component schema is `major`: its exported type alias (`X`, `XInput`) is gone
 *    (redocly: `minor` when no operation reaches it any more).
 * 6. Everything else is at least `minor` (redocly: `patch` for e.g. a widened request type, a
 *    response field that became required or non-null, a request body that became optional): it
 *    changes the generated types, so it is never a patch.
 */
export interface ClassifiedChange {
  impact: Bump
  /** Which of our rules decided, when not redocly's own verdict. */
  rule:
    | 'redocly'
    | 'open-enum'
    | 'removed-field'
    | 'documentation'
    | 'no-type-effect'
    | 'removed-schema'
    | 'structural'
}

const DOCUMENTATION_PROPERTIES = new Set([
  'description',
  'summary',
  'title',
  'example',
  'examples',
  'externalDocs',
  'deprecated',
])
const DOCUMENTATION_TYPES = new Set([
  'Info',
  'Contact',
  'License',
  'Tag',
  'TagList',
  'ExternalDocs',
  'Example',
  'ExamplesMap',
])

/** Keywords openapi-typescript does not render into types (it renders `format` as a comment only). */
const NO_TYPE_EFFECT = new Set([
  'minLength',
  'maxLength',
  'pattern',
  'format',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
  'default',
])

function isRemovedSchema(change: RedoclyChange): boolean {
  const segments = pointerSegments(change.path)
  return (
    change.kind === 'removed' &&
    segments.length === 3 &&
    segments[0] === 'components' &&
    segments[1] === 'schemas'
  )
}

function isDocumentation(change: RedoclyChange): boolean {
  if (DOCUMENTATION_TYPES.has(change.typeName) || pointerSegments(change.path)[0] === 'tags') return true
  const property = change.property ?? ''
  return change.kind === 'modified' && (DOCUMENTATION_PROPERTIES.has(property) || property.startsWith('x-'))
}

function isRemovedField(change: RedoclyChange): boolean {
  return (
    change.kind === 'removed' &&
    change.typeName === 'Schema' &&
    pointerSegments(change.path).at(-2) === 'properties'
  )
}

function verdictImpact(change: RedoclyChange): { impact: Bump; openEnum: boolean } | null {
  if (change.verdicts.length === 0) return null
  let impact: Bump = 'patch'
  let openEnum = false
  for (const verdict of change.verdicts) {
    if (verdict.ruleId === 'enum-values-added') {
      openEnum = true
      impact = maxBump(impact, 'minor')
    } else impact = maxBump(impact, verdict.impact)
  }
  return { impact, openEnum }
}

export function classifyChange(change: RedoclyChange): ClassifiedChange {
  if (isRemovedSchema(change)) return { impact: 'major', rule: 'removed-schema' }
  if (change.kind === 'modified' && NO_TYPE_EFFECT.has(change.property ?? '')) {
    return { impact: 'patch', rule: 'no-type-effect' }
  }
  if (isRemovedField(change))
    return { impact: 'major', rule: change.impact === 'major' ? 'redocly' : 'removed-field' }
  const verdict = verdictImpact(change)
  if (verdict?.openEnum && verdict.impact === 'minor') return { impact: 'minor', rule: 'open-enum' }
  if (verdict) return { impact: maxBump(verdict.impact, 'minor'), rule: 'redocly' }
  if (isDocumentation(change)) return { impact: 'patch', rule: 'documentation' }
  const impact = maxBump(change.impact, 'minor')
  return { impact, rule: impact === change.impact ? 'redocly' : 'structural' }
}
