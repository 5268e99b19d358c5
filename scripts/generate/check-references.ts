import { SpecError } from './spec-error.ts'
import { walkDocument } from './walk-document.ts'

function resolves(document: unknown, reference: string): boolean {
  let node: unknown = document
  for (const raw of reference.slice(2).split('/')) {
    const segment = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~')
    if (typeof node !== 'object' || node === null || !(segment in node)) return false
    node = (node as Record<string, unknown>)[segment]
  }
  return true
}

/**
 * Every `$ref` must point inside the document (after the overlay): an unresolved or external
 * reference would make openapi-typescript fail or silently type the node `unknown`.
 */
export function checkReferences(file: string, document: unknown): void {
  const problems: string[] = []
  walkDocument(document, (node, pointer) => {
    const reference = node.$ref
    if (typeof reference !== 'string') return
    if (!reference.startsWith('#/')) {
      problems.push(`${file}#${pointer}/$ref: external $ref ${JSON.stringify(reference)} is not supported`)
    } else if (!resolves(document, reference)) {
      problems.push(
        `${file}#${pointer}/$ref: Can't resolve $ref (no-unresolved-refs): ${JSON.stringify(reference)}`,
      )
    }
  })
  const [first, ...others] = problems
  if (first === undefined) return
  const [location, ...reason] = first.split(': ')
  throw new SpecError(
    file,
    (location ?? '').slice(file.length + 1),
    `${reason.join(': ')}${others.map((other) => `\n  ${other}`).join('')}`,
  )
}
