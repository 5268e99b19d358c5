import { describeSchemaChange, formatValue, type SpecPair } from './describe-schema-change.ts'
import { pointerSegments, resolvePointer } from './json-pointer.ts'
import type { RedoclyChange } from './redocly-diff-report.ts'

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']

/** A change in plain words: `GET /batch-calls: new query parameter \`agent_id\``. */
export interface ChangeWords {
  /** `GET /batch-calls`, or null for changes outside operations (info, tags, servers). */
  operation: string | null
  text: string
  /** Set when this line's impact differs from the change's (the added half of a renamed path). */
  impact?: 'minor'
}

function documentFor(change: RedoclyChange, specs: SpecPair): unknown {
  return change.kind === 'removed' ? specs.base : specs.revision
}

function operationLabel(method: string, path: string): string {
  return `${method.toUpperCase()} ${path}`
}

function describeLifecycle(change: RedoclyChange, thing: string): string | null {
  if (change.kind === 'added') return `new ${thing}`
  if (change.kind === 'removed') return `removed ${thing}`
  return null
}

/** What a change inside content (`content/<media type>/schema/...`) or at its container says. */
function describeContent(change: RedoclyChange, segments: string[], start: number, specs: SpecPair): string {
  if (segments[start] === 'content' && segments[start + 2] === 'schema') {
    return describeSchemaChange(change, segments, start + 3, specs)
  }
  if (segments[start] === 'content' && segments.length === start + 2) {
    return describeLifecycle(change, `media type \`${segments[start + 1]}\``) ?? 'media type changed'
  }
  if (change.property === 'required') {
    return change.revision?.value === true ? 'now required' : 'now optional'
  }
  return `${change.property ?? change.typeName} ${change.kind === 'modified' ? 'changed' : change.kind}`
}

function describeParameter(
  change: RedoclyChange,
  segments: string[],
  index: number,
  specs: SpecPair,
): string {
  type Parameter = { name?: string; in?: string; required?: boolean; $ref?: string } | undefined
  const document = documentFor(change, specs)
  const located = resolvePointer(document, segments.slice(0, index + 2)).value as Parameter
  // redocly may point at a parameter by a position that no longer exists (`parameters/undefined`):
  // the changed parameter object itself, `$ref` followed, names it then.
  const own = (change.kind === 'removed' ? change.base?.value : change.revision?.value) as Parameter
  const reference = own?.$ref?.startsWith('#/') ? pointerSegments(own.$ref) : null
  const parameter = located?.name
    ? located
    : reference
      ? (resolvePointer(document, reference).value as Parameter)
      : own
  const name = parameter?.name ?? (/^\d+$/.test(segments[index + 1] ?? '') ? undefined : segments[index + 1])
  const label = name === undefined ? 'a parameter' : `${parameter?.in ?? ''} parameter \`${name}\``.trim()
  const rest = segments.slice(index + 2)
  if (rest.length === 0) {
    if (change.kind === 'added') return `new ${parameter?.required ? 'required ' : ''}${label}`
    if (change.kind === 'removed') return `removed ${label}`
    if (change.property === 'required')
      return `${label} ${change.revision?.value === true ? 'now required' : 'now optional'}`
    return `${label}: ${change.property ?? 'definition'} changed`
  }
  if (rest[0] === 'schema') return `${label}: ${describeSchemaChange(change, segments, index + 3, specs)}`
  return `${label}: ${describeContent(change, segments, index + 2, specs)}`
}

/** Words for a change inside one operation (`segments` starts at `paths/<path>/<method>`). */
function describeInOperation(change: RedoclyChange, segments: string[], specs: SpecPair): string {
  const rest = segments.slice(3)
  const [area, key] = rest
  if (area === undefined) {
    if (change.kind !== 'modified') return describeLifecycle(change, 'operation') ?? 'changed'
    if (change.property === 'deprecated')
      return change.revision?.value === true ? 'now deprecated' : 'no longer deprecated'
    return `${change.property ?? 'operation'} changed`
  }
  if (area === 'parameters') return describeParameter(change, segments, 3, specs)
  if (area === 'requestBody') {
    if (rest.length === 1)
      return (
        describeLifecycle(change, 'request body') ??
        `request body ${describeContent(change, segments, 4, specs)}`
      )
    return `request body: ${describeContent(change, segments, 4, specs)}`
  }
  if (area === 'responses' && key !== undefined) {
    const label = `response ${key}`
    if (rest.length === 2 && change.property === 'key') {
      return `response ${formatValue(change.base?.value)} became ${formatValue(change.revision?.value)}`
    }
    if (rest.length === 2)
      return describeLifecycle(change, label) ?? `${label}: ${describeContent(change, segments, 5, specs)}`
    if (rest[2] === 'headers')
      return `${label}: ${describeLifecycle(change, `header \`${rest[3]}\``) ?? `header \`${rest[3]}\` changed`}`
    return `${label}: ${describeContent(change, segments, 5, specs)}`
  }
  return `${rest.join('/')} ${change.kind}`
}

function operationsOf(document: unknown, path: string): string[] {
  const item = resolvePointer(document, ['paths', path]).value
  return Object.keys(item ?? {})
    .filter((key) => HTTP_METHODS.includes(key))
    .map((method) => operationLabel(method, path))
}

const added = (operation: string): ChangeWords => ({ operation, text: `new operation ${operation}` })
const removed = (operation: string): ChangeWords => ({ operation, text: `removed ${operation}` })

/**
 * A path added or removed. Redocly pairs a removed path with an added one of the same shape
 * (`/batch-calls/{id}/pause` → `/batch-calls/{id}/cancel`) and reports a changed `key`: for a
 * client that is the old operations gone and new ones there (see withoutRenamedPathDetails).
 */
function describePathItem(change: RedoclyChange, path: string, specs: SpecPair): ChangeWords[] {
  if (change.kind === 'added') return operationsOf(specs.revision, path).map(added)
  if (change.kind === 'removed') return operationsOf(specs.base, path).map(removed)
  if (change.property === 'key') {
    const before = operationsOf(specs.base, String(change.base?.value))
    const after = operationsOf(specs.revision, path).map((operation) => ({
      ...added(operation),
      impact: 'minor' as const,
    }))
    return [...before.map(removed), ...after]
  }
  return [{ operation: path, text: `${path}: ${change.property ?? 'path'} changed` }]
}

/** Drops the changes redocly reports inside a renamed path: they compare unrelated operations. */
export function withoutRenamedPathDetails(changes: RedoclyChange[]): RedoclyChange[] {
  const renamed = changes
    .filter((change) => change.typeName === 'PathItem' && change.property === 'key')
    .map((change) => `${change.path}/`)
  return changes.filter((change) => !renamed.some((prefix) => change.path.startsWith(prefix)))
}

function describeOutsidePaths(change: RedoclyChange, segments: string[]): ChangeWords {
  const [area] = segments
  if (area === 'info') {
    const text =
      change.property === 'version'
        ? `API version ${formatValue(change.base?.value)} → ${formatValue(change.revision?.value)}`
        : `\`info.${change.property ?? segments.slice(1).join('.')}\` changed`
    return { operation: null, text }
  }
  if (area === 'tags') return { operation: null, text: 'tag descriptions changed' }
  if (area === 'servers') {
    const server = (change.kind === 'removed' ? change.base?.value : change.revision?.value) as
      | { url?: string }
      | undefined
    return {
      operation: null,
      text: `${describeLifecycle(change, 'server') ?? 'changed server'} \`${server?.url ?? segments.join('/')}\``,
    }
  }
  if (area === 'components' && segments[1] === 'schemas' && segments.length === 3) {
    const name = segments[2] ?? ''
    if (change.kind === 'added') return { operation: null, text: `new schema \`${name}\`` }
    if (change.kind === 'removed') {
      return { operation: null, text: `removed schema \`${name}\` (its exported type alias is gone)` }
    }
  }
  return { operation: null, text: `${change.typeName} at \`#/${segments.join('/')}\` ${change.kind}` }
}

/**
 * One or more lines of plain words for a change in a redocly diff report. A change inside a
 * shared component names the first operation redocly reached it through, plus the schema's name.
 */
export function describeChange(change: RedoclyChange, specs: SpecPair): ChangeWords[] {
  const segments = pointerSegments(change.path)
  const [area, path, method] = segments
  if (area !== 'paths' || path === undefined) return [describeOutsidePaths(change, segments)]
  if (method === undefined) return describePathItem(change, path, specs)
  const schemaName = resolvePointer(documentFor(change, specs), segments).schemaName
  const suffix = schemaName ? ` (schema \`${schemaName}\`)` : ''
  if (method === 'parameters') {
    return [
      {
        operation: path,
        text: `${path} (every operation): ${describeParameter(change, segments, 2, specs)}${suffix}`,
      },
    ]
  }
  const operation = operationLabel(method, path)
  if (segments.length === 3 && change.kind !== 'modified') {
    return [
      { operation, text: change.kind === 'added' ? `new operation ${operation}` : `removed ${operation}` },
    ]
  }
  return [{ operation, text: `${operation}: ${describeInOperation(change, segments, specs)}${suffix}` }]
}
