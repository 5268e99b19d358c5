import { type RenderableSpec, renderOpenApiTypes } from './render-openapi-types.ts'
import { renderSchemaAliases } from './render-schema-aliases.ts'

/** Everything a types package exports for a document, as text: what two spec versions are compared by. */
export async function generatedTypesText(spec: RenderableSpec): Promise<string> {
  return `${await renderOpenApiTypes(spec)}\n${renderSchemaAliases(spec)}`
}
