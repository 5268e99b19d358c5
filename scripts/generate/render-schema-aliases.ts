import type { RenderableSpec } from './render-openapi-types.ts'
import { SpecError } from './spec-error.ts'

/** `ultravox.v1.CallMedium_WebRtcMedium` → `UltravoxV1CallMediumWebRtcMedium`. */
export function aliasName(schemaName: string): string {
  return schemaName
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('')
}

function isObjectLike(schema: Record<string, unknown>): boolean {
  return (
    schema.type === 'object' ||
    'properties' in schema ||
    'allOf' in schema ||
    'oneOf' in schema ||
    'anyOf' in schema
  )
}

/**
 * One alias per schema in the form users hold: `X` is what the server returns (writeOnly fields gone,
 * readOnly unwrapped), `XInput` what a request body takes (readOnly fields gone).
 */
export function renderSchemaAliases(spec: RenderableSpec): string {
  const schemas = spec.document.components?.schemas ?? {}
  const lines = ["import type { components, Readable, Writable } from './openapi.js'", '']
  const taken = new Map<string, string>()
  const claim = (alias: string, schemaName: string) => {
    const owner = taken.get(alias)
    if (owner !== undefined) {
      throw new SpecError(
        spec.file,
        `/components/schemas/${schemaName}`,
        `its type alias ${alias} collides with the one of schema ${owner}`,
      )
    }
    taken.set(alias, schemaName)
  }
  for (const [schemaName, schema] of Object.entries(schemas)) {
    const alias = aliasName(schemaName)
    const reference = `components['schemas'][${JSON.stringify(schemaName)}]`
    claim(alias, schemaName)
    lines.push(`/** Schema \`${schemaName}\` as the server returns it. */`)
    lines.push(`export type ${alias} = Readable<${reference}>`)
    if (isObjectLike(schema)) {
      claim(`${alias}Input`, schemaName)
      lines.push(`/** Schema \`${schemaName}\` as a request body takes it. */`)
      lines.push(`export type ${alias}Input = Writable<${reference}>`)
    }
  }
  return `${lines.join('\n')}\n`
}
