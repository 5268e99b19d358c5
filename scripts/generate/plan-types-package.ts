import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { generatedHeader } from './generated-header.ts'
import { newPackageChangeset, sizeBudget } from './new-package-extras.ts'
import { renderOpenApiTypes } from './render-openapi-types.ts'
import { renderSchemaAliases } from './render-schema-aliases.ts'
import { renderSpecInfo } from './render-spec-info.ts'
import { scaffoldTypesPackage } from './scaffold-types-package.ts'
import type { CheckedSpec } from './validate-spec.ts'

export interface SpecStamp {
  spec: string
  specVersion: string
  specSha256: string
  /** Present when the spec has an overlay: the overlay's file and sha256. */
  overlay?: string
  overlaySha256?: string
}

export interface TypesPackagePlan {
  directory: string
  /** Every file this spec owns, by absolute path, with the content it must have. */
  files: Map<string, string>
  /** The stamp the package carried before this run, if any: tells whether the spec changed. */
  previousStamp: SpecStamp | null
  /** For a package scaffolded by this run: its size budget, to add to .size-limit.json. */
  sizeBudget: ReturnType<typeof sizeBudget> | null
}

function stampedPackageJson(current: string, stamp: SpecStamp): string {
  const manifest = JSON.parse(current) as Record<string, unknown>
  manifest.voicebatch = stamp
  return `${JSON.stringify(manifest, null, 2)}\n`
}

/** What `packages/<name>-types` must contain for this spec: scaffold (new packages only), generated code, stamp. */
export async function planTypesPackage(root: string, spec: CheckedSpec): Promise<TypesPackagePlan> {
  const directory = join(root, 'packages', `${spec.name}-types`)
  const files = scaffoldTypesPackage(root, spec)
  const header = generatedHeader(spec)
  const generated = join(directory, 'src', 'generated')
  files.set(join(generated, 'openapi.ts'), header + (await renderOpenApiTypes(spec)))
  files.set(join(generated, 'schemas.ts'), header + renderSchemaAliases(spec))
  files.set(join(generated, 'spec-info.ts'), header + renderSpecInfo(spec))

  const manifestPath = join(directory, 'package.json')
  const isNew = files.has(manifestPath)
  if (isNew) files.set(...newPackageChangeset(root, spec))
  const budget = isNew
    ? sizeBudget(
        spec,
        [...files].filter(([path]) => path.startsWith(generated)).map(([, text]) => text),
      )
    : null
  const manifest = files.get(manifestPath) ?? readFileSync(manifestPath, 'utf8')
  const previous = existsSync(manifestPath)
    ? ((JSON.parse(readFileSync(manifestPath, 'utf8')) as { voicebatch?: SpecStamp }).voicebatch ?? null)
    : null
  const stamp: SpecStamp = {
    spec: spec.file,
    specVersion: spec.document.info.version,
    specSha256: spec.sha256,
    ...(spec.overlay !== null && spec.overlaySha256 !== null
      ? { overlay: spec.overlay, overlaySha256: spec.overlaySha256 }
      : {}),
  }
  files.set(manifestPath, stampedPackageJson(manifest, stamp))
  return { directory, files, previousStamp: previous, sizeBudget: budget }
}
