import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pnpmEnvironment } from '../release/pnpm-environment.ts'
import { assertSucceeded, runCommand } from '../release/run-command.ts'
import { assertBuilt } from './assert-built.ts'
import { checkPackedManifest } from './check-packed-manifest.ts'
import { checkRegistryMetadata } from './check-registry-metadata.ts'
import { checkSizeLimits, type SizeReport } from './check-size-limits.ts'
import { checkSourceMaps } from './check-source-maps.ts'
import { checkTarballFiles, tarballWarnings } from './check-tarball-files.ts'
import { checkTypeResolution } from './check-type-resolution.ts'
import { packPackage } from './pack-package.ts'
import { listPublishablePackages, type PublishablePackage, selectPackages } from './publishable-packages.ts'
import { runPublint } from './run-publint.ts'

export interface PackageCheck {
  name: string
  files: string[]
  problems: string[]
  warnings: string[]
}

export interface CheckPackagesOptions {
  /** Package names or folders; every publishable package when empty. */
  packages?: string[]
  /** Skip `turbo run build` (the packages are built already). */
  build?: boolean
}

/** Builds the selected packages and what they depend on (turbo's `^build`), with errors only. */
export async function buildPackages(root: string, packages: PublishablePackage[]): Promise<void> {
  const filters = packages.map((pkg) => `--filter=${pkg.name}`)
  assertSucceeded(
    await runCommand('pnpm', ['exec', 'turbo', 'run', 'build', '--output-logs=errors-only', ...filters], {
      cwd: root,
      env: pnpmEnvironment(),
    }),
    'building the packages',
  )
}

async function checkOne(
  pkg: PublishablePackage,
  all: PublishablePackage[],
  destination: string,
): Promise<PackageCheck> {
  const packed = await packPackage(pkg, destination)
  const problems = [
    ...checkTarballFiles(packed),
    ...checkPackedManifest(packed, all),
    ...checkRegistryMetadata(packed, pkg),
    ...checkSourceMaps(packed),
    ...(await runPublint(packed.tarball, destination)),
    ...(await checkTypeResolution(packed.tarball)),
  ]
  return { name: pkg.name, files: packed.files, problems, warnings: tarballWarnings(packed) }
}

/**
 * For every publishable package: `pnpm pack`, then its tarball's files, its packed package.json
 * (dependency ranges, registry-page metadata), its source maps, `publint --strict`, the checks of `attw --profile esm-only` (in this process, check-type-resolution.ts); then size-limit budgets. Tarballs go to a temp
 * folder that is removed afterwards.
 */
export async function checkPackages(
  root: string,
  options: CheckPackagesOptions = {},
): Promise<{ checks: PackageCheck[]; sizes: SizeReport[] }> {
  const all = listPublishablePackages(root)
  const selected = selectPackages(all, options.packages ?? [])
  if (options.build !== false) await buildPackages(root, selected)
  else assertBuilt(selected)
  const destination = mkdtempSync(join(tmpdir(), 'voicebatch-pack-'))
  try {
    const checks: PackageCheck[] = []
    for (const pkg of selected) checks.push(await checkOne(pkg, all, destination))
    const sizes = await checkSizeLimits(root, selected)
    for (const check of checks) check.problems.push(...(sizes.problems.get(check.name) ?? []))
    return { checks, sizes: sizes.reports }
  } finally {
    rmSync(destination, { recursive: true, force: true })
  }
}
