import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { repositoryRoot } from './repository-copy.ts'

export interface ScriptResult {
  status: number | null
  stdout: string
  stderr: string
}

/** Runs one of our TypeScript scripts with tsx, in the given folder (as `pnpm <script>` would). */
export function runScript(cwd: string, script: string, ...args: string[]): ScriptResult {
  const result = spawnSync(
    join(repositoryRoot, 'node_modules', '.bin', 'tsx'),
    [join(cwd, 'scripts', script), ...args],
    {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    },
  )
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}
