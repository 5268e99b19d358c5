import { join } from 'node:path'
import { outputTail, runCommand } from '../release/run-command.ts'

const BIN = join(import.meta.dirname, '..', '..', 'node_modules', '.bin')

/** `publint --strict` on the tarball: warnings count as errors. */
export async function runPublint(tarball: string, cwd: string): Promise<string[]> {
  const result = await runCommand(join(BIN, 'publint'), ['run', tarball, '--strict'], { cwd })
  return result.code === 0 ? [] : [`publint --strict failed:\n${outputTail(result)}`]
}
