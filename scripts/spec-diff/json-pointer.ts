/** `#/paths/~1batch-calls/get` → `['paths', '/batch-calls', 'get']`. */
export function pointerSegments(pointer: string): string[] {
  const body = pointer.replace(/^#/, '').replace(/^\//, '')
  if (body === '') return []
  return body.split('/').map((segment) => decodeURIComponent(segment.replace(/~1/g, '/').replace(/~0/g, '~')))
}

/** `['paths', '/batch-calls']` → `#/paths/~1batch-calls`. */
export function segmentsPointer(segments: string[]): string {
  return `#/${segments.map((segment) => segment.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`
}

export interface ResolvedNode {
  value: unknown
  /** The innermost `components/schemas/<name>` the walk went through, if any. */
  schemaName: string | null
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

const SCHEMA_REF = /^#\/components\/schemas\/([^/]+)$/

/** Follows local `$ref`s (`#/...`) until a node that is not a reference; cycles end the walk. */
function dereference(document: unknown, node: unknown, seen: Set<string>): ResolvedNode {
  let value = node
  let schemaName: string | null = null
  while (isRecord(value) && typeof value.$ref === 'string' && value.$ref.startsWith('#/')) {
    const reference = value.$ref
    if (seen.has(reference)) break
    seen.add(reference)
    const match = SCHEMA_REF.exec(reference)
    if (match?.[1]) schemaName = pointerSegments(`#/${match[1]}`)[0] ?? null
    value = walk(document, pointerSegments(reference))
  }
  return { value, schemaName }
}

function walk(document: unknown, segments: string[]): unknown {
  let node: unknown = document
  for (const segment of segments) {
    if (!isRecord(node)) return undefined
    node = dereference(document, node, new Set()).value
    if (!isRecord(node)) return undefined
    node = node[segment]
  }
  return node
}

/**
 * The node a pointer reached through `paths` designates in `document`, following `$ref`s on the
 * way, as `redocly diff` does when it reports a change inside a shared component.
 */
export function resolvePointer(document: unknown, segments: string[]): ResolvedNode {
  let node: unknown = document
  let schemaName: string | null = null
  for (const segment of segments) {
    const resolved = dereference(document, node, new Set())
    schemaName = resolved.schemaName ?? schemaName
    if (!isRecord(resolved.value)) return { value: undefined, schemaName }
    node = resolved.value[segment]
  }
  const last = dereference(document, node, new Set())
  return { value: last.value, schemaName: last.schemaName ?? schemaName }
}
