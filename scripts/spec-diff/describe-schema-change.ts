import { resolvePointer } from './json-pointer.ts'
import type { RedoclyChange } from './redocly-diff-report.ts'

/** The documents a change is read against: removals live in the base, the rest in the revision. */
export interface SpecPair {
  base: unknown
  revision: unknown
}

const COMBINATORS = new Set(['allOf', 'oneOf', 'anyOf'])

/** `properties/data/items/properties/note` → `data[].note`: the field as a user reads it. */
export function fieldPath(schemaSegments: string[]): string {
  let path = ''
  for (let index = 0; index < schemaSegments.length; index++) {
    const segment = schemaSegments[index]
    if (segment === 'properties') {
      const name = schemaSegments[++index] ?? ''
      path += path === '' ? name : `.${name}`
    } else if (segment === 'items') path += '[]'
    else if (segment === 'additionalProperties') path += '{}'
    else if (segment !== undefined && COMBINATORS.has(segment)) index++
  }
  return path
}

export function formatValue(value: unknown): string {
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.join(' | ')
  return typeof value === 'string' ? value : JSON.stringify(value)
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : []
}

function listed(values: unknown[]): string {
  return values.map((value) => `\`${formatValue(value)}\``).join(', ')
}

function difference(from: unknown[], without: unknown[]): unknown[] {
  const excluded = new Set(without.map((value) => JSON.stringify(value)))
  return from.filter((value) => !excluded.has(JSON.stringify(value)))
}

function join(prefix: string, name: string): string {
  return prefix === '' ? name : `${prefix}.${name}`
}

function describeEnum(subject: string, change: RedoclyChange): string {
  if (!Array.isArray(change.base?.value))
    return `${subject}now limited to ${listed(asList(change.revision?.value))}`
  if (!Array.isArray(change.revision?.value)) return `${subject}no longer limited to an enum`
  const before = asList(change.base?.value)
  const after = asList(change.revision?.value)
  const gained = difference(after, before)
  const lost = difference(before, after)
  const parts = [
    ...(gained.length > 0 ? [`gains ${listed(gained)}`] : []),
    ...(lost.length > 0 ? [`loses ${listed(lost)}`] : []),
  ]
  return `${subject}enum ${parts.join(', ') || 'reordered'}`
}

function describeRequired(field: string, change: RedoclyChange): string {
  const before = asList(change.base?.value)
  const after = asList(change.revision?.value)
  const names = (values: unknown[]) => values.map((value) => `\`${join(field, String(value))}\``).join(', ')
  const nowRequired = difference(after, before)
  const nowOptional = difference(before, after)
  return [
    ...(nowRequired.length > 0 ? [`field ${names(nowRequired)} now required`] : []),
    ...(nowOptional.length > 0 ? [`field ${names(nowOptional)} now optional`] : []),
  ].join(', ')
}

function describeKeyword(change: RedoclyChange): string {
  const [before, after] = [change.base?.value, change.revision?.value]
  if (before === undefined) return `\`${change.property}\` set to ${formatValue(after)}`
  if (after === undefined) return `\`${change.property}\` removed (was ${formatValue(before)})`
  return `\`${change.property}\` changed from ${formatValue(before)} to ${formatValue(after)}`
}

/** Words for a change inside a schema; `segments` is the whole pointer, `schemaStart` where the schema begins. */
export function describeSchemaChange(
  change: RedoclyChange,
  segments: string[],
  schemaStart: number,
  specs: SpecPair,
): string {
  const field = fieldPath(segments.slice(schemaStart))
  const subject = field === '' ? '' : `field \`${field}\`: `
  const isProperty = segments.at(-2) === 'properties'
  if (change.kind === 'added' && isProperty) {
    const parent = resolvePointer(specs.revision, segments.slice(0, -2)).value as { required?: unknown }
    const required = asList(parent?.required).includes(segments.at(-1))
    return `new ${required ? 'required ' : ''}field \`${field}\``
  }
  if (change.kind === 'removed' && isProperty) return `removed field \`${field}\``
  if (change.kind !== 'modified') return `${change.kind} schema${field === '' ? '' : ` at \`${field}\``}`
  switch (change.property) {
    case 'type':
      if (change.revision?.value === undefined)
        return `${subject}\`type\` removed (was \`${formatValue(change.base?.value)}\`)`
      if (change.base?.value === undefined)
        return `${subject}\`type\` set to \`${formatValue(change.revision?.value)}\``
      return `${subject}type changed from \`${formatValue(change.base?.value)}\` to \`${formatValue(change.revision?.value)}\``
    case 'enum':
      return describeEnum(subject, change)
    case 'required':
      return describeRequired(field, change)
    case 'description':
    case 'example':
    case 'examples':
    case 'title':
      return `${subject}${change.property} changed`
    case 'nullable':
      return `${subject}${change.revision?.value === true ? 'now nullable' : 'no longer nullable'}`
    default:
      return `${subject}${describeKeyword(change)}`
  }
}
