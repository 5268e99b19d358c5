import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

export const REPOSITORY_ROOT = join(import.meta.dirname, '..', '..', '..')

/** Every README whose examples are tests: the root one and each package's, as paths from the root. */
export function readmeFiles(root = REPOSITORY_ROOT): string[] {
  const packages = readdirSync(join(root, 'packages'))
    .sort()
    .map((folder) => `packages/${folder}/README.md`)
  return ['README.md', ...packages].filter((file) => existsSync(join(root, file)))
}
