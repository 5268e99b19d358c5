import { isDeepStrictEqual } from 'node:util'
import type { SpecChange } from './diff-specs.ts'

const REMOVED = /^(\S+ \S+): removed (\w+) parameter `([^`]+)`$/
const ADDED = /^(\S+ \S+): new (?:required )?(\w+) parameter `([^`]+)`$/

type Node = Record<string, unknown>
const isRecord = (value: unknown): value is Node => typeof value === 'object' && value !== null

function follow(document: unknown, node: unknown): unknown {
  let current = node
  for (let depth = 0; depth < 10 && isRecord(current) && typeof current.$ref === 'string'; depth++) {
    let target: unknown = document
    for (const raw of current.$ref.slice(2).split('/')) {
      target = isRecord(target) ? target[raw.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined
    }
    current = target
  }
  return current
}

/** What a parameter's type is made of: required, type, enum (sorted), items type. */
function typeShape(document: unknown, operation: string, where: string, name: string): unknown {
  const [method = '', path = ''] = operation.split(' ')
  const item = (document as { paths?: Record<string, Record<string, unknown>> }).paths?.[path]
  const parameters =
    (item?.[method.toLowerCase()] as { parameters?: unknown[] } | undefined)?.parameters ?? []
  const parameter = parameters
    .map((entry) => follow(document, entry))
    .find((entry) => isRecord(entry) && entry.in === where && entry.name === name) as Node | undefined
  const schema = follow(document, parameter?.schema) as Node | undefined
  const items = follow(document, schema?.items) as Node | undefined
  const enumValues = Array.isArray(schema?.enum) ? [...schema.enum].map(String).sort() : null
  return { required: parameter?.required === true, type: schema?.type, enum: enumValues, items: items?.type }
}

/**
 * redocly diff sometimes reports a parameter that still exists (same `name` and `in`) as removed and
 * added, e.g. when its schema moved from a `$ref` to an inline enum. Such a pair becomes one change,
 * `patch` when the parameter's type is the same, `major` (a possible narrowing) when it is not.
 */
export function pairRedeclaredParameters(
  changes: SpecChange[],
  documents: { base: unknown; revision: unknown },
): SpecChange[] {
  const added = new Map<string, SpecChange>()
  for (const change of changes) {
    const match = ADDED.exec(change.text)
    if (match) added.set(`${match[1]}|${match[2]}|${match[3]}`, change)
  }
  const dropped = new Set<SpecChange>()
  const paired: SpecChange[] = []
  for (const change of changes) {
    const match = REMOVED.exec(change.text)
    const key = match ? `${match[1]}|${match[2]}|${match[3]}` : ''
    const partner = added.get(key)
    if (!match || !partner) continue
    const [, operation = '', where = '', name = ''] = match
    const same = isDeepStrictEqual(
      typeShape(documents.base, operation, where, name),
      typeShape(documents.revision, operation, where, name),
    )
    dropped.add(change).add(partner)
    paired.push({
      ...change,
      impact: same ? 'patch' : 'major',
      text: `${operation}: ${where} parameter \`${name}\` redeclared, ${same ? 'same type' : 'its type changed'}`,
    })
  }
  return [...changes.filter((change) => !dropped.has(change)), ...paired]
}
