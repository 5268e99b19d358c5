import { SpecError } from './spec-error.ts'
import { pointerToJsonPath, walkDocument } from './walk-document.ts'

function includesObject(type: unknown): boolean {
  return type === 'object' || (Array.isArray(type) && type.includes('object'))
}

function valueType(values: unknown[]): string {
  const types = new Set(values.map((value) => (value === null ? 'null' : typeof value)))
  types.delete('null')
  const [only] = types
  return types.size === 1 && only !== undefined && only !== 'object' ? only : 'string'
}

/**
 * Constructs openapi-typescript renders wrongly or crashes on, found before it runs so the error can
 * name the pointer and the overlay action that fixes it. Today: `type: object` beside an `enum`
 * (it reads the enum values as schemas: "Expected SchemaObject, received string").
 */
export function findUnrenderableSchemas(file: string, overlayFile: string, document: unknown): void {
  const problems: { pointer: string; reason: string }[] = []
  walkDocument(document, (node, pointer) => {
    if (!Array.isArray(node.enum) || !includesObject(node.type)) return
    const fixed = valueType(node.enum)
    problems.push({
      pointer,
      reason: [
        `\`type: object\` beside an enum of ${fixed} values: openapi-typescript cannot render it.`,
        `Fix it in ${overlayFile}:`,
        `  - target: ${pointerToJsonPath(pointer)}`,
        '    description: the enum values are strings; upstream declares `type: object`',
        `    update: { type: ${fixed} }`,
      ].join('\n'),
    })
  })
  const [first, ...others] = problems
  if (first === undefined) return
  const more =
    others.length > 0 ? `\n(${others.length} more: ${others.map((p) => p.pointer).join(', ')})` : ''
  throw new SpecError(file, first.pointer, `${first.reason}${more}`)
}
