import { join } from 'node:path'
import { listPublishablePackages, type PublishablePackage } from '../packaging/publishable-packages.ts'
import { changedEntries, snapshotRepository } from './repository-snapshot.ts'
import { assertSucceeded, runCommand } from './run-command.ts'

const CHANGESET = join(import.meta.dirname, '..', '..', 'node_modules', '.bin', 'changeset')

async function isPublished(registryUrl: string, pkg: PublishablePackage): Promise<boolean> {
  const response = await fetch(`${registryUrl}${pkg.name.replace('/', '%2f')}`, {
    signal: AbortSignal.timeout(10_000),
  })
  if (!response.ok) return false
  const packument = (await response.json()) as { versions?: Record<string, unknown> }
  return packument.versions?.[pkg.version] !== undefined
}

/**
 * Publishes every publishable package at its current version through changesets' own publish path
 * (`changeset publish`, which runs `pnpm publish` per package in a pnpm workspace), without git tags.
 * Then checks the registry has each one, and that the repository is as it was.
 */
export async function publishWithChangesets(
  root: string,
  registryUrl: string,
  environment: NodeJS.ProcessEnv,
): Promise<PublishablePackage[]> {
  const before = snapshotRepository(root)
  const published = await runCommand(CHANGESET, ['publish', '--no-git-tag'], { cwd: root, env: environment })
  const changed = changedEntries(before, snapshotRepository(root))
  if (changed.length > 0) throw new Error(`changeset publish changed the repository: ${changed.join(', ')}`)
  assertSucceeded(published, 'changeset publish')
  const packages = listPublishablePackages(root)
  const missing: string[] = []
  for (const pkg of packages)
    if (!(await isPublished(registryUrl, pkg))) missing.push(`${pkg.name}@${pkg.version}`)
  if (missing.length > 0) throw new Error(`not on the local registry after publishing: ${missing.join(', ')}`)
  return packages
}
