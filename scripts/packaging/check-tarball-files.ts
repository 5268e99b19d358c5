import type { PackedPackage } from './pack-package.ts'

/** What a published package may hold: the build with its maps, the sources the maps point at, the docs. */
const ALLOWED = [
  /^dist\/.+\.(mjs|d\.mts|js|cjs|d\.ts|d\.cts|json|map)$/,
  /^src\/.+\.ts$/,
  /^README\.md$/,
  /^LICENSE$/,
  /^CHANGELOG\.md$/,
  /^package\.json$/,
]
/** Never published, wherever they are: tests, fixtures, secrets. */
const FORBIDDEN = [
  /\.test\./,
  /\.test-d\./,
  /(^|\/)fixtures?\//,
  /(^|\/)\.env/,
  /\.(pem|key|p12|pfx|crt)$/,
  /(^|\/)\.npmrc$/,
]
const REQUIRED = ['package.json', 'LICENSE']

/** Problems with a tarball's file list; an empty list means it is fine. */
export function checkTarballFiles(packed: PackedPackage): string[] {
  const problems: string[] = []
  for (const file of packed.files) {
    if (FORBIDDEN.some((pattern) => pattern.test(file)))
      problems.push(`file that must not be published: ${file}`)
    else if (!ALLOWED.some((pattern) => pattern.test(file)))
      problems.push(`unexpected file in the tarball: ${file}`)
  }
  for (const file of REQUIRED) {
    if (!packed.files.includes(file)) problems.push(`missing from the tarball: ${file}`)
  }
  const entry = (
    packed.manifest.exports as Record<string, { default?: string; types?: string }> | undefined
  )?.['.']
  for (const target of [entry?.default, entry?.types]) {
    if (target && !packed.files.includes(target.replace(/^\.\//, ''))) {
      problems.push(`exports["."] points at ${target}, which is not in the tarball (was the package built?)`)
    }
  }
  return problems
}

/** Not an error yet (DESIGN asks for a README per package; some are still being written). */
export function tarballWarnings(packed: PackedPackage): string[] {
  return packed.files.includes('README.md') ? [] : ['no README.md in the tarball']
}
