import { walkDocument } from './walk-document.ts'

/**
 * OpenAPI 3.0 documents from Django REST framework generators write a nullable reference as
 * `nullable: true` beside `$ref` (or beside `allOf`/`oneOf` with no `type`). openapi-typescript renders
 * `allOf`/`oneOf` + `nullable` as `T | null` but drops `nullable` beside a bare `$ref` (3.0 ignores `$ref`
 * siblings). The writer meant `T | null`, so such a node is rewritten `{ allOf: [{ $ref }], nullable: true }`.
 * Works on a copy; the caller's document is not changed.
 */
export function withNullableReferences<Document>(document: Document): Document {
  const copy = structuredClone(document)
  walkDocument(copy, (node) => {
    if (typeof node.$ref !== 'string' || node.nullable !== true) return
    const reference = node.$ref
    delete node.$ref
    node.allOf = [{ $ref: reference }]
  })
  return copy
}
