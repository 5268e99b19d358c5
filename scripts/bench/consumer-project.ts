import { cpSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

/** Package name → folder under packages/. */
const workspacePackages: Record<string, string> = {
  '@voicebatch/core': 'core',
  '@voicebatch/ultravox-types': 'ultravox-types',
  '@voicebatch/techladder-types': 'techladder-types',
  '@voicebatch/truedy-types': 'truedy-types',
  '@voicebatch/ultravox': 'ultravox',
  '@voicebatch/techladder': 'techladder',
  '@voicebatch/truedy': 'truedy',
  '@voicebatch/testing': 'testing',
  voicebatch: 'voicebatch',
}

export interface ConsumerProject {
  directory: string
  remove(): void
}

/**
 * A throw-away project outside the workspace that has our packages and openapi-fetch in its
 * node_modules (symlinks to packages/* and to core's copy of openapi-fetch), so that esbuild and
 * tsc resolve them exactly as in a user's project: by name, through `exports`, from `dist/`.
 * The files of bench/consumer/ are copied in.
 */
export function createConsumerProject(root: string): ConsumerProject {
  const directory = mkdtempSync(join(tmpdir(), 'voicebatch-bench-consumer-'))
  const link = (name: string, target: string) => {
    const path = join(directory, 'node_modules', name)
    mkdirSync(dirname(path), { recursive: true })
    symlinkSync(target, path, 'dir')
  }
  for (const [name, folder] of Object.entries(workspacePackages)) link(name, join(root, 'packages', folder))
  link('openapi-fetch', realpathSync(join(root, 'packages', 'core', 'node_modules', 'openapi-fetch')))
  cpSync(join(root, 'bench', 'consumer'), directory, { recursive: true })
  return { directory, remove: () => rmSync(directory, { recursive: true, force: true }) }
}
