import { mkdirSync } from 'node:fs'
import { basename, join } from 'node:path'
import { pnpmEnvironment } from '../release/pnpm-environment.ts'
import { assertSucceeded, runCommand } from '../release/run-command.ts'
import type { PublishablePackage } from './publishable-packages.ts'

export interface PackedPackage {
  tarball: string
  /** Paths inside the tarball, without the leading `package/`. */
  files: string[]
  /** package.json as it is in the tarball (pnpm rewrites `workspace:` and `catalog:` when packing). */
  manifest: Record<string, unknown>
  /** The tarball unpacked: the folder holding its `package/`-stripped files, for checks that read them. */
  contents: string
}

/** `pnpm pack` into `destination`, then reads the tarball back: its file list, its package.json, its files. */
export async function packPackage(pkg: PublishablePackage, destination: string): Promise<PackedPackage> {
  const packed = assertSucceeded(
    await runCommand('pnpm', ['pack', '--pack-destination', destination, '--json'], {
      cwd: pkg.directory,
      env: pnpmEnvironment(),
    }),
    `pnpm pack in ${pkg.directory}`,
  )
  const report = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('{'))) as { filename: string }
  const tarball = report.filename.startsWith('/') ? report.filename : join(destination, report.filename)
  const listing = assertSucceeded(await runCommand('tar', ['-tzf', tarball], { cwd: destination }), 'tar -t')
  const manifest = assertSucceeded(
    await runCommand('tar', ['-xzOf', tarball, 'package/package.json'], { cwd: destination }),
    'tar -x package.json',
  )
  const contents = join(destination, basename(tarball, '.tgz'))
  mkdirSync(contents, { recursive: true })
  assertSucceeded(
    await runCommand('tar', ['-xzf', tarball, '-C', contents, '--strip-components=1'], { cwd: destination }),
    'tar -x',
  )
  return {
    tarball,
    contents,
    files: listing.stdout
      .split('\n')
      .filter(Boolean)
      .map((path) => path.replace(/^package\//, ''))
      .sort(),
    manifest: JSON.parse(manifest.stdout) as Record<string, unknown>,
  }
}
