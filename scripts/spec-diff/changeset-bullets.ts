import type { SpecChange } from './diff-specs.ts'

const NEW_OPERATION = /^new operation (\S+) (\S+)$/
const NEW_SCHEMA = /^new schema `(.+)`$/

/** `/api/call_throttles/{throttle_id}` → `/api/call_throttles`: the resource an operation belongs to. */
function resourceOf(path: string): string {
  const segments = path.split('/')
  const firstParameter = segments.findIndex((segment) => segment.startsWith('{'))
  const kept = segments.slice(0, firstParameter === -1 ? Math.min(segments.length, 3) : firstParameter)
  return kept.join('/') || '/'
}

/**
 * One bullet per change, with additions grouped so a release that adds a whole API stays readable:
 * new operations one bullet per resource (each operation named), new schemas one bullet (each named).
 * Nothing is cut: every change is in the list.
 */
export function changesetBullets(changes: SpecChange[]): string[] {
  const operations = new Map<string, string[]>()
  const schemas: string[] = []
  const bullets: string[] = []
  for (const change of changes) {
    const operation = NEW_OPERATION.exec(change.text)
    const schema = NEW_SCHEMA.exec(change.text)
    if (operation?.[1] && operation[2]) {
      const resource = resourceOf(operation[2])
      operations.set(resource, [...(operations.get(resource) ?? []), `${operation[1]} ${operation[2]}`])
    } else if (schema?.[1]) {
      schemas.push(`\`${schema[1]}\``)
    } else {
      bullets.push(`${change.text}${change.impact === 'major' ? ' (breaking)' : ''}`)
    }
  }
  const grouped = [...operations].map(
    ([resource, list]) =>
      `new operation${list.length > 1 ? `s (${list.length})` : ''} under \`${resource}\`: ${list.join(', ')}`,
  )
  const schemaBullet =
    schemas.length === 0
      ? []
      : [`new schema${schemas.length > 1 ? `s (${schemas.length})` : ''}: ${schemas.join(', ')}`]
  return [...bullets, ...grouped, ...schemaBullet]
}
