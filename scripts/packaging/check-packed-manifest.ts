import type { PackedPackage } from './pack-package.ts'
import type { PublishablePackage } from './publishable-packages.ts'

const DEPENDENCY_FIELDS = ['dependencies', 'peerDependencies', 'optionalDependencies', 'devDependencies']
const WORKSPACE_ONLY = /^(workspace|catalog|link|file):/

/**
 * The packed package.json must install from a registry: no `workspace:`/`catalog:` ranges left
 * (pnpm rewrites them when packing), and each internal dependency accepts the version in the repo.
 */
export function checkPackedManifest(packed: PackedPackage, workspace: PublishablePackage[]): string[] {
  const problems: string[] = []
  const versions = new Map(workspace.map((pkg) => [pkg.name, pkg.version]))
  for (const field of DEPENDENCY_FIELDS) {
    const dependencies = (packed.manifest[field] ?? {}) as Record<string, string>
    for (const [name, range] of Object.entries(dependencies)) {
      if (WORKSPACE_ONLY.test(range)) problems.push(`${field}.${name} is still "${range}" in the tarball`)
      const version = versions.get(name)
      if (
        field !== 'devDependencies' &&
        version !== undefined &&
        range !== `^${version}` &&
        range !== version
      ) {
        problems.push(
          `${field}.${name} is "${range}", expected "^${version}" (the version in the repository)`,
        )
      }
    }
  }
  return problems
}
