import { join } from 'node:path'
import { outputTail, runCommand } from '../release/run-command.ts'

const BIN = join(import.meta.dirname, '..', '..', 'node_modules', '.bin')

/** `publint --strict` on the tarball: warnings count as errors. */
export async function runPublint(tarball: string, cwd: string): Promise<string[]> {
  const result = await runCommand(join(BIN, 'publint'), ['run', tarball, '--strict'], { cwd })
  return result.code === 0 ? [] : [`publint --strict failed:\n${outputTail(result)}`]
}

/**
 * `attw --profile esm-only` on the tarball: types must resolve for ESM under node16/nodenext and
 * bundler resolution (CommonJS `require` of our ESM-only packages is checked for real by release:local).
 */
export async function runAttw(tarball: string, cwd: string): Promise<string[]> {
  const result = await runCommand(
    join(BIN, 'attw'),
    [tarball, '--profile', 'esm-only', '--format', 'table-flipped', '--no-color', '--no-emoji'],
    { cwd, env: { ...process.env, NO_COLOR: '1' } },
  )
  return result.code === 0 ? [] : [`attw --profile esm-only failed:\n${outputTail(result, 40)}`]
}
