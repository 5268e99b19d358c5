import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export interface PublishablePackage {
  name: string
  version: string
  /** Absolute path of the package folder. */
  directory: string
}

/** Every `packages/*` whose package.json is not `private`, sorted by folder. */
export function listPublishablePackages(root: string): PublishablePackage[] {
  const packagesDirectory = join(root, 'packages')
  return readdirSync(packagesDirectory)
    .sort()
    .map((folder) => join(packagesDirectory, folder))
    .filter((directory) => existsSync(join(directory, 'package.json')))
    .map((directory) => {
      const manifest = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as {
        name: string
        version: string
        private?: boolean
      }
      return { manifest, directory }
    })
    .filter(({ manifest }) => manifest.private !== true)
    .map(({ manifest, directory }) => ({ name: manifest.name, version: manifest.version, directory }))
}

/** Packages by name or folder (`@voicebatch/core` or `core`); all when `wanted` is empty. */
export function selectPackages(all: PublishablePackage[], wanted: string[]): PublishablePackage[] {
  if (wanted.length === 0) return all
  return wanted.map((name) => {
    const found = all.find(
      (candidate) => candidate.name === name || candidate.directory.endsWith(`/packages/${name}`),
    )
    if (!found)
      throw new Error(`no publishable package "${name}" (known: ${all.map((item) => item.name).join(', ')})`)
    return found
  })
}
