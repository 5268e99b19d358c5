import { existsSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { PackedPackage } from './pack-package.ts'
import type { PublishablePackage } from './publishable-packages.ts'

const REPOSITORY = 'git+https://github.com/voicebatch/voicebatch.git'
const ISSUES = 'https://github.com/voicebatch/voicebatch/issues'

interface RegistryFields {
  description?: unknown
  homepage?: unknown
  bugs?: { url?: unknown } | string
  repository?: { type?: unknown; url?: unknown; directory?: unknown } | string
  files?: unknown
}

/**
 * What a registry page shows: a description that reads well, a homepage (the package's folder),
 * where to report bugs, the repository with the package's directory; CHANGELOG.md in `files`
 * (`changeset version` writes it, npm would not ship it otherwise).
 */
export function checkRegistryMetadata(packed: PackedPackage, pkg: PublishablePackage): string[] {
  const manifest = packed.manifest as RegistryFields
  const folder = `packages/${basename(pkg.directory)}`
  const problems: string[] = []
  const description = typeof manifest.description === 'string' ? manifest.description : ''
  if (description.length < 20) problems.push('description is missing or too short to say what the package is')
  const repeated = /\b(\w+) \1\b/i.exec(description)
  if (repeated) problems.push(`description repeats "${repeated[1]}": "${description}"`)
  if (manifest.homepage !== `https://github.com/voicebatch/voicebatch/tree/main/${folder}#readme`)
    problems.push(`homepage is ${JSON.stringify(manifest.homepage)}, expected the package's folder on GitHub`)
  const bugs = typeof manifest.bugs === 'string' ? manifest.bugs : manifest.bugs?.url
  if (bugs !== ISSUES) problems.push(`bugs.url is ${JSON.stringify(bugs)}, expected ${ISSUES}`)
  const repository = typeof manifest.repository === 'object' ? manifest.repository : undefined
  if (repository?.url !== REPOSITORY || repository.directory !== folder)
    problems.push(`repository must be ${REPOSITORY} with directory ${folder}`)
  if (!Array.isArray(manifest.files) || !manifest.files.includes('CHANGELOG.md'))
    problems.push('files does not list CHANGELOG.md')
  else if (existsSync(join(pkg.directory, 'CHANGELOG.md')) && !packed.files.includes('CHANGELOG.md'))
    problems.push('CHANGELOG.md exists but is not in the tarball')
  return problems
}
