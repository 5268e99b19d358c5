/** Calls `visit` on every object of a parsed document with its JSON pointer (`/paths/~1x/get`). */
export function walkDocument(
  node: unknown,
  visit: (value: Record<string, unknown>, pointer: string) => void,
  pointer = '',
): void {
  if (typeof node !== 'object' || node === null) return
  if (Array.isArray(node)) {
    node.forEach((item, index) => {
      walkDocument(item, visit, `${pointer}/${index}`)
    })
    return
  }
  const record = node as Record<string, unknown>
  visit(record, pointer)
  for (const [key, value] of Object.entries(record)) {
    walkDocument(value, visit, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`)
  }
}

/** `/components/schemas/A/properties/b` → `$.components.schemas['A'].properties['b']` (an overlay target). */
export function pointerToJsonPath(pointer: string): string {
  const segments = pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
  return `$${segments
    .map((segment) =>
      /^\d+$/.test(segment)
        ? `[${segment}]`
        : /^[A-Za-z_][A-Za-z0-9_]*$/.test(segment)
          ? `.${segment}`
          : `['${segment.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`,
    )
    .join('')}`
}
