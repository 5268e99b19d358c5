import type { PackedPackage } from './pack-package.ts'

/** What a published package may hold: the build and the files that document it. */
const ALLOWED = [
  /^dist\/.+\.(mjs|d\.mts|js|cjs|d\.ts|d\.cts|json)$/,
  /^README\.md$/,
  /^LICENSE$/,
  /^CHANGELOG\.md$/,
  /^package\.json$/,
]
/** Never published, even inside dist/: tests, fixtures, source maps of sources we do not ship, secrets. */
const FORBIDDEN = [
  /\.test\./,
  /\.test-d\./,
  /(^|\/)fixtures?\//,
  /\.map$/,
  /(^|\/)\.env/,
  /\.(pem|key|p12|pfx|crt)$/,
  /(^|\/)\.npmrc$/,
]
const REQUIRED = ['package.json', 'LICENSE']

/** Problems with a tarball's file list; an empty list means it is fine. */
export function checkTarballFiles(packed: PackedPackage): string[] {
  const problems: string[] = []
  for (const file of packed.files) {
    if (!ALLOWED.some((pattern) => pattern.test(file)))
      problems.push(`unexpected file in the tarball: ${file}`)
    else if (FORBIDDEN.some((pattern) => pattern.test(file)))
      problems.push(`file that must not be published: ${file}`)
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
