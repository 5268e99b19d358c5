import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { repositoryRoot } from './repository-copy.ts'

export interface ScriptResult {
  status: number | null
  stdout: string
  stderr: string
}

/**
 * Node's arguments that run a TypeScript file as `pnpm <script>` does (`tsx <file>`), in one process:
 * the tsx CLI would start a second Node process to do the same.
 */
export const TSX_NODE_ARGS = [
  '--import',
  // tsx's loader (its package's `.` export) from this checkout: the folder it runs in may have no node_modules.
  pathToFileURL(join(repositoryRoot, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href,
]

/** Runs one of our TypeScript scripts with tsx, in the given folder (as `pnpm <script>` would). */
export function runScript(cwd: string, script: string, ...args: string[]): ScriptResult {
  const result = spawnSync(process.execPath, [...TSX_NODE_ARGS, join(cwd, 'scripts', script), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}
