import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import openapiTS, { astToString } from 'openapi-typescript'
import { SpecError } from './spec-error.ts'
import type { ValidatedSpec } from './validate-spec.ts'

/**
 * `paths`, `components` and `operations` from openapi-typescript, with readOnly/writeOnly markers
 * (openapi-fetch strips them per direction) and enum values as runtime arrays.
 */
export async function renderOpenApiTypes(root: string, spec: ValidatedSpec): Promise<string> {
  try {
    const ast = await openapiTS(pathToFileURL(join(root, spec.file)), {
      readWriteMarkers: true,
      enumValues: true,
      // Properties with a default stay optional: a request may omit them, a response may too.
      defaultNonNullable: false,
      alphabetize: false,
      silent: true,
    })
    return astToString(ast)
  } catch (error) {
    throw new SpecError(spec.file, '', `openapi-typescript failed: ${(error as Error).message}`)
  }
}
