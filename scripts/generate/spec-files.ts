import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { SpecError } from './spec-error.ts'

export interface SpecFile {
  /** Provider name, from the file name: `specs/truedy.yaml` → `truedy`. */
  name: string
  /** Path relative to the repository root, with forward slashes. */
  file: string
  /** `specs/<name>.overlay.yaml` when there is one: our changes, applied before anything else. */
  overlay: string | null
}

const SPEC_EXTENSION = /\.(ya?ml|json)$/
const OVERLAY_FILE = /\.overlay\.(ya?ml|json)$/
const PROVIDER_NAME = /^[a-z][a-z0-9-]*$/

/** The overlay beside a spec, if any: `<name>.overlay.yaml`, `.yml` or `.json`. */
export function overlayOf(root: string, specsDirectory: string, name: string): string | null {
  for (const extension of ['yaml', 'yml', 'json']) {
    const file = `${specsDirectory}/${name}.overlay.${extension}`
    if (existsSync(join(root, file))) return file
  }
  return null
}

/** Every OpenAPI document in `specs/` (overlays excluded: they belong to their spec), sorted by name. */
export function listSpecFiles(root: string, specsDirectory = 'specs'): SpecFile[] {
  const entries = readdirSync(join(root, specsDirectory))
  const specs = entries
    .filter((entry) => SPEC_EXTENSION.test(entry) && !OVERLAY_FILE.test(entry))
    .sort()
    .map((entry) => {
      const name = entry.replace(SPEC_EXTENSION, '')
      return { name, file: `${specsDirectory}/${entry}`, overlay: overlayOf(root, specsDirectory, name) }
    })
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
  for (const entry of entries.filter((entry) => OVERLAY_FILE.test(entry))) {
    const name = entry.replace(OVERLAY_FILE, '')
    if (!seen.has(name)) {
      throw new SpecError(
        `${specsDirectory}/${entry}`,
        '',
        `an overlay without a spec: no specs/${name}.yaml`,
      )
    }
  }
  return specs
}
