import { createRequire } from 'node:module'
import { withNullableReferences } from './nullable-references.ts'
import { SpecError } from './spec-error.ts'
import type { ValidatedSpec } from './validate-spec.ts'

/** What rendering needs of a spec: its names and the document with its overlay applied. */
export type RenderableSpec = Pick<ValidatedSpec, 'name' | 'file' | 'overlay' | 'document'>

import { pointerToJsonPath } from './walk-document.ts'

type OpenApiTypescript = typeof import('openapi-typescript')
let openapiTypescript: OpenApiTypescript | undefined

/**
 * openapi-typescript, loaded on first use, through its CommonJS build: its ES module build imports
 * TypeScript's 9 MB CommonJS file through Node's ES module loader, which scans all of it for named
 * exports (about 1.3 s of a cold generator's start; `require` takes TypeScript as it is). Source
 * maps are off while it loads: tsx turns them on, and Node then reads and parses the map of every
 * module openapi-typescript and redocly's core bring (about 50 ms of a 2 s `generate --check`). The
 * generator loads it while `redocly lint` runs in its own process.
 */
export async function loadOpenApiTypescript(): Promise<OpenApiTypescript> {
  if (openapiTypescript !== undefined) return openapiTypescript
  const sourceMaps = process.sourceMapsEnabled
  process.setSourceMapsEnabled(false)
  try {
    openapiTypescript = createRequire(import.meta.url)('openapi-typescript') as OpenApiTypescript
  } finally {
    process.setSourceMapsEnabled(sourceMaps)
  }
  return openapiTypescript
}

/** openapi-typescript's error, as a SpecError with the pointer it names and the overlay action to write. */
function renderError(spec: RenderableSpec, error: unknown): SpecError {
  const message = (error as Error).message ?? String(error)
  // Two shapes: "<reason> at #/pointer" (its renderer), "#/pointer: <reason>" (its validator).
  const at = / at #?(\/\S*)/.exec(message) ?? /^#?(\/\S*?): /.exec(message)
  const pointer = at?.[1] ?? ''
  const reason = (
    message
      .replace(/ at #?\/\S*/, '')
      .replace(/^#?\/\S*?: /, '')
      .split('\n')[0] ?? ''
  ).replace(/\.$/, '')
  const overlay = spec.overlay ?? `specs/${spec.name}.overlay.yaml`
  const schemaPointer = pointer.replace(/\/(?:oneOf|anyOf|allOf|items|enum)(?:\/\d+)?.*$/, '')
  return new SpecError(
    spec.file,
    pointer,
    [
      `openapi-typescript cannot render this: ${reason}.`,
      `Fix the schema in ${overlay}, e.g.:`,
      `  - target: ${pointerToJsonPath(schemaPointer || pointer)}`,
      '    description: why the published schema is wrong',
      '    update: { ...what the provider meant }',
    ].join('\n'),
  )
}

/**
 * `paths`, `components` and `operations` from openapi-typescript, with readOnly/writeOnly markers
 * (openapi-fetch strips them per direction) and enum values as runtime arrays. Rendered from the
 * document with its overlay applied; nullable references become `T | null` (see nullable-references.ts).
 */
export async function renderOpenApiTypes(spec: RenderableSpec): Promise<string> {
  const { default: openapiTS, astToString } = await loadOpenApiTypescript()
  try {
    const ast = await openapiTS(withNullableReferences(spec.document) as never, {
      readWriteMarkers: true,
      enumValues: true,
      // Properties with a default stay optional: a request may omit them, a response may too.
      defaultNonNullable: false,
      // `type: object` with no properties is an open object in published documents, not an empty one.
      emptyObjectsUnknown: true,
      alphabetize: false,
      silent: true,
    })
    return astToString(ast)
  } catch (error) {
    throw renderError(spec, error)
  }
}
