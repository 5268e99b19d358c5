import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { SpecError } from './spec-error.ts'

export interface SpecFile {
  /** Provider name, from the file name: `specs/truedy.yaml` → `truedy`. */
  name: string
  /** Path relative to the repository root, with forward slashes. */
  file: string
}

const SPEC_EXTENSION = /\.(ya?ml|json)$/
const PROVIDER_NAME = /^[a-z][a-z0-9-]*$/

/** Every OpenAPI document in `specs/`, sorted by name. */
export function listSpecFiles(root: string, specsDirectory = 'specs'): SpecFile[] {
  const specs = readdirSync(join(root, specsDirectory))
    .filter((entry) => SPEC_EXTENSION.test(entry))
    .sort()
    .map((entry) => ({ name: entry.replace(SPEC_EXTENSION, ''), file: `${specsDirectory}/${entry}` }))
  const seen = new Set<string>()
  for (const spec of specs) {
    if (!PROVIDER_NAME.test(spec.name)) {
      throw new SpecError(
        spec.file,
        '',
        'the file name must be a provider name: lowercase letters, digits, dashes',
      )
    }
    if (seen.has(spec.name)) throw new SpecError(spec.file, '', `a second spec for provider "${spec.name}"`)
    seen.add(spec.name)
  }
  return specs
}
